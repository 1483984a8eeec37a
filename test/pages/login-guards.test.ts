import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSecret } from '../../src/http/page-security.js';
import { patronPages } from '../../src/http/patron-pages.js';
import type { Logger } from '../../src/log.js';
import { pages } from '../../src/messages/ja/index.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { addPatronWithPassword, hiddenValue, loginClient, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';

// What protects the login page: its headers, CSRF checks that count nothing, expiry, and logs
// that never hold a secret.
const ADULT = { card: '2000000001', password: 'k7Tm2qX9' };

let t: TestApp;
let client: ReturnType<typeof loginClient>;
const visitor = (seed: string) => client.visitor(seed);
const getLogin = (query: string, url?: string) => client.getLogin(query, url);
const login = (...a: Parameters<ReturnType<typeof loginClient>['login']>) => client.login(...a);
const nonceCount = () => client.nonceCount();
const throttleRows = () => client.throttleRows();

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = loginClient(t);
  await addPatronWithPassword(t.db, ADULT.card, ADULT.password);
});
afterAll(async () => t.close());

describe('login page guards', () => {
  it(
    "LINE's browser on an iPhone before iOS 16.4 (no Sec-Fetch-Site, Origin: null) logs in; " +
      'the same headers with a forged form, or from a browser that says cross-site, are refused',
    async () => {
      const { linkToken } = await visitor('old-iphone');
      const other = await visitor('old-iphone-other');
      const otherToken = hiddenValue(
        (await getLogin(`?linkToken=${encodeURIComponent(other.linkToken)}`)).html,
        'csrfToken',
      )!;
      const right = { cardNumber: ADULT.card, password: ADULT.password };
      const forged = await login(linkToken, right, { origin: 'null', csrfToken: otherToken });
      expect(forged.res.status).toBe(403);
      const crossSite = await login(linkToken, right, { origin: 'null', secFetchSite: 'cross-site' });
      expect(crossSite.res.status).toBe(403);
      const { res } = await login(linkToken, right, { origin: 'null' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain('nonce=');
    },
  );

  it('sends no-referrer, no-store, no framing and a strict CSP', async () => {
    const { linkToken } = await visitor('headers');
    for (const { res } of [await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`), await getLogin('')]) {
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'unsafe-inline'");
      expect(csp).toContain("form-action 'self' https://access.line.me");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('script-src');
    }
    // Only the pages carry them: the rest of the app is not touched by the pages' middleware.
    expect((await t.app.request('/healthz')).headers.get('content-security-policy')).toBeNull();
  });

  it('without the CSRF token, with a foreign Origin, or with no Origin at all: 403 and nothing counted', async () => {
    const { linkToken } = await visitor('csrf');
    const other = await visitor('csrf-other');
    const otherToken = hiddenValue(
      (await getLogin(`?linkToken=${encodeURIComponent(other.linkToken)}`)).html,
      'csrfToken',
    )!;
    const throttle = await throttleRows();
    const nonces = await nonceCount();
    const bad = { cardNumber: ADULT.card, password: 'wrongpass1' };
    const answers = [
      await login(linkToken, bad, { csrfToken: null }),
      await login(linkToken, bad, { csrfToken: otherToken }),
      await login(linkToken, bad, { origin: 'https://evil.example' }),
      await login(linkToken, bad, { origin: null }),
      await login(linkToken, { cardNumber: ADULT.card, password: ADULT.password }, { origin: 'https://evil.example' }),
    ];
    for (const { res, html } of answers) {
      expect(res.status).toBe(403);
      expect(html).toContain(pages.forbidden.title);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    const json = await t.app.request(`${ORIGIN}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ linkToken, ...bad }),
    });
    expect(json.status).toBe(403);
    expect(await throttleRows()).toBe(throttle);
    expect(await nonceCount()).toBe(nonces);
  });

  it('an expired link token: the expired page, nothing counted', async () => {
    const { linkToken } = await visitor('late');
    const csrfToken = hiddenValue((await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`)).html, 'csrfToken')!;
    const throttle = await throttleRows();
    const before = t.now;
    try {
      t.now = new Date(before.getTime() + 11 * 60_000);
      const { res, html } = await login(linkToken, { cardNumber: ADULT.card, password: 'wrongpass1' }, { csrfToken });
      expect(res.status).toBe(410);
      expect(html).toContain(pages.linkExpired.title);
    } finally {
      t.now = before;
    }
    expect(await throttleRows()).toBe(throttle);
  });
});

describe('logs', () => {
  it('never carry the password, the nonce, the link token or a full card number', async () => {
    const lines: string[] = [];
    const record = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
      void lines.push(JSON.stringify({ level, msg, ...fields }));
    const log: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const app = new Hono().route(
      '/',
      patronPages({
        db: t.db,
        log,
        clock: () => t.now,
        publicBaseUrl: ORIGIN,
        lineAccessBaseUrl: 'https://access.line.me',
        formSecret: formSecret(undefined),
      }),
    );
    const { linkToken } = await visitor('logs');
    const form = await (await app.request(`/login?linkToken=${encodeURIComponent(linkToken)}`)).text();
    const post = (password: string, origin = ORIGIN) =>
      app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({
          linkToken,
          csrfToken: hiddenValue(form, 'csrfToken')!,
          cardNumber: ADULT.card,
          password,
        }).toString(),
      });
    await post('wrongpass1');
    await post(ADULT.password, 'https://evil.example');
    const ok = await post(ADULT.password);
    const nonce = new URL(ok.headers.get('location')!).searchParams.get('nonce')!;
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const secret of [ADULT.password, 'wrongpass1', nonce, linkToken, ADULT.card])
      expect(all).not.toContain(secret);
    expect(all).toContain('******0001');
  });
});
