import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { chatPage, logInOnPage, phoneTab } from './chat-page.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * Family cards (docs/family-cards.md) on the chat page at 360 px: 太郎 logs in, adds 花子's card on
 * the same login page with her own password, sees the family's ご利用状況 grouped by holder
 * (docs/screenshots/chat-family-status.png), switches cards and shows 花子's
 * (docs/screenshots/chat-family-card.png).
 */
const SHOTS = screenshotDir();

describe.skipIf(!existsSync(CHROMIUM))('family cards on the dev chat page (360 px wide)', () => {
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

  async function logInFrom(words: string, card: string, password: string) {
    const chat = chatPage(page);
    await chat.type(words);
    const button = chat.botMessage('パスワード').getByRole('button', { name: 'ログイン' });
    await button.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), chat.tap(button)]);
    await logInOnPage(login, card, password);
  }

  it('adds a family card, shows the family status, switches and shows that card', async () => {
    const chat = chatPage(page);
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('#user').selectOption({ label: '鎌ケ谷 太郎 (2000000001 / k7Tm2qX9)' });
    await chat.botMessage('友だち追加ありがとうございます').waitFor();
    await logInFrom('ログイン', '2000000001', 'k7Tm2qX9');
    await chat.botMessage('ログインしました').waitFor();
    await logInFrom('家族のカードを追加', '2000000002', 'hanako2026lib');
    await chat.botMessage('花子さんのカードを追加しました').waitFor();

    await chat.type('ご利用状況');
    const header = chat.botMessage('ご家族のご利用状況');
    await header.waitFor();
    await expect(header.textContent()).resolves.toContain('■ 太郎さん');
    await expect(header.textContent()).resolves.toContain('■ 花子さん（手続き中のカード）');
    await chat.botMessage('太郎さん｜').waitFor();
    await header.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'chat-family-status.png') });

    await chat.tap(chat.quickReply('太郎さんのカード'));
    await chat.botMessage('太郎さんのカードに切り替えました').waitFor();
    await chat.tap(chat.quickReply('花子さんのカード'));
    await chat.botMessage('花子さんのカードに切り替えました').waitFor();
    await chat.type('利用者カード');
    const card = chat.botMessage('******0002');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('初富 花子 さん');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'chat-family-card.png') });
    expect(problems).toEqual([]);
  });
});
