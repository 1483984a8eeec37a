import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPatronByCard, setConfirmedEmail } from '../../src/db/patrons.js';
import { accountPages, MAIL_SENDER_NOTICE, refusalMessage } from '../../src/messages/ja/index.js';
import { accountClient, fieldError, hiddenFields, withoutHiddenInputs } from '../helpers/account-pages.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { linkIn, tokenOf } from '../helpers/mail.js';
import { addPatronWithPassword, formError, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';
import { here } from '../helpers/profiles.js';

// メールアドレス変更 and its link through app.request(); mails go to a recording transport.
const SENDER = here.profile.mail.sender; // yoyaku@library-kamagaya-chiba.jp under Kamagaya
const t0 = at('2026-12-01 10:00');
const c = accountPages.emailConfirm;

let t: TestApp;
let client: ReturnType<typeof accountClient>;
let serial = 0;
async function patron(opts: Parameters<typeof addPatronWithPassword>[3] & { email?: string } = {}) {
  const card = `40000001${String(++serial).padStart(2, '0')}`;
  const id = await addPatronWithPassword(t.db, card, 'Mail4pwX', opts);
  if (opts.email) await setConfirmedEmail(t.db, id, opts.email, 'pc', t0);
  return { id, card, password: 'Mail4pwX' };
}
const change = (fields: Record<string, string>) => client.change('/email', { step: 'confirm', ...fields });
const noticesOf = (patronId: string) =>
  t.db.selectFrom('notices').selectAll().where('patron_id', '=', patronId).orderBy('id').execute();
const emailOf = async (card: string) => {
  const p = (await findPatronByCard(t.db, card))!;
  return { email: p.email, type: p.emailType, confirmed: p.emailConfirmed };
};
/** 変更 then 送信; answers the completion page and the link of the mail that went out. */
async function register(p: { card: string; password: string }, email: string, emailType = 'mobile') {
  const confirm = await change({ cardNumber: p.card, password: p.password, email, emailType });
  const sentBefore = t.mailer.sent.length;
  const done = await client.send('/email', confirm.html);
  const mail = t.mailer.sent[sentBefore];
  return { confirm, done, mail, link: mail ? linkIn(mail.text) : undefined };
}

beforeAll(async () => {
  t = await testApp({ now: t0 });
  client = accountClient(t);
});
afterAll(async () => t.close());

describe('GET /email', () => {
  it('R-MAIL-1: the form asks for card number, password, address and its type (PC / mobile), with 変更', async () => {
    const { res, html } = await client.get('/email');
    expect(res.status).toBe(200);
    expect(html).toContain(accountPages.email.title);
    expect(html).toMatch(/<input(?=[^>]*name="cardNumber")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="password")(?=[^>]*type="password")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="email")(?=[^>]*type="email")(?=[^>]*autocomplete="email")[^>]*>/);
    expect(html).toMatch(/<input type="radio" name="emailType" value="pc"/);
    expect(html).toMatch(/<input type="radio" name="emailType" value="mobile"/);
    expect(html).toContain('<button type="submit">変更</button>');
    expect(html).toContain(accountPages.email.who);
    expect(html).toContain(`action="${ORIGIN}/email"`);
  });
});

