import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { testLog } from '../helpers/test-log.js';
import { accountPages, refusalMessage } from '../../src/messages/ja/index.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { verifyCredentials } from '../../src/services/credentials.js';
import { testDatabase } from '../helpers/database.js';
import { at } from '../helpers/library.js';
import { linkIn, recordingMailer } from '../helpers/mail.js';
import { addPatronWithPassword } from '../helpers/pages.js';

import { CHROMIUM, CHROMIUM_ARGS, screenshotDir } from '../helpers/screenshots.js';
/**
 * The password and e-mail pages in a real browser (Debian's Chromium via playwright-core) at
 * 360 px, end to end against the real app on 127.0.0.1, with screenshots under docs/screenshots/.
 */
const SHOTS = screenshotDir();
const WIDTH = 360;
const T0 = at('2026-12-01 10:00');
const P = { card: '2000000001', password: 'k7Tm2qX9', next: 'hanaNew2026' };

describe.skipIf(!existsSync(CHROMIUM))(`password and e-mail pages in Chromium (${WIDTH} px wide)`, () => {
  let server: ServerType;
  let rt: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base = '';
  const clock = { now: T0 };
  const mailer = recordingMailer();

  beforeAll(async () => {
    let app: Hono | undefined;
    server = serve({
      fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
    dropDatabase = pg?.close;
    const config = loadConfig({ PUBLIC_BASE_URL: base, DATABASE_URL: pg?.url, SEED: 'none', CRON: 'off' });
    rt = await buildRuntime(config, testLog, { pgliteInMemory: true, clock: () => clock.now, mail: mailer });
    app = rt.app;
    await addPatronWithPassword(rt.database.db, P.card, P.password);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rt?.close();
    await dropDatabase?.();
  });

  async function open(path: string): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ja-JP',
    });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && cspErrors.push(m.text())));
    await page.goto(`${base}${path}`);
    return { page, cspErrors };
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const submit = (page: Page, label: string) =>
    Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: label, exact: true }).click()]);
  /** Readable on a 360 px phone: nothing wider than the screen, tap targets of 44 px or more. */
  async function fitsPhone(page: Page, selectors: string[]) {
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(WIDTH);
    for (const s of selectors)
      expect((await page.locator(s).first().boundingBox())!.height, s).toBeGreaterThanOrEqual(44);
  }
  async function fill(page: Page, fields: Record<string, string>) {
    for (const [name, value] of Object.entries(fields)) await page.locator(`input[name=${name}]`).fill(value);
  }

  it('R-PW-2/R-PW-3: a short new password is refused next to its field; then 変更 → 確認 → 送信 → 完了', async () => {
    const { page, cspErrors } = await open('/password');
    await fitsPhone(page, ['input[name=cardNumber]', 'input[name=newPasswordConfirm]', 'button[type=submit]']);
    await fill(page, { cardNumber: P.card, password: P.password, newPassword: 'abc12', newPasswordConfirm: 'abc12' });
    await shot(page, 'password-form');
    await submit(page, '変更');

    const error = page.locator('#f-newPassword-error');
    await expect(error.textContent()).resolves.toBe(refusalMessage({ code: 'PASSWORD_TOO_SHORT', params: { min: 6 } }));
    // Right under its own field, and the passwords are not typed back in.
    const field = (await page.locator('input[name=newPassword]').boundingBox())!;
    const box = (await error.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(field.y + field.height);
    expect(box.y - (field.y + field.height)).toBeLessThan(30);
    await expect(page.locator('input[name=cardNumber]').inputValue()).resolves.toBe(P.card);
    await expect(page.locator('input[name=password]').inputValue()).resolves.toBe('');
    await page.locator('#f-newPassword-error').scrollIntoViewIfNeeded();
    await shot(page, 'password-error');

    await fill(page, { password: P.password, newPassword: P.next, newPasswordConfirm: P.next });
    await submit(page, '変更');
    await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.password.confirmTitle);
    await fitsPhone(page, ['button[type=submit]', 'a.button']);
    await shot(page, 'password-confirm');
    await submit(page, '送信');
    await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.password.doneTitle);
    await shot(page, 'password-done');
    expect((await verifyCredentials(rt.database.db, { cardNumber: P.card, password: P.next }, clock.now)).ok).toBe(
      true,
    );
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it("R-MAIL-1/R-MAIL-2/R-MAIL-3: 変更 → 確認 → 送信 → 完了, then the mail's link → 確定 → 確定完了", async () => {
    const { page, cspErrors } = await open('/email');
    await fitsPhone(page, ['input[name=email]', 'label.choice', 'button[type=submit]']);
    await fill(page, { cardNumber: P.card, password: P.next, email: 'hanako.kamagaya@example.jp' });
    await page.getByLabel(accountPages.email.emailTypes.mobile).check();
    await shot(page, 'email-form');
    await submit(page, '変更');
    await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.email.confirmTitle);
    await shot(page, 'email-confirm');
    await submit(page, '送信');
    await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.email.doneTitle);
    await expect(page.locator('main').textContent()).resolves.toContain('yoyaku@library-kamagaya-chiba.jp');
    await fitsPhone(page, []);
    await shot(page, 'email-done');

    const link = linkIn(mailer.sent.at(-1)!.text)!;
    expect(link.startsWith(`${base}/email/confirm?token=`)).toBe(true);
    await page.goto(link);
    await expect(page.locator('main').textContent()).resolves.toContain('hanako.kamagaya@example.jp');
    await fitsPhone(page, ['button[type=submit]']);
    await shot(page, 'email-link');
    await submit(page, '確定');
    await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.emailConfirm.doneTitle);
    await shot(page, 'email-link-done');
    const row = await rt.database.db
      .selectFrom('patrons')
      .select('email')
      .where('card_number', '=', P.card)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('hanako.kamagaya@example.jp');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('R-MAIL-2: a link opened after 24 hours says it expired and leads back to the form', async () => {
    const { page } = await open('/email');
    await fill(page, { cardNumber: P.card, password: P.next, email: 'late@example.jp' });
    await page.getByLabel(accountPages.email.emailTypes.pc).check();
    await submit(page, '変更');
    await submit(page, '送信');
    const link = linkIn(mailer.sent.at(-1)!.text)!;
    clock.now = new Date(T0.getTime() + 24 * 3_600_000 + 60_000);
    try {
      const res = await page.goto(link);
      expect(res?.status()).toBe(410);
      await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.emailConfirm.expired.title);
      await fitsPhone(page, ['a.button']);
      await shot(page, 'email-link-expired');
      await Promise.all([
        page.waitForURL(`${base}/email`),
        page.getByRole('link', { name: accountPages.emailConfirm.toForm }).click(),
      ]);
      await expect(page.locator('h1').textContent()).resolves.toBe(accountPages.email.title);
    } finally {
      clock.now = T0;
    }
    await page.context().close();
  });
});
