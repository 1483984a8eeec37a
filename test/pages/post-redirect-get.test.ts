import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '../../src/services/credentials.js';
import { accountPages, pages, refusalMessage } from '../../src/messages/ja/index.js';
import { accountClient, hiddenFields } from '../helpers/account-pages.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import {
  addPatronWithPassword,
  formError,
  hiddenValue,
  loginClient,
  PAGES_ORIGIN as ORIGIN,
} from '../helpers/pages.js';

// Back and reload on the patron pages (issue 23, item 7): a completed change answers 303 to a GET
// page of its result; the same form posted again says it is done and counts no failure; a reload
// of a refused form counts no second failure.
const INVALID = refusalMessage({ code: 'CREDENTIALS_INVALID' });
const t0 = at('2026-12-01 10:00');
const NEW = 'newPass2026';

let t: TestApp;
let client: ReturnType<typeof accountClient>;
let serial = 0;
async function patron() {
  const card = `50000001${String(++serial).padStart(2, '0')}`;
  const id = await addPatronWithPassword(t.db, card, 'Prg8pwQz');
  return { id, card, password: 'Prg8pwQz' };
}
const failures = async (card: string) =>
  (await t.db.selectFrom('login_throttle').select('failures').where('subject', '=', `card:${card}`).executeTakeFirst())
    ?.failures ?? 0;
const audits = async (patronId: string, action: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('patron_id', '=', patronId)
      .where('action', '=', action)
      .execute()
  ).length;
const verifies = async (card: string, password: string) =>
  (await verifyCredentials(t.db, { cardNumber: card, password }, t.now)).ok;
const post = (path: string, fields: Record<string, string>) => client.post(path, fields);

beforeAll(async () => {
  t = await testApp({ now: t0 });
  client = accountClient(t);
});
afterAll(async () => t.close());

