import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPages as account } from '../../src/http/account-pages.js';
import { formSecret } from '../../src/http/page-security.js';
import type { Logger } from '../../src/log.js';
import { fileTransport } from '../../src/mail/file.js';
import { accountPages } from '../../src/messages/ja/index.js';
import { deliverEmailNotices } from '../../src/notices/email-delivery.js';
import { accountClient, hiddenFields } from '../helpers/account-pages.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { linkIn, parseMail, tokenOf } from '../helpers/mail.js';
import { addPatronWithPassword, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';

// What protects the password and e-mail pages: headers, CSRF on every form, logs without secrets.
const P = { card: '5000000001', password: 'Guard7pw' };
let t: TestApp;
let client: ReturnType<typeof accountClient>;
const throttleRows = async () =>
  JSON.stringify(await t.db.selectFrom('login_throttle').selectAll().orderBy('subject').execute());
const noticeCount = async () => (await t.db.selectFrom('notices').select('id').execute()).length;

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = accountClient(t);
  await addPatronWithPassword(t.db, P.card, P.password);
});
afterAll(async () => t.close());

/** A 確定 page for a fresh link of P. */
async function linkPage(): Promise<string> {
  const confirm = await client.change('/email', {
    cardNumber: P.card,
    password: P.password,
    email: 'guard@example.jp',
    emailType: 'pc',
  });
  await client.send('/email', confirm.html);
  return (await client.get(linkIn(t.mailer.sent.at(-1)!.text)!.slice(ORIGIN.length))).html;
}

describe('account page guards', () => {
  it('every page sends no-referrer, no-store, no framing and a strict CSP; the rest of the app does not', async () => {
    const pagesToCheck = [
      await client.get('/password'),
      await client.get('/email'),
      await client.get('/email/confirm?token=unknown'),
      await client.change('/password', { cardNumber: P.card }),
    ];
    for (const { res } of pagesToCheck) {
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
    }
    expect((await t.app.request('/healthz')).headers.get('cache-control')).toBeNull();
  });

  it(
    "CSRF: each form without its token, with another form's, with a " +
      'forged one, from a foreign or no Origin: 403, nothing done or counted',
    async () => {
      const confirmPage = await linkPage();
      const forms: [string, Record<string, string>][] = [
        [
          '/password',
          {
            ...hiddenFields((await client.get('/password')).html),
            cardNumber: P.card,
            password: 'wrongPass1',
            newPassword: 'newPass22',
            newPasswordConfirm: 'newPass22',
          },
        ],
        [
          '/email',
          {
            ...hiddenFields((await client.get('/email')).html),
            cardNumber: P.card,
            password: 'wrongPass1',
            email: 'x@example.jp',
            emailType: 'pc',
          },
        ],
        ['/email/confirm', hiddenFields(confirmPage)],
      ];
      const emailForm = hiddenFields((await client.get('/email')).html);
      const throttle = await throttleRows();
      const notices = await noticeCount();
      for (const [path, fields] of forms) {
        const { csrfToken: _drop, ...withoutToken } = fields;
        const attempts = [
          await client.post(path, withoutToken),
          await client.post(path, { ...fields, csrfToken: 'A'.repeat(43) }),
          await client.post(path, { ...fields, formNonce: `${fields.formNonce}x` }),
          // A genuine pair, but rendered for another form (purposes differ).
          ...(path === '/email'
            ? []
            : [
                await client.post(path, {
                  ...fields,
                  formNonce: emailForm.formNonce!,
                  csrfToken: emailForm.csrfToken!,
                }),
              ]),
          await client.post(path, fields, { origin: 'https://evil.example' }),
          await client.post(path, fields, { origin: null }),
        ];
        for (const { res, html } of attempts) {
          expect(res.status, path).toBe(403);
          expect(html).toContain(accountPages.forbidden.title);
          expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        }
        const json = await t.app.request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify(fields),
        });
        expect(json.status).toBe(403);
      }
      expect(await throttleRows()).toBe(throttle);
      expect(await noticeCount()).toBe(notices);
      expect(
        (await t.db.selectFrom('patrons').select('email').where('card_number', '=', P.card).executeTakeFirstOrThrow())
          .email,
      ).toBeNull();
    },
  );

  it('builds the link in the mail from PUBLIC_BASE_URL, never from the Host header', async () => {
    const confirm = await client.change('/email', {
      cardNumber: P.card,
      password: P.password,
      email: 'host@example.jp',
      emailType: 'pc',
    });
    const res = await t.app.request('http://evil.example/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, host: 'evil.example' },
      body: new URLSearchParams(hiddenFields(confirm.html)).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^http:\/\/localhost:3000\/email\/done\?r=/);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe('host@example.jp');
    expect(linkIn(mail.text)).toMatch(/^http:\/\/localhost:3000\/email\/confirm\?token=/);
    expect(mail.text + mail.html).not.toContain('evil.example');
  });

  it(
    'a 確定 page left open over 30 minutes is shown again ' + 'with a fresh form (the link itself lives 24 hours)',
    async () => {
      const page = await linkPage();
      const before = t.now;
      try {
        t.now = new Date(before.getTime() + 40 * 60_000);
        const again = await client.send('/email/confirm', page);
        expect(again.res.status).toBe(200);
        expect(again.html).toContain(accountPages.emailConfirm.title);
        expect(hiddenFields(again.html).formNonce).not.toBe(hiddenFields(page).formNonce);
        expect((await client.send('/email/confirm', again.html)).html).toContain(accountPages.emailConfirm.doneTitle);
      } finally {
        t.now = before;
      }
    },
  );
});

