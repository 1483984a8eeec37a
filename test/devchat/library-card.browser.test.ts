import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { decodePng, readCodabar } from '../helpers/codabar-reader.js';
import { chatPage, logInOnPage, phoneTab } from './chat-page.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * Issue 27 on the chat page at 360 px: 利用者カード from the logged-in rich menu shows the card's
 * barcode, fetched from the bot like LINE fetches it, and the screenshot goes to
 * docs/screenshots/chat-library-card.png.
 */
const SHOTS = screenshotDir();

describe.skipIf(!existsSync(CHROMIUM))('the library card on the dev chat page (360 px wide)', () => {
  let s: DevChatServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    s = await devChatServer();
    browser = await launchChromium();
    ({ context, page, problems } = await phoneTab(browser, 360, 740));
  });
  beforeEach(() => s.allowLoopback());
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('利用者カード from the rich menu: the barcode, the holder, ******0002', async () => {
    const chat = chatPage(page);
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('#user').selectOption({ label: '初富 花子 (2000000002 / hanako2026lib)' });
    await chat.botMessage('友だち追加ありがとうございます').waitFor();
    await chat.type('ログイン');
    const loginButton = chat.botMessage('ログイン').getByRole('button', { name: 'ログイン' });
    await loginButton.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), chat.tap(loginButton)]);
    await logInOnPage(login, '2000000002', 'hanako2026lib');
    await chat.botMessage('ログインしました').waitFor();

    await page.locator('#chatBar').click();
    await page.locator('#richMenu[data-alias=logged-in]').waitFor();
    await page.locator('#richMenuAreas button[aria-label=利用者カード]').click();
    await page.locator('#chatBar').click();
    const card = chat.botMessage('******0002');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('初富 花子 さん');
    await expect(card.textContent()).resolves.not.toContain('2000000002');
    const img = card.locator('img').first();
    await expect
      .poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    const src = (await img.getAttribute('src')) ?? '';
    expect(src).toMatch(/\/card\/[A-Za-z0-9_-]{43}\.png$/);
    // The image as the page got it reads back as the card.
    const png = await (await fetch(src)).arrayBuffer();
    expect(readCodabar(decodePng(Buffer.from(png))).text).toBe('A2000000002A');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'chat-library-card.png') });
    expect(problems).toEqual([]);
  });
});