describe('password change: POST-redirect-GET', () => {
  async function changed(p: { card: string; password: string }) {
    const formPage = await client.get('/password');
    const form = { ...hiddenFields(formPage.html), cardNumber: p.card, password: p.password };
    const typed = { ...form, newPassword: NEW, newPasswordConfirm: NEW };
    const confirm = await post('/password', typed);
    const done = await post('/password', hiddenFields(confirm.html));
    return { typed, confirm, done };
  }

  it('送信 answers 303 to a GET page of the result; the URL carries no password, card number or form token', async () => {
    const p = await patron();
    const { confirm, done } = await changed(p);
    expect(done.seeOther?.status).toBe(303);
    const location = done.seeOther!.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${ORIGIN}/password/done\\?r=[A-Za-z0-9_-]{43}$`));
    for (const secret of [p.password, NEW, p.card, hiddenFields(confirm.html).formNonce!])
      expect(location).not.toContain(secret);
    expect(done.res.status).toBe(200);
    expect(done.res.headers.get('cache-control')).toBe('no-store');
    expect(done.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(done.html).toContain(accountPages.password.doneTitle);
    expect(done.html).toContain(accountPages.password.done[0]);
    expect(done.html).not.toContain(accountPages.password.again);
    expect(done.html).not.toContain('<form');
    // Reloading the result page is a GET: it shows the result again and does nothing.
    const reloaded = await client.get(location.slice(ORIGIN.length));
    expect(reloaded.html).toContain(accountPages.password.doneTitle);
    expect(await verifies(p.card, NEW)).toBe(true);
  });

  it('the confirmation posted again (reload, Back) says the password is already changed; nothing counted', async () => {
    const p = await patron();
    const { confirm } = await changed(p);
    const again = await post('/password', hiddenFields(confirm.html));
    expect(again.seeOther?.status).toBe(303);
    expect(again.html).toContain(accountPages.password.doneTitle);
    expect(again.html).toContain(accountPages.password.again);
    expect(formError(again.html)).toBeUndefined();
    expect(again.html).not.toContain(INVALID);
    expect(await failures(p.card)).toBe(0);
    expect(await audits(p.id, 'password.change')).toBe(1);
    expect(await verifies(p.card, NEW)).toBe(true);
  });

  it('the first form posted again after the change (Back twice) says it is done too; nothing counted', async () => {
    const p = await patron();
    const { typed } = await changed(p);
    const again = await post('/password', typed);
    expect(again.html).toContain(accountPages.password.again);
    expect(again.html).not.toContain(accountPages.password.confirmTitle);
    expect(await failures(p.card)).toBe(0);
  });

  it('posted again after its 30 minutes, a completed change still says it is done, not "not completed"', async () => {
    const p = await patron();
    const { confirm } = await changed(p);
    t.now = new Date(t0.getTime() + 2 * 3_600_000);
    try {
      const again = await post('/password', hiddenFields(confirm.html));
      expect(again.html).toContain(accountPages.password.again);
      expect(again.html).not.toContain(accountPages.formExpired.title);
    } finally {
      t.now = t0;
    }
  });

  it('a refused password posted again (reload) counts no second failure; a retry from the new form does', async () => {
    const p = await patron();
    const formPage = await client.get('/password');
    const wrong = {
      ...hiddenFields(formPage.html),
      cardNumber: p.card,
      password: 'wrongPass1',
      newPassword: NEW,
      newPasswordConfirm: NEW,
    };
    const first = await post('/password', wrong);
    expect(formError(first.html)).toBe(INVALID);
    expect(await failures(p.card)).toBe(1);
    const reloaded = await post('/password', wrong);
    expect(reloaded.res.status).toBe(200);
    expect(formError(reloaded.html)).toBe(INVALID);
    expect(await failures(p.card)).toBe(1);
    // Even the right password on a reloaded refused form is not checked: no guessing through it.
    const sameFormRight = await post('/password', { ...wrong, password: p.password });
    expect(formError(sameFormRight.html)).toBe(INVALID);
    expect(await failures(p.card)).toBe(1);
    // The patron's real retry comes from the re-rendered form, with its own form token.
    const retry = await post('/password', { ...hiddenFields(first.html), ...wrong, ...pickToken(first.html) });
    expect(formError(retry.html)).toBe(INVALID);
    expect(await failures(p.card)).toBe(2);
    const right = await post('/password', { ...wrong, ...pickToken(retry.html), password: p.password });
    expect(right.html).toContain(accountPages.password.confirmTitle);
  });

  it("a result page with an unknown id, or another page kind's id, shows nothing and says why", async () => {
    const p = await patron();
    const { done } = await changed(p);
    const id = new URL(done.seeOther!.headers.get('location')!).searchParams.get('r')!;
    for (const path of [`/password/done?r=${'A'.repeat(43)}`, '/password/done', `/email/done?r=${id}`]) {
      const gone = await client.get(path);
      expect(gone.res.status, path).toBe(404);
      expect(gone.html).toContain(accountPages.resultGone.title);
      expect(gone.html).not.toContain(accountPages.password.doneTitle);
    }
  });
});

/** The form token of a rendered form (what a browser posts from that page). */
function pickToken(html: string) {
  const h = hiddenFields(html);
  return { formNonce: h.formNonce!, csrfToken: h.csrfToken! };
}

describe('e-mail registration: POST-redirect-GET', () => {
  it('送信 answers 303 to a result page with the address; posted again, no second mail, and it says so', async () => {
    const p = await patron();
    const confirm = await client.change('/email', {
      step: 'confirm',
      cardNumber: p.card,
      password: p.password,
      email: 'prg@example.jp',
      emailType: 'pc',
    });
    const sent = t.mailer.sent.length;
    const done = await client.send('/email', confirm.html);
    expect(done.seeOther?.status).toBe(303);
    const location = done.seeOther!.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${ORIGIN}/email/done\\?r=`));
    expect(location).not.toContain('prg');
    expect(done.html).toContain(accountPages.email.doneTitle);
    expect(done.html).toContain('prg@example.jp あてに');
    expect(t.mailer.sent.length).toBe(sent + 1);

    const again = await client.send('/email', confirm.html);
    expect(again.html).toContain(accountPages.email.again);
    expect(again.html).toContain('prg@example.jp あてに');
    expect(t.mailer.sent.length).toBe(sent + 1);
    expect(await failures(p.card)).toBe(0);
    const notices = await t.db.selectFrom('notices').select('id').where('patron_id', '=', p.id).execute();
    expect(notices).toHaveLength(1);
  });
});

describe('login: Back onto the page after the redirect to LINE', () => {
  it('the used login page, opened or posted again, says the login was accepted, not that it expired', async () => {
    const login = loginClient(t);
    const p = await patron();
    const { linkToken } = await login.visitor('prg');
    const formPage = await login.getLogin(`?linkToken=${encodeURIComponent(linkToken)}`);
    const csrfToken = hiddenValue(formPage.html, 'csrfToken')!;
    const ok = await login.login(linkToken, { cardNumber: p.card, password: p.password }, { csrfToken });
    expect(ok.res.status).toBe(302); // to LINE's account-link dialog: the POST is never a page of its own
    const throttle = await login.throttleRows();

    const back = await login.getLogin(`?linkToken=${encodeURIComponent(linkToken)}`);
    expect(back.res.status).toBe(200);
    expect(back.html).toContain(pages.loginAccepted.title);
    expect(back.html).not.toContain(pages.linkExpired.title);
    expect(back.html).not.toContain('<form');
    const resent = await login.login(linkToken, { cardNumber: p.card, password: p.password }, { csrfToken });
    expect(resent.html).toContain(pages.loginAccepted.title);
    expect(await login.throttleRows()).toBe(throttle);
  });
});