describe('logs and dev mail files', () => {
  it(
    'never carry a password, a token or a full card number; ' + 'the .eml file holds the link, the log only its path',
    async () => {
      const lines: string[] = [];
      const record = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
        void lines.push(JSON.stringify({ level, msg, ...fields }));
      const log: Logger = {
        debug: record('debug'),
        info: record('info'),
        warn: record('warn'),
        error: record('error'),
      };
      const dir = await mkdtemp(join(tmpdir(), 'mail-'));
      try {
        const mail = {
          db: t.db,
          transport: fileTransport(dir, 'yoyaku@library-kamagaya-chiba.jp', log),
          log,
          publicBaseUrl: ORIGIN,
          mailFrom: 'yoyaku@library-kamagaya-chiba.jp',
        };
        const app = account({
          db: t.db,
          log,
          clock: () => t.now,
          publicBaseUrl: ORIGIN,
          lineAccessBaseUrl: 'https://access.line.me',
          formSecret: formSecret(undefined),
          mailFrom: mail.mailFrom,
          sendMailNow: async (id) => void (await deliverEmailNotices(mail, t.now, id)),
        });
        const post = async (path: string, fields: Record<string, string>) =>
          (
            await app.request(`${ORIGIN}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
              body: new URLSearchParams(fields).toString(),
            })
          ).text();
        const form = async (path: string) => hiddenFields(await (await app.request(`${ORIGIN}${path}`)).text());
        await post('/password', {
          ...(await form('/password')),
          cardNumber: P.card,
          password: 'wrongPass1',
          newPassword: 'newPass22',
          newPasswordConfirm: 'newPass22',
        });
        const confirmPw = await post('/password', {
          ...(await form('/password')),
          cardNumber: P.card,
          password: P.password,
          newPassword: 'newPass22',
          newPasswordConfirm: 'newPass22',
        });
        await post('/password', hiddenFields(confirmPw));
        const confirmMail = await post('/email', {
          ...(await form('/email')),
          cardNumber: P.card,
          password: 'newPass22',
          email: 'log@example.jp',
          emailType: 'pc',
        });
        await post('/email', hiddenFields(confirmMail));

        const files = await readdir(dir);
        expect(files).toHaveLength(1);
        expect(files[0]).toMatch(/\.eml$/);
        const eml = await readFile(join(dir, files[0]!), 'utf8');
        expect(eml).toContain('From: yoyaku@library-kamagaya-chiba.jp');
        expect(eml).toContain('To: log@example.jp');
        const token = tokenOf(linkIn(parseMail(eml).parts.get('text/plain')!)!);
        const all = lines.join('\n');
        expect(all).toContain(join(dir, files[0]!));
        expect(all).toContain('******0001');
        for (const secret of [P.password, 'wrongPass1', 'newPass22', token, P.card]) expect(all).not.toContain(secret);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
