import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchLineUser } from '../../src/db/line-users.js';
import { formSecret } from '../../src/http/page-security.js';
import { patronPages } from '../../src/http/patron-pages.js';
import type { Logger } from '../../src/log.js';
import { pages, refusalMessage } from '../../src/messages/ja.js';
import { completeAccountLink, rememberLinkToken, unlinkAccount } from '../../src/services/account-link.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';
import { addPatronWithPassword, formError, hiddenValue } from '../helpers/pages.js';

const ORIGIN = 'http://localhost:3000'; // PUBLIC_BASE_URL of testApp (the config default)
const DIALOG = 'https://access.line.me/dialog/bot/accountLink';
const INVALID = refusalMessage({ code: 'CREDENTIALS_INVALID' });
const ADULT = { card: '2000000001', password: 'k7Tm2qX9' };
const CHILD = { card: '2000000011', password: 'Kid4s7Qp' };
const LOCKME = { card: '2000000021', password: 'Lock8m2Z' };

let t: TestApp;
let adultId: string;

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  adultId = await addPatronWithPassword(t.db, ADULT.card, ADULT.password);
  // Born 2021-01-01: first grade from 2027-04-01 (R-ELIG-6), so still preschool on 2026-12-01.
  await addPatronWithPassword(t.db, CHILD.card, CHILD.password, { birthDate: '2021-01-01' });
  await addPatronWithPassword(t.db, LOCKME.card, LOCKME.password);
});
afterAll(async () => t.close());

/** A LINE user who asked for the login page: the user row, then a link token remembered for them. */
async function visitor(seed: string): Promise<{ user: string; linkToken: string }> {
  const user = lineUserId(`${seed}-${randomBytes(4).toString('hex')}`);
  await touchLineUser(t.db, user, true, t.now);
  const linkToken = randomBytes(24).toString('base64url');
  await rememberLinkToken(t.db, user, linkToken, t.now);
  return { user, linkToken };
}

async function getLogin(query: string, url = `${ORIGIN}/login`) {
  const res = await t.app.request(`${url}${query}`);
  return { res, html: await res.text() };
}

/** Opens the form (for its CSRF token), then submits it as a browser on PUBLIC_BASE_URL would. */
async function login(linkToken: string, fields: { cardNumber?: string; password?: string }, opts: { origin?: string | null; csrfToken?: string | null } = {}) {
  const csrfToken = opts.csrfToken === undefined ? hiddenValue((await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`)).html, 'csrfToken') : opts.csrfToken;
  const body = new URLSearchParams({ linkToken, ...fields, ...(csrfToken !== null && csrfToken !== undefined ? { csrfToken } : {}) });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  if (origin !== null) headers.origin = origin;
  const res = await t.app.request(`${ORIGIN}/login`, { method: 'POST', headers, body: body.toString() });
  return { res, html: await res.text() };
}

async function nonceCount(): Promise<number> {
  const r = await t.db.selectFrom('account_link_nonces').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function throttleRows(): Promise<string> {
  return JSON.stringify(await t.db.selectFrom('login_throttle').selectAll().orderBy('subject').execute());
}

async function linkedPatron(user: string): Promise<string | null> {
  return (await t.db.selectFrom('line_users').select('patron_id').where('line_user_id', '=', user).executeTakeFirstOrThrow()).patron_id;
}

describe('GET /login', () => {
  it('shows the form for a live link token: cardNumber, password, the ログイン button, the hidden link token', async () => {
    const { linkToken } = await visitor('form');
    const { res, html } = await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(html).toContain(pages.libraryName);
    expect(html).toMatch(/<input[^>]*name="cardNumber"[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="cardNumber")(?=[^>]*inputmode="numeric")(?=[^>]*autocomplete="username")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="password")(?=[^>]*type="password")(?=[^>]*autocomplete="current-password")[^>]*>/);
    expect(html).toMatch(/<button type="submit">ログイン<\/button>/);
    expect(hiddenValue(html, 'linkToken')).toBe(linkToken);
    expect(hiddenValue(html, 'csrfToken')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // R-PW-1, R-PW-4: who may log in, and a password comes from a counter with ID, not online.
    expect(html).toContain(pages.login.whoTitle);
    expect(html).toContain('本人確認書類');
    expect(html).toContain('再発行できません');
  });

  it('builds the form action from PUBLIC_BASE_URL, never from the Host header', async () => {
    const { linkToken } = await visitor('host');
    const { html } = await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`, 'http://evil.example/login');
    expect(html).toContain(`action="${ORIGIN}/login"`);
    expect(html).not.toContain('evil.example');
  });

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

  it('without a link token, with an unknown one, or with an expired one: the expired page', async () => {
    const { linkToken } = await visitor('expired');
    const before = t.now;
    try {
      t.now = new Date(before.getTime() + 11 * 60_000);
      for (const q of ['', '?linkToken=', '?linkToken=never-issued', `?linkToken=${encodeURIComponent(linkToken)}`, `?linkToken=${'x'.repeat(5000)}`]) {
        const { res, html } = await getLogin(q);
        expect(res.status, q.slice(0, 30)).toBe(410);
        expect(html).toContain(pages.linkExpired.title);
        expect(html).toContain('「ログイン」と送信');
        expect(html).not.toContain('<form');
      }
    } finally {
      t.now = before;
    }
  });
});

