import { loadConfig } from '../../src/config.js';
import { createLogger, type Level } from '../../src/log.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import type { LineAccount } from '../../src/conversation/ports.js';
import { ADMIN_TOKEN, recordingMessenger } from '../helpers/app.js';
import { testDatabase } from '../helpers/database.js';
import { ACCESS_TOKEN, CHANNEL_SECRET } from '../helpers/line.js';
import { recordingMailer } from '../helpers/mail.js';

export const METRICS_TOKEN = 'test-metrics-token-9876543210';
export const LINK_TOKEN_PREFIX = 'linktoken';

/**
 * buildRuntime as `npm start` wires it, with every log line captured: PGlite in memory, or a new
 * database on DATABASE_URL's server. LINE is a recording messenger and an account stub that
 * issues recognisable link tokens (the tests then look for them in the logs).
 */
export async function opsRuntime(
  level: Level = 'info',
): Promise<{ rt: Runtime; lines: string[]; issued: string[]; close(): Promise<void> }> {
  const server = process.env.DATABASE_URL ? await testDatabase() : undefined;
  const lines: string[] = [];
  const issued: string[] = [];
  const line: LineAccount = {
    async profileLanguage() {
      return undefined;
    },
    async issueLinkToken() {
      const t = `${LINK_TOKEN_PREFIX}${issued.length}x${Math.random().toString(36).slice(2)}`;
      issued.push(t);
      return t;
    },
    async showRichMenu() {},
  };
  const config = loadConfig({
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    ADMIN_TOKEN,
    METRICS_TOKEN,
    DATABASE_URL: server?.url,
    SEED: 'none',
    CRON: 'off',
  });
  const rt = await buildRuntime(
    config,
    createLogger(level, (l) => lines.push(l)),
    { pgliteInMemory: true, messenger: recordingMessenger(), line, mail: recordingMailer() },
  );
  return {
    rt,
    lines,
    issued,
    async close() {
      await rt.close();
      await server?.close();
    },
  };
}
