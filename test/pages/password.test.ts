import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPatronByCard } from '../../src/db/patrons.js';
import { accountPages, pages, refusalMessage } from '../../src/messages/ja/index.js';
import { verifyCredentials } from '../../src/services/credentials.js';
import { accountClient, fieldError, hiddenFields, withoutHiddenInputs } from '../helpers/account-pages.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { addPatronWithPassword, formError, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';
import { here } from '../helpers/profiles.js';

// パスワード変更 through app.request(): the form, the confirmation, the change, each refusal.
// Guards shared with the e-mail pages (CSRF, headers, logs) are in account-guards.test.ts.
const INVALID = refusalMessage({ code: 'CREDENTIALS_INVALID' });
const t0 = at('2026-12-01 10:00');

let t: TestApp;
let client: ReturnType<typeof accountClient>;
let serial = 0;
/** A new patron per test, so that one test's failure count never locks another's card. */
async function patron(password = 'Init8pwQ') {
  const card = `30000001${String(++serial).padStart(2, '0')}`;
  await addPatronWithPassword(t.db, card, password);
  return { card, password };
}
const verifies = async (card: string, password: string) =>
  (await verifyCredentials(t.db, { cardNumber: card, password }, t.now)).ok;
const throttle = async (card: string) =>
  (await t.db
    .selectFrom('login_throttle')
    .select(['failures', 'locked_until'])
    .where('subject', '=', `card:${card}`)
    .executeTakeFirst()) ?? null;
const change = (fields: Record<string, string>) => client.change('/password', { step: 'confirm', ...fields });

beforeAll(async () => {
  t = await testApp({ now: t0 });
  client = accountClient(t);
});
afterAll(async () => t.close());

