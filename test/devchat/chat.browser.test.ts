import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patronChat } from '../../src/messages/ja/index.js';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { chatPage, logInOnPage, phoneTab } from './chat-page.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * A new user's first minutes, in Debian's Chromium at a phone's width: the chat page of `npm start`
 * without a LINE channel. Search, a title's detail, reserve → log in on the page the chat opens →
 * finish the reservation, see it 依頼中, renew a loan, cancel a hold, and the next morning's jobs
 * push the notice that the reserved copy is ready. Screenshots go to docs/screenshots/chat-*.png.
 */
const SHOTS = screenshotDir();
const TITLE = '吾輩は猫である';

describe.skipIf(!existsSync(CHROMIUM))('the dev chat page in Chromium (390 px wide)', () => {
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
  const say = (text: string) => chat().type(text);
  const quickReply = (label: string) => chat().quickReply(label);

  it('a whole visit: search, detail, login, reserve, status, renew, cancel, and the notice', async () => {
    await page.goto(`${s.base}/`);
    await page.waitForSelector('body[data-ready=true]');
    // The first open is LINE's follow: the greeting, with quick replies above the input.
    await botMessage('友だち追加ありがとうございます').waitFor();
    await quickReply('蔵書検索').waitFor();
    expect(await page.locator('#user option').first().textContent()).toBe('鎌ケ谷 太郎 (2000000001 / k7Tm2qX9)');

    // Search: the patron's bubble on the right, the bot's carousel of titles on the left, and the
    // typing indicator in between (counted by an observer: it may show for a few milliseconds only).
    await page.evaluate(
      'window.typingSeen = 0; ' +
        "new MutationObserver(() => { if (document.querySelector('#talk .typing')) window.typingSeen++; })\n" +
        "      .observe(document.getElementById('talk'), { childList: true, subtree: true });",
    );
    await say('猫');
    await page.locator('#talk .row.patron', { hasText: '猫' }).waitFor();
    const results = botMessage(TITLE);
    await results.waitFor();
    await expect(results.locator('.carousel > .bubble').count()).resolves.toBeGreaterThan(3);
    expect(Number(await page.evaluate('window.typingSeen'))).toBeGreaterThan(0);
    await expect(page.locator('#talk .typing').count()).resolves.toBe(0);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await shot('chat-search.png');

    // Detail: the title's copies by branch, with 予約申込.
    await tap(results.locator('.bubble', { hasText: TITLE }).getByRole('button', { name: '詳細を見る' }));
    const detail = page.locator('#talk .bubble.mega', { hasText: '東部分館' }).last();
    await detail.waitFor();
    await detail.scrollIntoViewIfNeeded();
    await shot('chat-detail.png');

    // Reserve without a login: the bot answers with ログイン, which opens the login page in a new tab.
    await tap(detail.getByRole('button', { name: '予約申込' }));
    const loginButton = botMessage(patronChat.loginNeeded.slice(0, 12)).getByRole('button', { name: 'ログイン' });
    await loginButton.waitFor();
    const [login] = await Promise.all([context.waitForEvent('page'), tap(loginButton)]);
    await expect(logInOnPage(login, '2000000001', 'k7Tm2qX9')).resolves.toEqual({
      path: '/login',
      heading: 'ログインしました。チャットに戻ってください',
    });

    // Back in the chat: logged in, the logged-in rich menu (ログアウト), and the reservation offered again.
    await botMessage('ログインしました').waitFor();
    await page.locator('#chatBar').click();
    await page.locator('#richMenu[data-alias=logged-in]').waitFor();
    await expect(page.locator('#richMenuAreas button[aria-label=ログアウト]').count()).resolves.toBe(1);
    const again = botMessage(patronChat.continueReservation(TITLE));
    await again.waitFor();
    await again.scrollIntoViewIfNeeded();
    await shot('chat-login.png');
    await page.locator('#chatBar').click(); // the menu folds away again

    // Finish the reservation: branch and contact as quick replies, then 送信.
    await tap(again.getByRole('button', { name: '予約申込' }));
    await tap(quickReply('東部分館'));
    await tap(quickReply('LINE'));
    const confirm = botMessage('予約確認');
    await tap(confirm.getByRole('button', { name: '送信' }));
    await botMessage('予約受付').waitFor();
    await shot('chat-reserve.png');

    // ご利用状況 from the rich menu: the new hold is 依頼中.
    await page.locator('#chatBar').click();
    await page.locator('#richMenuAreas button[aria-label=ご利用状況]').click();
    await page.locator('#chatBar').click();
    const holds = botMessage('依頼中');
    await holds.waitFor();
    await expect(holds.locator('.bubble', { hasText: TITLE }).textContent()).resolves.toContain('東部分館');
    await holds.locator('.bubble', { hasText: TITLE }).scrollIntoViewIfNeeded();
    await shot('chat-status.png');

    // Renew the first loan that offers 延長する, and confirm.
    const loans = botMessage('返却予定日');
    await tap(loans.getByRole('button', { name: '延長する' }).first());
    await tap(botMessage('延長しますか').getByRole('button', { name: '延長する' }));
    await botMessage('延長しました').waitFor();

    // Cancel the older hold (架空犯), and confirm.
    await tap(holds.locator('.bubble', { hasText: '架空犯' }).getByRole('button', { name: '取消する' }));
    await tap(botMessage('取り消しますか').getByRole('button', { name: '取消する' }));
    await botMessage(patronChat.cancelDone).waitFor();

    // The next opening morning: 依頼中 becomes official, the 東部分館 copy is kept for the patron,
    // and "run jobs now" pushes the notice, as LINE would on the phone.
    s.travelTo(await s.nextOpeningMorning('tobu'));
    await page.locator('#runJobs').click();
    const notice = page
      .locator('#talk .row.bot', { has: page.locator('.via', { hasText: 'プッシュ' }) })
      .filter({ hasText: TITLE })
      .last();
    await notice.waitFor();
    await page.locator('#devStatus', { hasText: /予約確定 [1-9]\d*件/ }).waitFor();
    await notice.scrollIntoViewIfNeeded();
    await shot('chat-notice.png');
    expect(problems).toEqual([]);
  }, 120_000);

  it('the user switcher keeps each LINE user’s own talk', async () => {
    await page.locator('#user').selectOption({ label: '伊藤 誠 (2000000007 / Nr5b7Gk3)' });
    await botMessage('友だち追加ありがとうございます').waitFor();
    await expect(page.locator('#talk').textContent()).resolves.not.toContain(TITLE);
    await expect(page.locator('#richMenu').getAttribute('data-alias')).resolves.toBe('logged-out');
    await page.locator('#user').selectOption({ index: 0 });
    await botMessage(TITLE).waitFor();
    await expect(page.locator('#richMenu').getAttribute('data-alias')).resolves.toBe('logged-in');
    expect(problems).toEqual([]);
  });
});
