import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { DEV_CHAT_USERS } from '../../src/devchat/users.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { noticeReply } from '../../src/notices/cards.js';
import { buttonData, chatHarness, type ChatHarness } from '../helpers/chat.js';
import { CHROMIUM, launchChromium, phone, screenshotDir } from '../helpers/screenshots.js';
import { devChatServer, type DevChatServer } from './server.js';

/**
 * Every kind of Flex message the bot sends, drawn by the chat page at a small phone's width
 * (360 px): no label of a key/value row may wrap onto a second line or be cut off, and a card's
 * heading breaks only where its words put a line break. The messages are the bot's own: the
 * conversation over the demo library (search, a title's copies, ご利用状況, confirmations) and the
 * notice cards of the pushes, turned into LINE JSON by line/outbound.ts and shown in the talk as the
 * stand-in shows anything the bot sends. Screenshots: docs/screenshots/flex-*.png.
 */
const SHOTS = screenshotDir();
const TALK_USER = DEV_CHAT_USERS[0]!.lineUserId;
/** Which list a card of ご利用状況 belongs to, and where in it. */
const STATUS_HEADING = /^(貸出中の資料|予約中の資料) \d+\/\d+$/;

interface Group {
  name: string;
  via: 'reply' | 'push';
  replies: Reply[];
  /** Each card's first text is a heading (a push's, or the kind of card in ご利用状況). */
  headings?: RegExp;
}

/** Each group becomes one entry of the talk; its name is the screenshot's. */
async function botMessages(h: ChatHarness): Promise<Group[]> {
  const taro = h.user(1);
  const kenichi = h.user(3);
  await h.login(taro, '2000000001', 'k7Tm2qX9');
  await h.login(kenichi, '2000000003', 'Sk4r8Tz2');
  const search = await h.say(taro, '猫');
  const detail = await h.tap(taro, buttonData(search, '詳細を見る')!);
  const reference = await h.tap(taro, buttonData(await h.say(taro, '広辞苑'), '詳細を見る')!);
  const magazine = await h.tap(taro, buttonData(await h.say(taro, 'きょうの料理'), '詳細を見る')!);
  const kamishibai = await h.say(taro, '資料種別:紙芝居');
  // 読みたいリスト (issue 26): three titles saved, the list with availability and its buttons.
  for (const words of ['吾輩は猫である', 'ノルウェイの森 上', 'こころ'])
    await h.tap(taro, buttonData(await h.say(taro, words), '読みたい')!);
  const wishList = await h.say(taro, '読みたいリスト');
  const status = await h.say(taro, 'ご利用状況');
  const renew = await h.tap(taro, buttonData(status, '延長する')!);
  const holds = await h.say(kenichi, 'ご利用状況');
  const branchName = (code: string) =>
    ({ honkan: '本館', tobu: '東部分館', 'higashi-hatsutomi': '東初富分館' })[code] ?? '';
  const title = '世界の中心で、愛をさけぶ';
  const notice = (kind: string, payload: Record<string, unknown>) =>
    noticeReply({ kind, loanId: '1', payload: { title, ...payload } }, branchName)!;
  const pushes: Reply[] = [
    notice('hold_ready', { pickupBranch: 'higashi-hatsutomi', pickupDeadline: '2026-12-18' }),
    notice('pickup_reminder', { pickupBranch: 'tobu', pickupDeadline: '2026-12-18' }),
    notice('hold_expired', { pickupBranch: 'honkan' }),
    notice('due_reminder', { dueDate: '2026-12-10', renewable: true }),
    notice('due_reminder', { dueDate: '2026-12-10', renewable: false, refusal: { code: 'NOT_RENEWABLE_AV' } }),
    notice('loan_reserved', { dueDate: '2026-12-10' }),
  ];
  return [
    { name: 'flex-search.png', via: 'reply', replies: [...search, ...kamishibai] },
    { name: 'flex-detail.png', via: 'reply', replies: [...detail, ...reference, ...magazine] },
    { name: 'flex-status.png', via: 'reply', replies: status, headings: STATUS_HEADING },
    { name: 'flex-holds.png', via: 'reply', replies: holds, headings: STATUS_HEADING },
    { name: 'flex-confirm.png', via: 'reply', replies: renew },
    { name: 'flex-notices.png', via: 'push', replies: pushes, headings: /./ },
    { name: 'flex-wishlist.png', via: 'reply', replies: wishList, headings: /^読みたいリスト \d+\/\d+$/ },
    {
      name: 'flex-offers.png',
      via: 'push',
      replies: [
        notice('wish_offer', { bibId: '12', onShelfAt: 'honkan' }),
        notice('series_offer', { bibId: '13', title: 'ノルウェイの森 下', previousTitle: 'ノルウェイの森 上' }),
      ],
      headings: /./,
    },
  ];
}

