import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import {
  ACCESS_TOKEN,
  CHANNEL_SECRET,
  lineUserId,
  otherEvent,
  postWebhook,
  textEvent,
  webhookBody,
} from '../helpers/line.js';
import { hiddenValue } from '../helpers/pages.js';
import { METRICS_TOKEN, opsRuntime } from './ops-runtime.js';

// A scripted session touching every secret the service handles — staff token, initial password,
// the patron's own password, link token, nonce, the card number, message text — with the logger
// captured. Then the whole log is grepped for each of them.
const CARD = '8800123456789';
const NEW_PASSWORD = 'Zq9-secret-Pw';
const SECRET_TEXT = 'ひみつの調べもの';

async function session(level: 'info' | 'debug') {
  const o = await opsRuntime(level);
  const { app } = o.rt;
  const staff = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect(
    (
      await staff('/admin/patrons', {
        cardNumber: CARD,
        name: '鎌ケ谷 花子',
        birthDate: '1985-04-01',
        residency: 'resident',
      })
    ).status,
  ).toBe(201);
  const { initialPassword } = (await (await staff(`/admin/patrons/${CARD}/initial-password`, {})).json()) as {
    initialPassword: string;
  };

  const user = lineUserId('redaction');
  const say = async (event: unknown) => {
    expect((await postWebhook(app, webhookBody([event]))).status).toBe(200);
    await o.rt.worker.kick();
  };
  await say(textEvent(user, SECRET_TEXT));
  await say(textEvent(user, 'ログイン'));
  const linkToken = o.issued.at(-1)!;
  expect(linkToken).toBeDefined();

  const post = async (password: string) => {
    const form = await (
      await app.request(`http://localhost:3000/login?linkToken=${encodeURIComponent(linkToken)}`)
    ).text();
    const body = new URLSearchParams({
      linkToken,
      cardNumber: CARD,
      password,
      csrfToken: hiddenValue(form, 'csrfToken') ?? '',
    });
    return app.request('http://localhost:3000/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
      body: body.toString(),
    });
  };
  expect((await post('wrong-password-1')).status).not.toBe(302);
  const ok = await post(initialPassword);
  expect(ok.status).toBe(302);
  const nonce = new URL(ok.headers.get('location')!).searchParams.get('nonce')!;
  await say(otherEvent('accountLink', user, { link: { result: 'ok', nonce } }));
  await say(textEvent(user, 'ご利用状況'));
  await app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  await o.close();
  return {
    lines: o.lines,
    secrets: {
      ADMIN_TOKEN,
      METRICS_TOKEN,
      CHANNEL_SECRET,
      ACCESS_TOKEN,
      initialPassword,
      NEW_PASSWORD,
      linkToken,
      nonce,
      CARD,
      'wrong-password-1': 'wrong-password-1',
    },
  };
}

describe('logs of a whole session carry no secrets', () => {
  it.each(['info', 'debug'] as const)(
    'at %s level: no password, token, nonce or full card number; every line is JSON with a level',
    async (level) => {
      const { lines, secrets } = await session(level);
      expect(lines.length).toBeGreaterThan(5);
      const all = lines.join('\n');
      for (const [name, value] of Object.entries(secrets))
        expect(all.includes(value), `${name} appears in the logs`).toBe(false);
      for (const l of lines)
        expect(JSON.parse(l)).toMatchObject({
          level: expect.stringMatching(/^(debug|info|warn|error)$/),
          msg: expect.any(String),
          time: expect.any(String),
        });
      // The message text a patron typed is not logged at info level.
      if (level === 'info') expect(all.includes(SECRET_TEXT)).toBe(false);
      // Lines can be tied together: webhook events by their id, HTTP requests by a request id.
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(
        parsed.some(
          (p) =>
            p.msg === 'webhook event processed' &&
            typeof p.webhookEventId === 'string' &&
            typeof p.durationMs === 'number',
        ),
      ).toBe(true);
      expect(
        parsed.some(
          (p) =>
            p.msg === 'http request' && p.route === '/login' && typeof p.requestId === 'string' && p.flow === 'http',
        ),
      ).toBe(true);
    },
    60_000,
  );
});