describe('POST /login', () => {
  it('good credentials: 302 to LINE with the link token and a nonce; the nonce links the LINE user once', async () => {
    const { user, linkToken } = await visitor('good');
    const { res } = await login(linkToken, { cardNumber: ADULT.card, password: ADULT.password });
    expect(res.status).toBe(302);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(DIALOG);
    expect(location.searchParams.get('linkToken')).toBe(linkToken);
    const nonce = location.searchParams.get('nonce')!;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    expect(await linkedPatron(user)).toBeNull();
    expect((await completeAccountLink(t.db, { lineUserId: user, nonce }, t.now)).ok).toBe(true);
    expect(await linkedPatron(user)).toBe(adultId);
    // The same nonce again (after a logout) links nothing.
    await unlinkAccount(t.db, user, t.now);
    expect((await completeAccountLink(t.db, { lineUserId: user, nonce }, t.now)).ok).toBe(false);
    expect(await linkedPatron(user)).toBeNull();
  });

  it('a card number typed with full-width digits is the same card', async () => {
    const { linkToken } = await visitor('fullwidth');
    const { res } = await login(linkToken, { cardNumber: '２' + '０'.repeat(8) + '１', password: ADULT.password });
    expect(res.status).toBe(302);
  });

  it('wrong password, unknown card and malformed input: the same status and sentence, the card number kept, no nonce', async () => {
    const { linkToken } = await visitor('wrong');
    const nonces = await nonceCount();
    const answers = [
      await login(linkToken, { cardNumber: ADULT.card, password: 'wrongpass1' }),
      await login(linkToken, { cardNumber: '2999999999', password: ADULT.password }),
      await login(linkToken, { cardNumber: ADULT.card, password: 'a'.repeat(65) }),
      await login(linkToken, { cardNumber: '2000-0000-01', password: ADULT.password }),
    ];
    for (const { res, html } of answers) {
      expect(res.status).toBe(200);
      expect(formError(html)).toBe(INVALID);
      expect(html).not.toContain(ADULT.password);
      expect(html).not.toContain('wrongpass1');
      expect(html).toMatch(/<button type="submit">ログイン<\/button>/);
    }
    expect(answers[0]!.html).toMatch(/<input(?=[^>]*name="cardNumber")(?=[^>]*value="2000000001")[^>]*>/);
    expect(answers[0]!.html).not.toMatch(/<input(?=[^>]*name="password")(?=[^>]*value="[^"]+")[^>]*>/);
    expect(await nonceCount()).toBe(nonces);
  });

  it('an empty field is named next to that field', async () => {
    const { linkToken } = await visitor('empty');
    const { res, html } = await login(linkToken, { cardNumber: ADULT.card, password: '' });
    expect(res.status).toBe(200);
    expect(html).toContain(`<span class="field-error" id="f-password-error">${pages.required(pages.login.passwordLabel)}</span>`);
    expect(formError(html)).toBeUndefined();
  });

  it('10 wrong passwords lock the card: the 11th try, with the right password, fails with the same wording', async () => {
    const nonces = await nonceCount();
    // Each try from another LINE user, so that only the card's own count can lock it.
    for (let i = 0; i < 10; i++) {
      const { linkToken } = await visitor(`lock-${i}`);
      const { res, html } = await login(linkToken, { cardNumber: LOCKME.card, password: `nope${i}abc` });
      expect(res.status).toBe(200);
      expect(formError(html)).toBe(INVALID);
    }
    const { linkToken } = await visitor('lock-right');
    const { res, html } = await login(linkToken, { cardNumber: LOCKME.card, password: LOCKME.password });
    expect(res.status).toBe(200);
    expect(formError(html)).toBe(INVALID);
    expect(html).not.toContain(LOCKME.password);
    expect(await nonceCount()).toBe(nonces);
  });

  it('without the CSRF token, with a foreign Origin, or with no Origin at all: 403 and nothing counted', async () => {
    const { linkToken } = await visitor('csrf');
    const other = await visitor('csrf-other');
    const otherToken = hiddenValue((await getLogin(`?linkToken=${encodeURIComponent(other.linkToken)}`)).html, 'csrfToken')!;
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
    const json = await t.app.request(`${ORIGIN}/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ linkToken, ...bad }) });
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

  it('R-ELIG-3/R-ELIG-6: a preschool child with a password is told why (NOT_ELEMENTARY_AGE) and what next', async () => {
    const { user, linkToken } = await visitor('child');
    const nonces = await nonceCount();
    const { res, html } = await login(linkToken, { cardNumber: CHILD.card, password: CHILD.password });
    expect(res.status).toBe(200);
    expect(html).toContain(refusalMessage({ code: 'NOT_ELEMENTARY_AGE', params: { eligibleFrom: '2027-04-01' } }));
    expect(html).toContain(pages.closeAndReturn);
    expect(html).not.toContain(CHILD.password);
    expect(html).not.toContain('<form');
    expect(await nonceCount()).toBe(nonces);
    expect(await linkedPatron(user)).toBeNull();
  });
});

describe('logs', () => {
  it('never carry the password, the nonce, the link token or a full card number', async () => {
    const lines: string[] = [];
    const record = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, msg, ...fields }));
    const log: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const app = new Hono().route('/', patronPages({ db: t.db, log, clock: () => t.now, publicBaseUrl: ORIGIN, lineAccessBaseUrl: 'https://access.line.me', formSecret: formSecret(undefined) }));
    const { linkToken } = await visitor('logs');
    const form = await (await app.request(`/login?linkToken=${encodeURIComponent(linkToken)}`)).text();
    const post = (password: string, origin = ORIGIN) =>
      app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({ linkToken, csrfToken: hiddenValue(form, 'csrfToken')!, cardNumber: ADULT.card, password }).toString(),
      });
    await post('wrongpass1');
    await post(ADULT.password, 'https://evil.example');
    const ok = await post(ADULT.password);
    const nonce = new URL(ok.headers.get('location')!).searchParams.get('nonce')!;
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const secret of [ADULT.password, 'wrongpass1', nonce, linkToken, ADULT.card]) expect(all).not.toContain(secret);
    expect(all).toContain('******0001');
  });
});
