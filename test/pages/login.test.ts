import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages, refusalMessage } from '../../src/messages/ja/index.js';
import { completeAccountLink, unlinkAccount } from '../../src/services/account-link.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import {
  addPatronWithPassword,
  formError,
  hiddenValue,
  loginClient,
  PAGES_ORIGIN as ORIGIN,
} from '../helpers/pages.js';

// The login page of the LINE account link through app.request(): the form, and what each kind of
// submission gets. Guards (headers, CSRF, logs) are in login-guards.test.ts.
const DIALOG = 'https://access.line.me/dialog/bot/accountLink';
const INVALID = refusalMessage({ code: 'CREDENTIALS_INVALID' });
const ADULT = { card: '2000000001', password: 'k7Tm2qX9' };
const CHILD = { card: '2000000011', password: 'Kid4s7Qp' };
const LOCKME = { card: '2000000021', password: 'Lock8m2Z' };

let t: TestApp;
let client: ReturnType<typeof loginClient>;
const visitor = (seed: string) => client.visitor(seed);
const getLogin = (query: string, url?: string) => client.getLogin(query, url);
const login = (...a: Parameters<ReturnType<typeof loginClient>['login']>) => client.login(...a);
const nonceCount = () => client.nonceCount();
const linkedPatron = (user: string) => client.linkedPatron(user);
let adultId: string;

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = loginClient(t);
  adultId = await addPatronWithPassword(t.db, ADULT.card, ADULT.password);
  // Born 2021-01-01: first grade from 2027-04-01 (R-ELIG-6), so still preschool on 2026-12-01.
  await addPatronWithPassword(t.db, CHILD.card, CHILD.password, { birthDate: '2021-01-01' });
  await addPatronWithPassword(t.db, LOCKME.card, LOCKME.password);
});
afterAll(async () => t.close());

describe('GET /login', () => {
  it('shows the form for a live link token: cardNumber, password, the ログイン button, the hidden link token', async () => {
    const { linkToken } = await visitor('form');
    const { res, html } = await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(html).toContain(pages.libraryName);
    expect(html).toMatch(/<input[^>]*name="cardNumber"[^>]*>/);
    expect(html).toMatch(
      /<input(?=[^>]*name="cardNumber")(?=[^>]*inputmode="numeric")(?=[^>]*autocomplete="username")[^>]*>/,
    );
    expect(html).toMatch(
      /<input(?=[^>]*name="password")(?=[^>]*type="password")(?=[^>]*autocomplete="current-password")[^>]*>/,
    );
    expect(html).toMatch(/<button type="submit">ログイン<\/button>/);
    expect(hiddenValue(html, 'linkToken')).toBe(linkToken);
    expect(hiddenValue(html, 'csrfToken')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // R-PW-1, R-PW-4: who may log in, and a password comes from a counter with ID, not online.
    expect(html).toContain(pages.login.whoTitle);
    expect(html).toContain('本人確認書類');
    expect(html).toContain('再発行できません');
    // Issue 23, item 11: and someone without a card is told how to get one (the guide's words).
    expect(html).toContain(
      '利用者カードをお持ちでない方は、本館・分館のカウンターで、図書館利用者登録申込書とあわせてお申し出ください。',
    );
  });

  it('builds the form action from PUBLIC_BASE_URL, never from the Host header', async () => {
    const { linkToken } = await visitor('host');
    const { html } = await getLogin(`?linkToken=${encodeURIComponent(linkToken)}`, 'http://evil.example/login');
    expect(html).toContain(`action="${ORIGIN}/login"`);
    expect(html).not.toContain('evil.example');
  });

  it('without a link token, with an unknown one, or with an expired one: the expired page', async () => {
    const { linkToken } = await visitor('expired');
    const before = t.now;
    try {
      t.now = new Date(before.getTime() + 11 * 60_000);
      for (const q of [
        '',
        '?linkToken=',
        '?linkToken=never-issued',
        `?linkToken=${encodeURIComponent(linkToken)}`,
        `?linkToken=${'x'.repeat(5000)}`,
      ]) {
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

  it(
    'wrong password, unknown card and malformed input: the ' +
      'same status and sentence, the card number kept, no nonce',
    async () => {
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
    },
  );

  it('an empty field is named next to that field', async () => {
    const { linkToken } = await visitor('empty');
    const { res, html } = await login(linkToken, { cardNumber: ADULT.card, password: '' });
    expect(res.status).toBe(200);
    expect(html).toContain(
      `<span class="field-error" id="f-password-error">${pages.required(pages.login.passwordLabel)}</span>`,
    );
    expect(formError(html)).toBeUndefined();
  });

  it(
    '10 wrong passwords lock the card: the 11th try, ' + 'with the right password, fails with the same wording',
    async () => {
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
    },
  );

  it(
    'R-ELIG-3/R-ELIG-6: a preschool child with a password ' + 'is told why (NOT_ELEMENTARY_AGE) and what next',
    async () => {
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
    },
  );
});
