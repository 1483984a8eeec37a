import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { linkPatron } from '../../src/db/account-links.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { insertNotice } from '../../src/db/notices.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { placeHold } from '../../src/services/holds.js';
import { STAFF } from '../helpers/actors.js';
import { addStaffMember } from '../helpers/console.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { rememberSecret, testLog } from '../helpers/test-log.js';

/**
 * The staff console in Debian's Chromium (issue 29), at a desk PC's 1280 px and a tablet's 820 px:
 * login, lockout, a role refused, the patron desk's actions, Today, closed dates. No script runs on
 * the pages (the CSP allows none); every step is a form.
 */
const SHOTS = screenshotDir();
const LIB = { name: 'sato', password: 'sato-librarian-0001' };
const ADMIN = { name: 'boss', password: 'boss-administrator1' };
const w = consoleWords;

describe.skipIf(!existsSync(CHROMIUM))('staff console in Chromium', () => {
  let appServer: ServerType;
  let rt: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base = '';
  const clock = { now: at('2026-12-01 10:00') };

  beforeAll(async () => {
    let app: Hono | undefined;
    appServer = serve({
      fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((resolve) => (appServer.listening ? resolve() : appServer.once('listening', resolve)));
    base = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
    const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
    dropDatabase = pg?.close;
    const config = loadConfig({ PUBLIC_BASE_URL: base, DATABASE_URL: pg?.url, SEED: 'none', CRON: 'off' });
    rt = await buildRuntime(config, testLog, { pgliteInMemory: true, clock: () => clock.now });
    app = rt.app;
    const db = rt.database.db;
    await addStaffMember(db, LIB.name, 'librarian', LIB.password);
    await addStaffMember(db, ADMIN.name, 'admin', ADMIN.password);
    await addStaffMember(db, 'tanaka', 'librarian', 'tanaka-librarian-01');
    const [a, b] = await addTitles(db, [
      BOOK('銀河鉄道の夜', [['S0001', 'honkan']]),
      BOOK('風の又三郎', [['S0002', 'tobu']]),
      BOOK('注文の多い料理店', [['S0003', 'honkan']]),
      BOOK('セロ弾きのゴーシュ', [['S0004', 'honkan']]),
    ]);
    const p1 = await addPatron(db, '3000000001');
    await db.updateTable('patrons').set({ name: '鎌ケ谷 一郎' }).where('id', '=', p1).execute();
    const p2 = await addPatron(db, '3000000002', { email: 'jiro@example.jp' });
    await db.updateTable('patrons').set({ name: '鎌ケ谷 二郎' }).where('id', '=', p2).execute();
    const user = lineUserId('console-browser');
    await touchLineUser(db, user, true, clock.now);
    await linkPatron(db, user, p1, clock.now);
    await placeHold(
      db,
      { cardNumber: '3000000002', bibId: a!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
      clock.now,
    );
    await placeHold(
      db,
      { cardNumber: '3000000001', bibId: b!, pickupBranch: 'honkan', channel: 'phone', actor: STAFF },
      clock.now,
    );
    await insertNotice(db, {
      patronId: p2,
      kind: 'hold_ready',
      channel: 'email',
      payload: {},
      dedupeKey: 'shot',
      dueAt: clock.now,
    });
    await db.updateTable('notices').set({ status: 'failed', last_error: 'SMTP 550: mailbox unavailable' }).execute();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => appServer.close(() => resolve()));
    await rt?.close();
    await dropDatabase?.();
  });

  const desk = (width = 1280, height = 900): Promise<BrowserContext> =>
    browser.newContext({ viewport: { width, height }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

  async function login(page: Page, who: { name: string; password: string }) {
    await page.goto(`${base}/staff/login`);
    await page.getByLabel(w.login.nameLabel).fill(who.name);
    await page.getByLabel(w.login.passwordLabel).fill(who.password);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.login.submit }).click()]);
  }
  const click = (page: Page, name: string) =>
    Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);
  const bodyText = (page: Page) => page.locator('body').innerText();
  const noWiderThan = async (page: Page, width: number) =>
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(width);

  it('logs in with an HttpOnly, SameSite=Strict session cookie, and out again', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await page.goto(`${base}/staff/patrons`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.screenshot({ path: join(SHOTS, 'staff-login.png') });
    await login(page, LIB);
    expect(new URL(page.url()).pathname).toBe('/staff/patrons');
    const [cookie] = await ctx.cookies();
    expect(cookie).toMatchObject({ name: 'staff_session', httpOnly: true, sameSite: 'Strict', path: '/staff' });
    expect(await bodyText(page)).toContain(w.signedInAs(LIB.name, 'librarian'));
    await click(page, w.logout);
    expect(await bodyText(page)).toContain(w.login.loggedOut);
    expect(await ctx.cookies()).toEqual([]);
    await ctx.close();
  });

  it('locks a name after 10 wrong passwords, and says until when', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    for (let i = 0; i < 10; i++) await login(page, { name: 'tanaka', password: `wrong-password-${i}` });
    await login(page, { name: 'tanaka', password: 'tanaka-librarian-01' });
    expect(await page.getByRole('alert').innerText()).toContain('ログインできません');
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.screenshot({ path: join(SHOTS, 'staff-login-locked.png') });
    await ctx.close();
  });

  it('refuses a librarian the staff accounts page with 403 and the reason', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await login(page, LIB);
    expect(await page.getByRole('link', { name: w.nav.staff }).count()).toBe(0);
    const res = await page.goto(`${base}/staff/staff`);
    expect(res?.status()).toBe(403);
    expect(await bodyText(page)).toContain(w.forbidden.body('staff', 'admin', 'librarian'));
    await page.screenshot({ path: join(SHOTS, 'staff-forbidden.png') });
    await ctx.close();
  });

  it('the patron desk: find, check out, check in, counter hold, initial password receipt, unlink LINE', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await login(page, LIB);
    await page.getByLabel(w.search.label).fill('鎌ケ谷');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.search.submit }).click()]);
    expect(await bodyText(page)).toContain(w.search.many(2));
    await page.screenshot({ path: join(SHOTS, 'staff-patron-search.png') });
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: '3000000001' }).click()]);
    expect(await page.locator('#line-state').innerText()).toContain('連携中');

    await page.getByLabel(w.desk.barcodeLabel).first().fill('S0003');
    await click(page, w.desk.checkout);
    expect((await page.getByRole('status').innerText()).trim()).toBe(w.desk.checkedOut);
    expect(await page.locator('#loans').innerText()).toContain('注文の多い料理店');

    await page.locator('#f-hold-bib').fill(String(await bibIdOf('セロ弾きのゴーシュ')));
    await click(page, w.desk.placeHold);
    expect((await page.getByRole('status').innerText()).trim()).toBe(w.desk.holdPlaced);
    expect(await page.locator('#holds').innerText()).toContain('セロ弾きのゴーシュ');

    await page.locator('#f-checkin-barcode').fill('S0003');
    await click(page, w.desk.checkin);
    expect(await page.locator('#loans').innerText()).not.toContain('注文の多い料理店');
    await noWiderThan(page, 1280);
    await page.screenshot({ path: join(SHOTS, 'staff-patron-desk.png'), fullPage: true });

    await page.getByLabel(w.desk.identityChecked).check();
    await click(page, w.desk.issuePassword);
    const password = (await page.locator('#initial-password').textContent())!.trim();
    rememberSecret('an initial password', password);
    expect(password).toMatch(/^[A-Za-z0-9]{8}$/);
    await page.screenshot({ path: join(SHOTS, 'staff-receipt.png'), fullPage: true });
    // Reloading the receipt posts the form again: nothing is issued twice, and the page says so.
    await page.reload();
    expect((await page.getByRole('alert').innerText()).trim()).toBe(w.receipt.alreadyIssued);
    expect(await page.locator('#initial-password').count()).toBe(0);

    await click(page, w.desk.unlink);
    expect((await page.getByRole('status').innerText()).trim()).toBe(w.desk.unlinked);
    expect((await page.locator('#line-state').innerText()).trim()).toBe(w.patron.lineNotLinked);
    await ctx.close();
  });

  it('reads on a tablet (820 px) without sideways scrolling', async () => {
    const ctx = await desk(820, 1180);
    const page = await ctx.newPage();
    await login(page, LIB);
    for (const path of ['/staff/patrons/3000000002', '/staff/today', '/staff/calendar']) {
      await page.goto(`${base}${path}`);
      await noWiderThan(page, 820);
    }
    await page.goto(`${base}/staff/patrons/3000000002`);
    await page.screenshot({ path: join(SHOTS, 'staff-patron-desk-tablet.png'), fullPage: true });
    await ctx.close();
  });

  it('Today: copies to pull, the failed mail with its reason, and a retry', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await login(page, LIB);
    await page.goto(`${base}/staff/today`);
    expect(await page.locator('#pull-tobu').innerText()).toContain('風の又三郎');
    expect(await page.locator('#failed-notices').innerText()).toContain('SMTP 550: mailbox unavailable');
    await page.screenshot({ path: join(SHOTS, 'staff-today.png'), fullPage: true });
    await click(page, w.today.retry);
    expect((await page.getByRole('status').innerText()).trim()).toBe(w.today.retried);
    await ctx.close();
  });

  it('closed dates: a preview names whose dates move, then closing moves them', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await login(page, LIB);
    await page.goto(`${base}/staff/calendar`);
    await page.getByLabel(w.calendar.branchLabel).selectOption('honkan');
    await page.getByLabel(w.calendar.fromLabel).fill('2026-12-02');
    await page.getByLabel(w.calendar.toLabel).fill('2026-12-04');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.calendar.preview }).click()]);
    expect(await page.locator('#moves').innerText()).toContain('3000000002');
    expect(await page.locator('#moves').innerText()).toContain(w.calendar.moveKind.pickup!);
    await page.screenshot({ path: join(SHOTS, 'staff-calendar-preview.png'), fullPage: true });
    await click(page, w.calendar.confirm);
    expect((await page.getByRole('status').innerText()).trim()).toBe(w.calendar.closed(3, 2, 0));
    expect(await page.locator('#closed-dates').innerText()).toContain('2026年12月3日');
    await ctx.close();
  });

  it('an administrator sees and manages the staff accounts', async () => {
    const ctx = await desk();
    const page = await ctx.newPage();
    await login(page, ADMIN);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: w.nav.staff }).click()]);
    expect(await page.locator('table').innerText()).toContain('tanaka');
    await page.screenshot({ path: join(SHOTS, 'staff-accounts.png'), fullPage: true });
    await ctx.close();
  });

  async function bibIdOf(title: string): Promise<string> {
    const r = await rt.database.db.selectFrom('bibs').select('id').where('title', '=', title).executeTakeFirstOrThrow();
    return r.id;
  }
});
