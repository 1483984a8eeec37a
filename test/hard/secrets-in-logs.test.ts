import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import type { TestApp } from '../helpers/app.js';
import { recordingMessenger } from '../helpers/app.js';
import { CHANNEL_SECRET, lineUserId, postWebhook, textEvent, webhookBody } from '../helpers/line.js';
import { formError, loginClient } from '../helpers/pages.js';

// A scripted session through the runtime `npm start` builds, logging at debug into memory: staff
// calls, an initial password, failed and good logins, chat messages carrying the password. No
// secret the session handled may appear in any log line.
const ADMIN = 'hard-admin-token-7f3c9a1e5b';
const lines: string[] = [];
let rt: Runtime;

beforeAll(async () => {
  const config = loadConfig({
    SEED: 'none',
    CRON: 'off',
    ADMIN_TOKEN: ADMIN,
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LOG_LEVEL: 'debug',
  });
  rt = await buildRuntime(
    config,
    createLogger('debug', (l) => lines.push(l)),
    { pgliteInMemory: true, messenger: recordingMessenger() },
  );
});
afterAll(() => rt.close());

describe('secrets in logs', () => {
  it('a whole session leaves no password, token, nonce or full card number in the logs', async () => {
    const staff = (path: string, body?: unknown) =>
      rt.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const card = '4000000001';
    expect(
      (
        await staff('/admin/patrons', {
          cardNumber: card,
          name: '記録 太郎',
          birthDate: '1980-01-01',
          residency: 'resident',
        })
      ).status,
    ).toBe(201);
    const issued = (await (await staff(`/admin/patrons/${card}/initial-password`)).json()) as {
      password?: string;
      initialPassword?: string;
    };
    const password = issued.password ?? issued.initialPassword ?? '';
    expect(password).not.toBe('');
    await rt.app.request('/admin/patrons/x', { headers: { authorization: 'Bearer wrong-token-93ab1c' } });

    const t = { app: rt.app, db: rt.database.db, now: new Date() } as unknown as TestApp;
    const client = loginClient(t);
    const v = await client.visitor('logs');
    expect(
      formError((await client.login(v.linkToken, { cardNumber: card, password: 'Wrong123x' })).html),
    ).toBeDefined();
    const ok = await client.login(v.linkToken, { cardNumber: card, password });
    expect(ok.res.status).toBe(302);
    const nonce = new URL(ok.res.headers.get('location')!).searchParams.get('nonce') ?? '';
    expect(nonce).not.toBe('');

    const user = lineUserId('logs');
    await postWebhook(rt.app, webhookBody([textEvent(user, password), textEvent(user, `パスワードは ${password}`)]));
    await rt.worker.kick();

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    const secrets = {
      password,
      wrongPassword: 'Wrong123x',
      admin: ADMIN,
      wrongToken: 'wrong-token-93ab1c',
      channelSecret: CHANNEL_SECRET,
      linkToken: v.linkToken,
      nonce,
      card,
    };
    for (const [what, secret] of Object.entries(secrets))
      if (secret) expect(log.includes(secret), `${what} in the logs`).toBe(false);
  });
});
