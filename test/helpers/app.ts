import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { formSecret } from '../../src/http/page-security.js';
import type { DB } from '../../src/db/schema.js';
import type { Messenger } from '../../src/conversation/ports.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { rememberSecret, rememberSecretFields, testLog } from './test-log.js';
import { buildRuntime } from '../../src/runtime.js';
import type { JobContext } from '../../src/services/jobs.js';
import type { Multicaster } from '../../src/services/announcements.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { deliverEmailNotices } from '../../src/notices/email-delivery.js';
import { recordingMailer } from './mail.js';
import { onPostgres, testDatabase } from './database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
rememberSecret('the admin token', ADMIN_TOKEN);

/** A messenger that records what would have gone to LINE. */
export function recordingMessenger(): Messenger & { pushes: { to: string; messages: unknown[]; retryKey: string }[] } {
  const pushes: { to: string; messages: unknown[]; retryKey: string }[] = [];
  return {
    pushes,
    render: toLineMessages,
    async reply() {},
    async push(to, messages, retryKey) {
      pushes.push({ to, messages, retryKey });
    },
  };
}

export interface TestApp {
  app: Hono;
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** The instant the app's clock answers. */
  now: Date;
  messenger: ReturnType<typeof recordingMessenger>;
  /** What would have gone out by mail. */
  mailer: ReturnType<typeof recordingMailer>;
  /** A JSON call; `token: null` sends no Authorization header. */
  call(
    method: string,
    path: string,
    body?: unknown,
    opts?: { token?: string | null; rawBody?: string },
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The HTTP app over a fresh migrated database, with no demo data and a clock the test sets.
 * On PGlite it is built the way `npm start` builds it (buildRuntime, in memory); with
 * DATABASE_URL it is wired from testDatabase() (a new database on that server) and createApp.
 */
export async function testApp(
  opts: { adminToken?: string | null; now?: Date; multicaster?: Multicaster } = {},
): Promise<TestApp> {
  const adminToken = opts.adminToken === undefined ? ADMIN_TOKEN : (opts.adminToken ?? undefined);
  const messenger = recordingMessenger();
  const mailer = recordingMailer();
  const state = { now: opts.now ?? new Date('2026-12-01T10:00:00+09:00') };
  const clock = () => state.now;
  const config = loadConfig({
    SEED: 'none',
    CRON: 'off',
    LIBRARY_PROFILE: process.env.LIBRARY_PROFILE,
    ...(adminToken !== undefined ? { ADMIN_TOKEN: adminToken } : {}),
  });

  let app: Hono;
  let db: Kysely<DB>;
  let kind: 'pglite' | 'postgres';
  let close: () => Promise<void>;
  if (!onPostgres()) {
    const rt = await buildRuntime(config, testLog, {
      pgliteInMemory: true,
      messenger,
      clock,
      mail: mailer,
      ...(opts.multicaster ? { multicaster: opts.multicaster } : {}),
    });
    ({ app } = rt);
    db = rt.database.db;
    kind = rt.database.kind;
    close = () => rt.close();
  } else {
    const database = await testDatabase();
    db = database.db;
    kind = database.kind;
    const mail = {
      db,
      transport: mailer,
      log: testLog,
      publicBaseUrl: config.publicBaseUrl,
      mailFrom: config.mailFrom,
    };
    const jobs: JobContext = {
      db,
      promoteHoldsHour: config.promoteHoldsHour,
      deliverNotices: async (now) =>
        (await deliverLineNotices(database.db, messenger, testLog, now)) + (await deliverEmailNotices(mail, now)),
    };
    app = createApp({
      db,
      log: testLog,
      channelSecret: config.line.channelSecret,
      adminToken: config.adminToken,
      loanPeriodDays: config.loanPeriodDays,
      jobs,
      onEventsStored: () => {},
      clock,
      multicaster: opts.multicaster,
      pages: {
        publicBaseUrl: config.publicBaseUrl,
        lineAccessBaseUrl: config.line.accessBaseUrl,
        formSecret: formSecret(config.line.channelSecret),
      },
      mail: {
        mailFrom: config.mailFrom,
        sendMailNow: async (noticeId) => void (await deliverEmailNotices(mail, clock(), noticeId)),
      },
    });
    close = () => database.close();
  }

  return {
    app,
    db,
    kind,
    messenger,
    mailer,
    get now() {
      return state.now;
    },
    set now(d: Date) {
      state.now = d;
    },
    async call(method, path, body, o = {}) {
      const token = o.token === undefined ? (adminToken ?? null) : o.token;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const init: RequestInit = { method, headers };
      const hasBody = method !== 'GET' && method !== 'HEAD';
      if (hasBody && o.rawBody !== undefined) init.body = o.rawBody;
      else if (hasBody && body !== undefined) init.body = JSON.stringify(body);
      const res = await app.request(path, init);
      const text = await res.text();
      const answer = text === '' ? undefined : JSON.parse(text);
      // An issued initial password and a looked-up card are secrets from here on (not the request's
      // own fields: the fuzz tests send arbitrary strings there).
      if (res.ok && answer && typeof answer === 'object') rememberSecretFields(answer);
      return { status: res.status, body: answer };
    },
    close,
  };
}
