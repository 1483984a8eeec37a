import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { alertText, addStaffMember, consoleBrowser } from '../helpers/console.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addPatron, addTitles, BOOK } from '../helpers/library.js';

/**
 * The staff console's door (issue 29): sessions, CSRF, roles, expiry, lockout, the audit log.
 * Plain requests, no browser: what a forged or replayed request gets.
 */
const LIB_PW = 'librarian-pass-0001';
const ADMIN_PW = 'admin-pass-00000001';

describe('staff console: accounts, sessions and forms', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp();
    await addStaffMember(t.db, 'sato', 'librarian', LIB_PW);
    await addStaffMember(t.db, 'boss', 'admin', ADMIN_PW);
    await addStaffMember(t.db, 'locky', 'librarian', 'locky-pass-000001');
    await addTitles(t.db, [BOOK('坊っちゃん', [['C0001', 'honkan']])]);
    await addPatron(t.db, 'P1001');
  });
  afterAll(async () => t.close());

  it('a page without a session leads to the login page', async () => {
    const b = consoleBrowser(t.app);
    const r = await b.get('/staff/patrons');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/staff/login');
  });

  it('login sets an HttpOnly, SameSite=Strict cookie scoped to /staff and opens the desk', async () => {
    const b = consoleBrowser(t.app);
    const r = await b.login('sato', LIB_PW);
    expect(r.status).toBe(303);
    expect(r.location).toBe('/staff/patrons');
    expect(r.setCookie).toMatch(/HttpOnly/);
    expect(r.setCookie).toMatch(/SameSite=Strict/);
    expect(r.setCookie).toMatch(/Path=\/staff/);
    const desk = await b.get('/staff/patrons');
    expect(desk.status).toBe(200);
    expect(desk.html).toContain(consoleWords.signedInAs('sato', 'librarian'));
  });

  it('the cookie is Secure when PUBLIC_BASE_URL is https, or when STAFF_COOKIE_SECURE=on', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://lib.example.jp' }).staffConsole.secureCookie).toBe(true);
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }).staffConsole.secureCookie).toBe(false);
    expect(loadConfig({ STAFF_COOKIE_SECURE: 'on' }).staffConsole.secureCookie).toBe(true);
    expect(
      loadConfig({ PUBLIC_BASE_URL: 'https://lib.example.jp', STAFF_COOKIE_SECURE: 'off' }).staffConsole.secureCookie,
    ).toBe(false);
  });

  it('session fixation: an id planted before the login opens nothing, and the login issues a new one', async () => {
    const planted = 'planted-by-an-attacker-000000000000000000000';
    const b = consoleBrowser(t.app);
    b.cookie = planted;
    expect((await b.get('/staff/patrons')).location).toBe('/staff/login?expired=1');
    b.cookie = planted;
    await b.login('sato', LIB_PW);
    expect(b.cookie).toBeDefined();
    expect(b.cookie).not.toBe(planted);
    const attacker = consoleBrowser(t.app);
    attacker.cookie = planted;
    expect((await attacker.get('/staff/patrons')).status).toBe(303);
  });

  it('a second login of the same browser ends the session it presented', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const first = b.cookie;
    await b.login('sato', LIB_PW);
    expect(b.cookie).not.toBe(first);
    const old = consoleBrowser(t.app);
    old.cookie = first;
    expect((await old.get('/staff/patrons')).status).toBe(303);
  });

  it('CSRF: a post without this session’s token is refused with 403 and changes nothing', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const other = consoleBrowser(t.app);
    await other.login('boss', ADMIN_PW);
    const othersToken = (await other.get('/staff/patrons')).html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';
    for (const csrf of [undefined, '', 'x'.repeat(43), othersToken]) {
      const form: Record<string, string> = { itemBarcode: 'C0001' };
      if (csrf !== undefined) form.csrf = csrf;
      const r = await b.post('/staff/patrons/P1001/checkout', form);
      expect(r.status).toBe(403);
      expect(r.html).toContain(consoleWords.csrf.body);
    }
    const loans = await t.db.selectFrom('loans').select('id').execute();
    expect(loans).toEqual([]);
  });

  it('CSRF: a cross-site post is refused before the session is looked at', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const r = await t.app.request('/staff/logout', {
      method: 'POST',
      headers: { cookie: `staff_session=${b.cookie}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(r.status).toBe(403);
    expect((await b.get('/staff/patrons')).status).toBe(200);
  });

  it('CSRF: the login form needs a form this server rendered', async () => {
    const b = consoleBrowser(t.app);
    const r = await b.post('/staff/login', { name: 'sato', password: LIB_PW });
    expect(r.status).toBe(403);
    expect(b.cookie).toBeUndefined();
  });

  it('IDOR: a librarian cannot open or use the administrators’ pages (403 with the reason; audited)', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const page = await b.get('/staff/staff');
    expect(page.status).toBe(403);
    expect(page.html).toContain(consoleWords.forbidden.body('staff', 'admin', 'librarian'));
    const disable = await b.submit('/staff/patrons', '/staff/staff/boss/disable');
    expect(disable.status).toBe(403);
    const add = await b.submit('/staff/patrons', '/staff/staff', { name: 'mallory', role: 'admin' });
    expect(add.status).toBe(403);
    const rows = await t.db.selectFrom('staff').select(['name', 'disabled_at']).orderBy('name').execute();
    expect(rows.map((r) => r.name)).not.toContain('mallory');
    expect(rows.find((r) => r.name === 'boss')?.disabled_at).toBeNull();
    const refused = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'staff.refused').execute();
    expect(refused.map((r) => r.actor)).toContain('staff:sato');
  });

  it('an administrator may disable an account, and its open session ends at once', async () => {
    await addStaffMember(t.db, 'leaver', 'librarian', 'leaver-pass-00001');
    const leaver = consoleBrowser(t.app);
    await leaver.login('leaver', 'leaver-pass-00001');
    expect((await leaver.get('/staff/patrons')).status).toBe(200);
    const admin = consoleBrowser(t.app);
    await admin.login('boss', ADMIN_PW);
    const r = await admin.submit('/staff/staff', '/staff/staff/leaver/disable');
    expect(r.status).toBe(303);
    expect((await leaver.get('/staff/patrons')).location).toBe('/staff/login?expired=1');
    expect(alertText((await leaver.login('leaver', 'leaver-pass-00001')).html)).toBe(consoleWords.login.invalid);
  });

  it('idle expiry: 30 minutes without a request end the session (S-SESS-1)', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const start = t.now;
    try {
      t.now = new Date(start.getTime() + 29 * 60_000);
      expect((await b.get('/staff/patrons')).status).toBe(200);
      t.now = new Date(start.getTime() + 58 * 60_000);
      expect((await b.get('/staff/patrons')).status).toBe(200);
      t.now = new Date(start.getTime() + 89 * 60_000);
      const r = await b.get('/staff/patrons');
      expect(r.location).toBe('/staff/login?expired=1');
      expect((await b.get('/staff/login?expired=1')).html).toContain(consoleWords.login.expired);
    } finally {
      t.now = start;
    }
  });

  it('lockout: 10 failures lock the name for 30 minutes, the right password included; then it opens', async () => {
    const b = consoleBrowser(t.app);
    for (let i = 0; i < 9; i++)
      expect(alertText((await b.login('locky', `wrong-${i}`)).html)).toBe(consoleWords.login.invalid);
    expect(alertText((await b.login('locky', 'wrong-9')).html)).toMatch(/ログインできません/);
    expect(alertText((await b.login('locky', 'locky-pass-000001')).html)).toMatch(/ログインできません/);
    expect(b.cookie).toBeUndefined();
    const start = t.now;
    try {
      t.now = new Date(start.getTime() + 31 * 60_000);
      expect((await b.login('locky', 'locky-pass-000001')).status).toBe(303);
    } finally {
      t.now = start;
    }
  });

  it('logout ends the session; every step is in the audit log under the staff member', async () => {
    const b = consoleBrowser(t.app);
    await b.login('sato', LIB_PW);
    const before = b.cookie;
    const r = await b.submit('/staff/patrons', '/staff/logout');
    expect(r.location).toBe('/staff/login?bye=1');
    const again = consoleBrowser(t.app);
    again.cookie = before;
    expect((await again.get('/staff/patrons')).status).toBe(303);
    const actions = await t.db.selectFrom('audit_log').select('action').where('actor', '=', 'staff:sato').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['staff.login', 'staff.logout', 'staff.refused']));
  });
});