/**
 * What the page draws wrongly in the bot's rows from index `from` on, as "problem 「text」" lines.
 * In a row (a horizontal or baseline box) of two cells or more, the first cell's text is a label;
 * the last of three is a copy's state; a text sized to its words (flex 0: a mark, a state) is one
 * too. Each must be on one line, not cut off, and a label must say something. With `headings`,
 * each bubble's first text is a heading, which may break only at its own line breaks. Lines are
 * counted from the client rects of the text's contents: one per line box.
 */
const layoutProblems = (from: number, headings: boolean) => `((from, headings) => {
  const problems = [];
  const lines = (e) => {
    const r = document.createRange();
    r.selectNodeContents(e);
    const tops = new Set();
    for (const rect of r.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    return tops.size;
  };
  const check = (e, what, allowed) => {
    const t = e.textContent;
    if (e.scrollWidth > e.clientWidth + 1) problems.push(what + ' 「' + t + '」 is cut off');
    const n = lines(e);
    if (n > allowed) problems.push(what + ' 「' + t + '」 wraps onto ' + n + ' lines');
  };
  const textOf = (cell) => (cell.classList.contains('fx-text') ? cell : cell.querySelector('.fx-text'));
  const rows = [...document.querySelectorAll('#talk .row.bot')].slice(from);
  for (const bubble of rows.flatMap((r) => [...r.querySelectorAll('.bubble')])) {
    for (const row of bubble.querySelectorAll('.box.horizontal, .box.baseline')) {
      const cells = [...row.children].filter((c) => textOf(c));
      if (cells.length >= 2) {
        const label = textOf(cells[0]);
        if (/^[\\s—]*$/.test(label.textContent)) problems.push('a row has no label: 「' + label.textContent + '」');
        check(label, 'label', 1);
      }
      if (cells.length >= 3) check(textOf(cells[cells.length - 1]), 'state', 1);
      for (const t of row.children) {
        if (t.classList.contains('fx-text') && t.style.flexGrow === '0') check(t, 'mark', 1);
      }
    }
    const first = bubble.querySelector('.sec.body .fx-text');
    if (headings && first) check(first, 'heading', first.textContent.split('\\n').length);
  }
  return [...new Set(problems)];
})(${from}, ${headings})`;

/** The first text of each bubble in the bot's rows from index `from` on. */
const firstTexts = (from: number) =>
  `[...document.querySelectorAll('#talk .row.bot')].slice(${from})
    .flatMap((r) => [...r.querySelectorAll('.bubble')])
    .map((b) => b.querySelector('.sec.body .fx-text')?.textContent ?? '')`;

describe.skipIf(!existsSync(CHROMIUM))('Flex messages at 360 px in the chat page', () => {
  let h: ChatHarness;
  let s: DevChatServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [h, s] = await Promise.all([chatHarness(), devChatServer({ env: { SEED: 'none' } })]);
    browser = await launchChromium();
    const context = await browser.newContext(phone(360, 740));
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await h?.close();
  });

  it('no label wraps or is cut off, and headings break only where they say', async () => {
    s.allowLoopback();
    const groups = await botMessages(h);
    await page.goto(`${s.base}/?user=${TALK_USER}`);
    await page.waitForSelector('body[data-ready=true]');
    const rows = page.locator('#talk .row.bot');
    const found: string[] = [];
    for (const g of groups) {
      const from = await rows.count();
      const messages = toLineMessages(g.replies.slice(0, 5));
      s.rt.devChat!.channel.transcript.add({ kind: 'bot', user: TALK_USER, messages, via: g.via });
      await expect.poll(() => rows.count()).toBe(from + messages.length);
      const problems = (await page.evaluate(layoutProblems(from, g.headings !== undefined))) as string[];
      found.push(...problems.map((p) => `${g.name}: ${p}`));
      if (g.headings) {
        const headings = (await page.evaluate(firstTexts(from))) as string[];
        found.push(...headings.filter((t) => !g.headings!.test(t)).map((t) => `${g.name}: no heading, 「${t}」`));
      }
      // The whole group in one picture: the page as tall as the group's rows and the page's bars.
      const height = (await page.evaluate(
        `(() => { const rows = [...document.querySelectorAll('#talk .row.bot')].slice(${from});
          const talk = document.getElementById('talk');
          return rows[rows.length - 1].getBoundingClientRect().bottom - rows[0].getBoundingClientRect().top
            + innerHeight - talk.clientHeight + 24; })()`,
      )) as number;
      await page.setViewportSize({ width: 360, height: Math.ceil(Math.min(Math.max(height, 740), 4000)) });
      await page.evaluate(`document.querySelectorAll('#talk .row.bot')[${from}].scrollIntoView({ block: 'start' })`);
      await page.screenshot({ path: join(SHOTS, g.name) });
      await page.setViewportSize({ width: 360, height: 740 });
    }
    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
