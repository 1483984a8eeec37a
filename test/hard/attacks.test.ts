import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalMessage } from '../../src/messages/ja/index.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { addPatronWithPassword, formError, loginClient, PAGES_ORIGIN } from '../helpers/pages.js';
import { storedCounts } from './leaks.js';

// Attacks the other suites leave out: stuffing many cards from one LINE user, telling unknown
// cards from wrong passwords by time, and guessing e-mail confirmation tokens.
const INVALID = refusalMessage({ code: 'CREDENTIALS_INVALID' });
const CARDS = Array.from({ length: 14 }, (_, i) => ({
  card: `30000000${String(i).padStart(2, '0')}`,
  password: `Pw${i}x7Kq9z`,
}));

let t: TestApp;
let client: ReturnType<typeof loginClient>;
beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = loginClient(t);
  for (const c of CARDS) await addPatronWithPassword(t.db, c.card, c.password);
});
afterAll(() => t.close());

describe('credential stuffing from one LINE user', () => {
  it('one wrong password on each of 10 cards locks that LINE user, not the cards', async () => {
    const attacker = await client.visitor('stuffer');
    for (const c of CARDS.slice(0, 10)) {
      const { res, html } = await client.login(attacker.linkToken, { cardNumber: c.card, password: 'guess1234' });
      expect(res.status).toBe(200);
      expect(formError(html)).toBe(INVALID);
    }
    // The 11th card, with its right password: refused in the same words, and no link is made.
    const eleventh = CARDS[10]!;
    const nonces = await client.nonceCount();
    const { res, html } = await client.login(attacker.linkToken, {
      cardNumber: eleventh.card,
      password: eleventh.password,
    });
    expect(res.status).toBe(200);
    expect(formError(html)).toBe(INVALID);
    expect(await client.nonceCount()).toBe(nonces);
    // The cards were tried once each: their owners, from their own LINE, are not locked out.
    const owner = await client.visitor('owner');
    const ok = await client.login(owner.linkToken, { cardNumber: CARDS[0]!.card, password: CARDS[0]!.password });
    expect(ok.res.status).toBe(302);
  });
});

describe('login enumeration', () => {
  it('an unknown card and a wrong password: same status, same words, similar time (median within 1.5x)', async () => {
    const tries = 20;
    const time = async (cardNumber: string) => {
      const v = await client.visitor('timing');
      const started = performance.now();
      const { res, html } = await client.login(v.linkToken, { cardNumber, password: 'wrongpass1' });
      return { ms: performance.now() - started, status: res.status, words: formError(html) };
    };
    const unknown: Awaited<ReturnType<typeof time>>[] = [];
    const wrong: Awaited<ReturnType<typeof time>>[] = [];
    // Interleaved, so a slow moment of the machine hits both kinds alike; wrong passwords spread
    // over three cards so none of them locks (10 failures would).
    for (let i = 0; i < tries; i++) {
      unknown.push(await time(`9${String(i).padStart(9, '0')}`));
      wrong.push(await time(CARDS[11 + (i % 3)]!.card));
    }
    for (const r of [...unknown, ...wrong])
      expect({ status: r.status, words: r.words }).toEqual({ status: 200, words: INVALID });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [mu, mw] = [median(unknown.map((r) => r.ms)), median(wrong.map((r) => r.ms))];
    console.log(`login timing: unknown card median ${mu.toFixed(1)} ms, wrong password median ${mw.toFixed(1)} ms`);
    expect(Math.max(mu, mw) / Math.min(mu, mw)).toBeLessThan(1.5);
  });
});

describe('e-mail token guessing', () => {
  it('300 random tokens in the link format: all "cannot be used" (404/410), nothing confirmed or stored', async () => {
    const before = await storedCounts(t.db);
    const emails = async () =>
      JSON.stringify(await t.db.selectFrom('patrons').select(['email', 'email_confirmed_at']).orderBy('id').execute());
    const emailsBefore = await emails();
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const token = randomBytes(32).toString('base64url');
      const get = await t.app.request(`${PAGES_ORIGIN}/email/confirm?token=${token}`);
      statuses.add(get.status);
      await get.text();
      const post = await t.app.request(`${PAGES_ORIGIN}/email/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PAGES_ORIGIN },
        body: new URLSearchParams({ token }).toString(),
      });
      statuses.add(post.status);
      await post.text();
    }
    for (const s of statuses) expect([403, 404, 410]).toContain(s);
    expect(await storedCounts(t.db)).toBe(before);
    expect(await emails()).toBe(emailsBefore);
  });
});