describe('POST /email', () => {
  it(
    'R-MAIL-1/R-MAIL-2/R-MAIL-3: 変更 → 確認 → 送信 → 完了; the ' + 'mail goes out from the outbox with a 24-hour link',
    async () => {
      const p = await patron();
      const { confirm, done, mail, link } = await register(p, 'taro@example.jp', 'mobile');
      expect(confirm.html).toContain(accountPages.email.confirmTitle);
      expect(confirm.html).toContain('taro@example.jp');
      expect(confirm.html).toContain(accountPages.email.emailTypes.mobile);
      expect(confirm.html).toContain('<button type="submit">送信</button>');
      expect(withoutHiddenInputs(confirm.html)).not.toContain(p.password);
      expect(done.res.status).toBe(200);
      expect(done.html).toContain(accountPages.email.doneTitle);
      expect(done.html).toContain('taro@example.jp あてに「メールアドレス変更確認のお知らせ」');
      expect(done.html).toContain(MAIL_SENDER_NOTICE(SENDER)); // R-MAIL-3

      expect(mail).toMatchObject({ to: 'taro@example.jp', subject: 'メールアドレス変更確認のお知らせ' });
      expect(mail!.text).toContain(MAIL_SENDER_NOTICE(SENDER));
      expect(mail!.html).toContain(`href="${link}"`);
      expect(link).toMatch(/^http:\/\/localhost:3000\/email\/confirm\?token=[A-Za-z0-9_-]{43}$/);
      // The notice row: one e-mail confirmation, sent, and no longer holding the token.
      const notices = await noticesOf(p.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'email_confirmation', channel: 'email', status: 'sent', attempts: 1 });
      expect(notices[0]!.payload).toMatchObject({ email: 'taro@example.jp', emailType: 'mobile' });
      expect(JSON.stringify(notices[0]!.payload)).not.toContain(tokenOf(link!));
      // Only the token's SHA-256 is stored; it expires 24 hours later.
      const v = await t.db
        .selectFrom('email_verifications')
        .selectAll()
        .where('patron_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(v.token_hash).toBe(createHash('sha256').update(tokenOf(link!)).digest('hex'));
      expect(v.expires_at.getTime() - t0.getTime()).toBe(24 * 3_600_000);
      expect(JSON.stringify(await t.db.selectFrom('email_verifications').selectAll().execute())).not.toContain(
        tokenOf(link!),
      );
    },
  );

  it('R-MAIL-2: the old address stays until 確定; the link shows the new one with 確定, which registers it', async () => {
    const p = await patron({ email: 'old@example.jp' });
    const { link } = await register(p, 'new@example.jp', 'pc');
    expect(await emailOf(p.card)).toEqual({ email: 'old@example.jp', type: 'pc', confirmed: true });

    const path = link!.slice(ORIGIN.length);
    const page = await client.get(path);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(c.title);
    expect(page.html).toContain('new@example.jp');
    expect(page.html).toContain('<button type="submit">確定</button>');
    expect(page.html).toContain(`action="${ORIGIN}/email/confirm"`);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.res.headers.get('referrer-policy')).toBe('no-referrer');
    // Opening is not confirming.
    expect(await emailOf(p.card)).toEqual({ email: 'old@example.jp', type: 'pc', confirmed: true });

    const done = await client.send('/email/confirm', page.html);
    expect(done.res.status).toBe(200);
    expect(done.html).toContain(c.doneTitle);
    expect(await emailOf(p.card)).toEqual({ email: 'new@example.jp', type: 'pc', confirmed: true });
  });

  it('R-MAIL-2: a link works once: opened or pressed again, it says the address is registered', async () => {
    const p = await patron();
    const { link } = await register(p, 'once@example.jp');
    const page = await client.get(link!.slice(ORIGIN.length));
    const confirmed = await client.send('/email/confirm', page.html);
    expect(confirmed.seeOther?.status).toBe(303);
    expect(confirmed.html).toContain(c.doneTitle);
    expect(confirmed.html).not.toContain(c.again);
    const reopened = await t.app.request(link!);
    expect(reopened.status).toBe(303);
    const reopenedPage = await client.get(reopened.headers.get('location')!.slice(ORIGIN.length));
    expect(reopenedPage.html).toContain(c.again);
    expect(reopenedPage.html).not.toContain('<form');
    const pressedAgain = await client.send('/email/confirm', page.html);
    expect(pressedAgain.seeOther?.status).toBe(303);
    expect(pressedAgain.html).toContain(c.doneTitle);
    expect(pressedAgain.html).toContain(c.again);
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('patron_id', '=', p.id)
        .where('action', '=', 'email.confirm')
        .execute(),
    ).toHaveLength(1);
  });

  it(
    'R-MAIL-2: a link is valid 24 hours; after that it ' + 'says so, how to start again, and registers nothing',
    async () => {
      const p = await patron();
      const { link } = await register(p, 'late@example.jp');
      const page = await client.get(link!.slice(ORIGIN.length));
      t.now = new Date(t0.getTime() + 24 * 3_600_000 + 1000);
      try {
        for (const r of [
          await client.get(link!.slice(ORIGIN.length)),
          await client.send('/email/confirm', page.html),
        ]) {
          expect(r.res.status).toBe(410);
          expect(r.html).toContain(c.expired.title);
          expect(r.html).toContain('「メールアドレス登録」と送信');
          expect(r.html).toContain(`href="${ORIGIN}/email"`);
        }
      } finally {
        t.now = t0;
      }
      expect((await emailOf(p.card)).email).toBeNull();
    },
  );

  it('R-MAIL-2: an unknown, cut or overlong token gets the "cannot be used" page (404)', async () => {
    for (const q of ['', '?token=', '?token=not-a-token', `?token=${'A'.repeat(43)}`, `?token=${'x'.repeat(5000)}`]) {
      const { res, html } = await client.get(`/email/confirm${q}`);
      expect(res.status, q.slice(0, 20)).toBe(404);
      expect(html).toContain(c.unknown.title);
    }
  });

  it('R-MAIL-2: a newer request retires the older link: only the address asked for last can be confirmed', async () => {
    const p = await patron();
    const first = await register(p, 'first@example.jp');
    const second = await register(p, 'second@example.jp');
    expect((await client.get(first.link!.slice(ORIGIN.length))).html).toContain(c.used.title);
    const page = await client.get(second.link!.slice(ORIGIN.length));
    await client.send('/email/confirm', page.html);
    expect((await emailOf(p.card)).email).toBe('second@example.jp');
  });

  it('R-ELIG-4: a patron who does not live, work or study in the city is told why, and no mail is queued', async () => {
    const p = await patron({ residency: 'none' });
    const { res, html } = await change({
      cardNumber: p.card,
      password: p.password,
      email: 'ito@example.jp',
      emailType: 'pc',
    });
    expect(res.status).toBe(200);
    expect(html).toContain(accountPages.email.refusedTitle);
    expect(html).toContain(refusalMessage({ code: 'NOT_RESIDENT' }));
    expect(html).not.toContain('<form');
    expect(await noticesOf(p.id)).toHaveLength(0);
  });

  it('R-ELIG-4: a preschool child is told from when they may register', async () => {
    const p = await patron({ birthDate: '2021-01-01' });
    const { html } = await change({
      cardNumber: p.card,
      password: p.password,
      email: 'kid@example.jp',
      emailType: 'pc',
    });
    expect(html).toContain(refusalMessage({ code: 'NOT_ELEMENTARY_AGE', params: { eligibleFrom: '2027-04-01' } }));
    expect(await noticesOf(p.id)).toHaveLength(0);
  });

  it('R-ELIG-4: a worker or a student in the city may register', async () => {
    for (const residency of ['worker', 'student'] as const) {
      const p = await patron({ residency });
      const { done } = await register(p, `${residency}@example.jp`);
      expect(done.html).toContain(accountPages.email.doneTitle);
    }
  });

  it('R-MAIL-1: a malformed address is refused next to the field, before the password is checked', async () => {
    const p = await patron();
    for (const bad of ['taro', 'taro@', 'taro@example', 'ta ro@example.jp', 'taro@@example.jp']) {
      const { html } = await change({
        cardNumber: p.card,
        password: 'wrong-but-unchecked',
        email: bad,
        emailType: 'pc',
      });
      expect(fieldError(html, 'email'), bad).toBe(refusalMessage({ code: 'EMAIL_ADDRESS_INVALID' }));
      expect(html).toContain(`value="${bad}"`); // kept for correcting
    }
    expect(
      await t.db.selectFrom('login_throttle').selectAll().where('subject', '=', `card:${p.card}`).execute(),
    ).toHaveLength(0);
  });

  it('R-MAIL-1: the type must be chosen; full-width input from a Japanese keyboard is the same address', async () => {
    const p = await patron();
    const noType = await change({ cardNumber: p.card, password: p.password, email: 'a@example.jp' });
    expect(fieldError(noType.html, 'emailType')).toBe(accountPages.email.emailTypeRequired);
    const wide = await change({
      cardNumber: '４' + p.card.slice(1),
      password: p.password,
      email: 'ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ',
      emailType: 'pc',
    });
    expect(hiddenFields(wide.html)).toMatchObject({ email: 'hana@example.jp', cardNumber: p.card });
  });

  it('a wrong password gets the login sentence above the fields and queues nothing', async () => {
    const p = await patron();
    const { html } = await change({
      cardNumber: p.card,
      password: 'notRight9',
      email: 'x@example.jp',
      emailType: 'pc',
    });
    expect(formError(html)).toBe(refusalMessage({ code: 'CREDENTIALS_INVALID' }));
    expect(await noticesOf(p.id)).toHaveLength(0);
  });

  it(
    'R-MAIL-2: with the mail server down the page still ' + 'completes; the notice waits in the outbox for the job',
    async () => {
      const p = await patron();
      t.mailer.failWith = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
      let result: Awaited<ReturnType<typeof register>>;
      try {
        result = await register(p, 'queued@example.jp');
      } finally {
        t.mailer.failWith = undefined;
      }
      expect(result.done.html).toContain(accountPages.email.doneTitle);
      expect(result.mail).toBeUndefined();
      const [pending] = await noticesOf(p.id);
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending!.last_error).toContain('ECONNREFUSED');
      expect(pending!.due_at.getTime() - t0.getTime()).toBeLessThanOrEqual(15 * 60_000);
      // The deliver-notices job at the due time sends it, once.
      expect((await t.call('POST', '/admin/jobs/deliver-notices', { now: pending!.due_at.toISOString() })).status).toBe(
        200,
      );
      await t.call('POST', '/admin/jobs/deliver-notices', {
        now: new Date(pending!.due_at.getTime() + 3_600_000).toISOString(),
      });
      expect(t.mailer.sent.filter((m) => m.to === 'queued@example.jp')).toHaveLength(1);
      expect((await noticesOf(p.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    },
  );
});
