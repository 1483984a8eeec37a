import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { chatPage, logInOnPage, phoneTab } from './chat-page.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * Issue 26 on the chat page at a phone's width: 佐藤 (4 holds by counter, phone and internet) sees
 * his hold slots per channel and a hold's 待ち目安, changes a pickup branch, suspends a hold, and
 * renews all. Screenshots go to docs/screenshots/holds-*.png.
 */
const SHOTS = screenshotDir();

describe.skipIf(!existsSync(CHROMIUM))('hold services on the dev chat page (390 px wide)', () => {
  let s: DevChatServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    s = await devChatServer();
    browser = await launchChromium();
    ({ context, page, problems } = await phoneTab(browser, 390, 844));
    mkdirSync(SHOTS, { recursive: true });
  });
  beforeEach(() => s.allowLoopback());
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const chat = () => chatPage(page);
  const botMessage = (text: string | RegExp) => chat().botMessage(text);
  const tap = (target: Locator) => chat().tap(target);
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, name) });

  it('slots and wait, pickup change, suspension, renew all', async () => {
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('#user').selectOption({ label: '佐藤 健一 (2000000003 / Sk4r8Tz2)' });
    await botMessage('友だち追加ありがとうございます').waitFor();
    await chat().type('ログイン');
    const loginButton = botMessage('ログイン').getByRole('button', { name: 'ログイン' });
    await loginButton.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), tap(loginButton)]);
    await logInOnPage(login, '2000000003', 'Sk4r8Tz2');
    await botMessage('ログインしました').waitFor();

    // ご利用状況: 予約：4/5件（窓口1・電話1・インターネット2）, and a waiting hold's 待ち目安.
    await chat().type('ご利用状況');
    const header = botMessage('予約：4/5件');
    await header.waitFor();
    await expect(header.textContent()).resolves.toContain('窓口1・電話1・インターネット2');
    await header.scrollIntoViewIfNeeded();
    await shot('holds-slots.png');
    const holds = botMessage('待ち目安');
    await holds.waitFor();
    const waiting = holds.locator('.bubble', { hasText: '待ち目安' }).first();
    await waiting.scrollIntoViewIfNeeded();
    await shot('holds-status.png');

    // 受取館変更 on that hold: the other branches, a typed answer, the confirmation.
    await tap(waiting.getByRole('button', { name: '受取館変更' }));
    await botMessage('新しい受取館を選んでください').waitFor();
    await chat().type('本館');
    const confirm = botMessage('受取館を変更しますか');
    await confirm.waitFor();
    await shot('holds-pickup-confirm.png');
    await tap(confirm.getByRole('button', { name: '変更する' }));
    await botMessage('受取館を変更しました').waitFor();

    // 一時停止 on the same hold: the dates as quick replies.
    await chat().type('ご利用状況');
    const again = botMessage('待ち目安');
    await again.waitFor();
    await tap(again.locator('.bubble', { hasText: '待ち目安' }).first().getByRole('button', { name: '一時停止' }));
    await botMessage('一時停止するか').waitFor();
    await shot('holds-suspend-choices.png');
    await tap(chat().quickReply('まで停止').first());
    const set = botMessage('一時停止しますか');
    await tap(set.getByRole('button', { name: '設定する' }));
    await botMessage('一時停止しました').waitFor();

    // まとめて延長: each loan with its new due date or the reason.
    await chat().type('まとめて延長');
    const all = botMessage(/まとめて延長しますか|いま延長できる資料はありません/);
    await all.waitFor();
    await all.scrollIntoViewIfNeeded();
    await shot('holds-renew-all.png');
    expect(problems).toEqual([]);
  });
});