describe('GET /password', () => {
  it('R-PW-3: the form asks for card number, current password and the new one twice, with 変更', async () => {
    const { res, html } = await client.get('/password');
    expect(res.status).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(html).toContain(`<title>${accountPages.password.title}｜${pages.libraryName}</title>`);
    expect(html).toMatch(
      /<input(?=[^>]*name="cardNumber")(?=[^>]*inputmode="numeric")(?=[^>]*autocomplete="username")[^>]*>/,
    );
    expect(html).toMatch(
      /<input(?=[^>]*name="password")(?=[^>]*type="password")(?=[^>]*autocomplete="current-password")[^>]*>/,
    );
    expect(html).toMatch(
      /<input(?=[^>]*name="newPassword")(?=[^>]*type="password")(?=[^>]*autocomplete="new-password")[^>]*>/,
    );
    expect(html).toMatch(
      /<input(?=[^>]*name="newPasswordConfirm")(?=[^>]*type="password")(?=[^>]*autocomplete="new-password")[^>]*>/,
    );
    expect(html).toContain('<button type="submit">変更</button>');
    const hidden = hiddenFields(html);
    expect(hidden.step).toBe('confirm');
    expect(hidden.formNonce).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(hidden.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('R-PW-4: says there is no online reset: a forgotten password means a counter, ID and card', async () => {
    const { html } = await client.get('/password');
    expect(html).toContain(accountPages.forgotTitle);
    expect(html).toContain('本人確認書類');
    expect(html).toContain('再発行できません');
    expect(html).toContain(accountPages.password.initialNote);
  });

  it('builds the form action from PUBLIC_BASE_URL, never from the Host header', async () => {
    const { html } = await client.get('/password', 'http://evil.example');
    expect(html).toContain(`action="${ORIGIN}/password"`);
    expect(html).not.toContain('evil.example');
  });
});

describe('POST /password', () => {
  it('R-PW-3: 変更 → パスワード変更確認 with 送信 → パスワード変更完了; only then does the password change', async () => {
    const p = await patron();
    const confirm = await change({
      cardNumber: p.card,
      password: p.password,
      newPassword: 'newPass2026',
      newPasswordConfirm: 'newPass2026',
    });
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain(accountPages.password.confirmTitle);
    expect(confirm.html).toContain('<button type="submit">送信</button>');
    expect(confirm.html).toContain(p.card);
    expect(confirm.html).toContain(accountPages.hiddenPassword);
    // The values travel in hidden inputs of a POST form, and nowhere else on the page.
    expect(hiddenFields(confirm.html)).toMatchObject({
      step: 'send',
      cardNumber: p.card,
      password: p.password,
      newPassword: 'newPass2026',
      newPasswordConfirm: 'newPass2026',
    });
    expect(confirm.html).toMatch(/<form method="post" action="http:\/\/localhost:3000\/password"/);
    for (const secret of [p.password, 'newPass2026']) expect(withoutHiddenInputs(confirm.html)).not.toContain(secret);
    expect(await verifies(p.card, p.password)).toBe(true); // nothing changed yet

    const done = await client.send('/password', confirm.html);
    expect(done.res.status).toBe(200);
    expect(done.html).toContain(accountPages.password.doneTitle);
    expect(done.html).not.toContain('newPass2026');
    expect(await verifies(p.card, 'newPass2026')).toBe(true);
    expect(await verifies(p.card, p.password)).toBe(false);
    expect((await findPatronByCard(t.db, p.card))!.passwordIsInitial).toBe(false);
  });

  it(
    'R-PW-2: the initial password works as is until it ' + 'is changed, and a changed one can be changed again',
    async () => {
      const p = await patron('Abc8De2f');
      expect(await verifies(p.card, p.password)).toBe(true);
      const first = await change({
        cardNumber: p.card,
        password: p.password,
        newPassword: 'second22',
        newPasswordConfirm: 'second22',
      });
      await client.send('/password', first.html);
      const again = await change({
        cardNumber: p.card,
        password: 'second22',
        newPassword: 'third333',
        newPasswordConfirm: 'third333',
      });
      expect((await client.send('/password', again.html)).html).toContain(accountPages.password.doneTitle);
      expect(await verifies(p.card, 'third333')).toBe(true);
    },
  );

  // The profile's lengths (passwords.minLength 6 and maxLength 64 under Kamagaya).
  const { minLength: min, maxLength: max } = here.profile.passwords;
  const fullWidth = 'ｐａｓｓ１２３４５６７８９'.slice(0, Math.max(7, min));
  const refusals: [string, string, string, string, 'newPassword' | 'newPasswordConfirm'][] = [
    [
      `R-PW-2: a new password shorter than ${min} characters`,
      'ab12c1234567890'.slice(0, min - 1),
      'ab12c1234567890'.slice(0, min - 1),
      refusalMessage({ code: 'PASSWORD_TOO_SHORT', params: { min } }),
      'newPassword',
    ],
    [
      'R-PW-2: a new password with a symbol',
      'abc-1234',
      'abc-1234',
      refusalMessage({ code: 'PASSWORD_NOT_ALPHANUMERIC' }),
      'newPassword',
    ],
    [
      'R-PW-2: a new password in full-width characters',
      fullWidth,
      fullWidth,
      refusalMessage({ code: 'PASSWORD_NOT_ALPHANUMERIC' }),
      'newPassword',
    ],
    [
      `R-PW-2: a new password over ${max} characters`,
      'a'.repeat(max + 1),
      'a'.repeat(max + 1),
      refusalMessage({ code: 'PASSWORD_TOO_LONG', params: { max } }),
      'newPassword',
    ],
    [
      'R-PW-2: two entries that differ',
      'goodPass1',
      'goodPass2',
      refusalMessage({ code: 'PASSWORD_CONFIRMATION_MISMATCH' }),
      'newPasswordConfirm',
    ],
  ];
  for (const [name, newPassword, newPasswordConfirm, sentence, field] of refusals) {
    it(`${name} is refused next to its field; nothing changes and no failure is counted`, async () => {
      const p = await patron();
      const { res, html } = await change({ cardNumber: p.card, password: p.password, newPassword, newPasswordConfirm });
      expect(res.status).toBe(200);
      expect(html).toContain(accountPages.password.title);
      expect(fieldError(html, field)).toBe(sentence);
      expect(html).toMatch(
        new RegExp(
          `<input(?=[^>]*name="${field}")(?=[^>]*aria-invalid="true")` +
            `(?=[^>]*aria-describedby="[^"]*f-${field}-error")[^>]*>`,
        ),
      );
      expect(formError(html)).toBeUndefined();
      // The card number is kept; no password is typed back into the page.
      expect(hiddenFields(html).cardNumber).toBeUndefined();
      expect(html).toContain(`value="${p.card}"`);
      for (const secret of [p.password, newPassword]) expect(html).not.toContain(`value="${secret}"`);
      expect(await verifies(p.card, p.password)).toBe(true);
      expect(await throttle(p.card)).toBeNull();
    });
  }

  it(
    'R-PW-3: a wrong current password gets the login ' + 'sentence and counts towards the same lockout as login',
    async () => {
      const p = await patron();
      const wrong = await change({
        cardNumber: p.card,
        password: 'wrongPass1',
        newPassword: 'newPass2026',
        newPasswordConfirm: 'newPass2026',
      });
      expect(wrong.res.status).toBe(200);
      expect(formError(wrong.html)).toBe(INVALID);
      expect(await throttle(p.card)).toMatchObject({ failures: 1 });
      for (let i = 2; i <= 10; i++)
        await change({
          cardNumber: p.card,
          password: `wrongPass${i}`,
          newPassword: 'newPass2026',
          newPasswordConfirm: 'newPass2026',
        });
      expect((await throttle(p.card))!.locked_until).not.toBeNull();
      // Locked: even the right password gets the same sentence, here and at login.
      const locked = await change({
        cardNumber: p.card,
        password: p.password,
        newPassword: 'newPass2026',
        newPasswordConfirm: 'newPass2026',
      });
      expect(formError(locked.html)).toBe(INVALID);
      expect(locked.html).not.toContain(accountPages.password.confirmTitle);
      expect(await verifies(p.card, p.password)).toBe(false);
      // 30 minutes later the card works again, and the password is unchanged.
      t.now = new Date(t0.getTime() + 31 * 60_000);
      try {
        expect(await verifies(p.card, p.password)).toBe(true);
      } finally {
        t.now = t0;
      }
    },
  );

  it('an unknown card gets the same sentence as a wrong password', async () => {
    const { html } = await change({
      cardNumber: '3999999999',
      password: 'whatever1',
      newPassword: 'newPass2026',
      newPasswordConfirm: 'newPass2026',
    });
    expect(formError(html)).toBe(INVALID);
  });

  it('empty fields are named next to themselves', async () => {
    const { html } = await change({ cardNumber: '', password: '', newPassword: '', newPasswordConfirm: '' });
    expect(fieldError(html, 'cardNumber')).toBe(pages.required(accountPages.cardNumberLabel));
    expect(fieldError(html, 'password')).toBe(pages.required(accountPages.currentPasswordLabel));
    expect(fieldError(html, 'newPassword')).toBe(pages.required(accountPages.password.newPasswordLabel));
    expect(fieldError(html, 'newPasswordConfirm')).toBe(pages.required(accountPages.password.newPasswordConfirmLabel));
  });

  it('R-PW-2: 送信 checks everything again: a confirmation page edited to a short password changes nothing', async () => {
    const p = await patron();
    const confirm = await change({
      cardNumber: p.card,
      password: p.password,
      newPassword: 'newPass2026',
      newPasswordConfirm: 'newPass2026',
    });
    const edited = { ...hiddenFields(confirm.html), newPassword: 'abc', newPasswordConfirm: 'abc' };
    const { html } = await client.post('/password', edited);
    const min = here.profile.passwords.minLength; // 6 under Kamagaya
    expect(fieldError(html, 'newPassword')).toBe(refusalMessage({ code: 'PASSWORD_TOO_SHORT', params: { min } }));
    expect(await verifies(p.card, p.password)).toBe(true);
  });

  it('a confirmation page left open over 30 minutes changes nothing and asks to start again', async () => {
    const p = await patron();
    const confirm = await change({
      cardNumber: p.card,
      password: p.password,
      newPassword: 'newPass2026',
      newPasswordConfirm: 'newPass2026',
    });
    t.now = new Date(t0.getTime() + 31 * 60_000);
    try {
      const { res, html } = await client.send('/password', confirm.html);
      expect(res.status).toBe(200);
      expect(html).toContain(accountPages.formExpired.title);
      expect(html).toContain(`href="${ORIGIN}/password"`);
    } finally {
      t.now = t0;
    }
    expect(await verifies(p.card, p.password)).toBe(true);
  });
});
