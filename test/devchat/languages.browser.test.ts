import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inLanguage } from '../../src/lib/language.js';
import { messageTables } from '../../src/messages/index.js';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { DEV_CHAT_USERS } from '../../src/devchat/users.js';
import { chatPage, phoneTab } from './chat-page.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * Issue 28 on the chat page at 360 px: a patron whose LINE is in English is answered in English
 * from the first word, and the login page opens in English; a patron who chooses やさしい日本語
 * reads it in the chat and on the login page. Screenshots: docs/screenshots/lang-*.png.
 */
const SHOTS = screenshotDir();
const { en, easy } = messageTables;

describe.skipIf(!existsSync(CHROMIUM))('the chat and the login page in English and やさしい日本語 (360 px)', () => {
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

  it('English: the greeting, a search, the login page in English', async () => {
    const chat = chatPage(page);
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    const english = DEV_CHAT_USERS.find((u) => u.language === 'en-US')!;
    await page.locator('#user').selectOption({ value: english.lineUserId });
    await chat.botMessage(/Kamagaya City Library/).waitFor();
    await chat.type('do you have ぐりとぐら');
    await chat.botMessage(/ぐりとぐら/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'lang-en-chat.png') });
    await chat.type('Log in');
    const button = chat.botMessage(en.patronChat.buttons.login).getByRole('button', {
      name: en.patronChat.buttons.login,
    });
    await button.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), chat.tap(button)]);
    await login.waitForLoadState();
    expect(login.url()).toContain('lang=en');
    await expect(login.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(login.locator('h1').textContent()).resolves.toBe(en.pages.login.title);
    await login.screenshot({ path: join(SHOTS, 'lang-en-login.png'), fullPage: true });
    await login.close();
    expect(problems).toEqual([]);
  });

  it('やさしい日本語: chosen with 言語 / Language, then the chat and the login page in it', async () => {
    const chat = chatPage(page);
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('#user').selectOption({ label: '初富 花子 (2000000002 / hanako2026lib)' });
    await chat.botMessage('友だち追加ありがとうございます').waitFor();
    await chat.type('言語 / Language');
    await chat.tap(chat.quickReply(messageTables.ja.languageChoice.names.easy));
    await chat.botMessage(easy.languageChoice.chosen.split('\n')[0]!).waitFor();
    await chat.type('ぐりとぐら');
    await chat.botMessage(/ぐりとぐら/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'lang-easy-chat.png') });
    await chat.type('ログイン');
    const label = easy.patronChat.buttons.login;
    const button = chat.botMessage(label).getByRole('button', { name: label });
    await button.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), chat.tap(button)]);
    await login.waitForLoadState();
    expect(login.url()).toContain('lang=easy');
    await expect(login.locator('h1').textContent()).resolves.toBe(easy.pages.login.title);
    await expect(login.locator('body').textContent()).resolves.toContain(
      inLanguage('easy', () => easy.pages.libraryName),
    );
    await login.screenshot({ path: join(SHOTS, 'lang-easy-login.png'), fullPage: true });
    await login.close();
    expect(problems).toEqual([]);
  });
});
