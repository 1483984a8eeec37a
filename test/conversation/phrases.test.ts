import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchIntent } from '../../src/conversation/intents.js';
import type { Reply } from '../../src/conversation/reply.js';
import { formatDateJa } from '../../src/messages/ja/index.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 23, item 3: everyday phrases (予約, 延長したい, 返却日は？, 開館時間, パスワードを忘れた,
// ありがとう, ログインできない) were searched as titles and answered 「見つかりませんでした」.
const TARO = '2000000001';
let next = 100;
const guest = () => h.user(next++);
const quickTexts = (r: Reply[]) =>
  r.flatMap((x) => x.quickReplies ?? []).map((a) => (a.kind === 'message' ? a.text : a.label));

function notSearched(r: Reply[]) {
  const words = wordsOf(r);
  expect(words).not.toContain('見つかりませんでした');
  expect(words).not.toContain('の検索結果');
}

describe('phrases that name a service', () => {
  it.each(['予約', '予約したい', '予約の仕方', '予約できますか？'])(
    '%s: how to reserve, and that login is needed',
    async (p) => {
      const r = await h.say(guest(), p);
      notSearched(r);
      expect(wordsOf(r)).toContain('LINEでの予約のしかた');
      expect(wordsOf(r)).toContain('「予約申込」を押します');
      expect(wordsOf(r)).toContain('ログインが必要です');
      expect(quickTexts(r)).toContain('ログイン');
    },
  );

  it.each(['延長したい', '延長', '延長してください'])(
    '%s, logged out: the login button, and where 延長する is',
    async (p) => {
      const r = await h.say(guest(), p);
      notSearched(r);
      expect(wordsOf(r)).toContain('貸出期間の延長は「ご利用状況」の貸出中の資料から行います');
      expect(buttonData(r, 'ログイン')).toMatch(/\/login\?linkToken=/);
    },
  );

  it('R-LOAN-2: 延長したい, logged in: ご利用状況 with 延長する, and how renewal works', async () => {
    const u = guest();
    await h.login(u, TARO, 'k7Tm2qX9');
    const r = await h.say(u, '延長したい');
    notSearched(r);
    expect(wordsOf(r)).toContain('「延長する」から行います');
    expect(wordsOf(r)).toContain('さんのご利用状況');
    expect(buttonData(r, '延長する')).toMatch(/^renew\|confirm\|/);
  });

  it.each(['返却日は？', '返却日', 'いつまで', 'いつまでですか'])(
    'R-LOAN-1: %s — overdue loans, the next due date, then every loan',
    async (p) => {
      const u = guest();
      await h.login(u, TARO, 'k7Tm2qX9');
      const r = await h.say(u, p);
      notSearched(r);
      const due = (await patronOverview(h.db, TARO))!.loans.map((l) => l.dueDate);
      const coming = due.filter((d) => d >= '2026-12-01').sort();
      const sameDay = coming.filter((d) => d === coming[0]).length;
      expect(wordsOf(r)).toContain('返却予定日を過ぎている資料が1冊あります');
      const others = sameDay > 1 ? `ほか${sameDay - 1}冊` : '';
      expect(wordsOf(r)).toMatch(new RegExp(`次の返却予定日は${formatDateJa(coming[0]!)}です（『[^』]+』${others}）`));
      expect(wordsOf(r)).toContain('さんのご利用状況');
    },
  );

  it.each(['取消したい', 'キャンセルしたい', '予約を取り消したい'])(
    'R-CAN-1: %s — the holds with 取消する',
    async (p) => {
      const u = guest();
      await h.login(u, TARO, 'k7Tm2qX9');
      const r = await h.say(u, p);
      notSearched(r);
      expect(wordsOf(r)).toContain('予約の取消は、下の予約中の資料の「取消する」から行います');
      expect(buttonData(r, '取消する')).toMatch(/^cancel\|confirm\|/);
    },
  );

  it('キャンセル alone still stops what is in progress', async () => {
    expect(wordsOf(await h.say(guest(), 'キャンセル'))).toContain('操作をやめました');
  });

  it.each(['開館時間', '休館日', '何時まで？'])('%s: today, the closing days and every branch phone', async (p) => {
    const r = await h.say(guest(), p);
    notSearched(r);
    const words = wordsOf(r);
    expect(words).toContain('本日2026年12月1日（火）は、全館開館しています。');
    expect(words).toContain(here.closingDaysLine); // 休館日：毎週月曜日、12月29日〜1月3日 under Kamagaya
    for (const line of here.branchPhoneLines) expect(words).toContain(line); // 本館　047-445-1010 …
    expect(words).toContain('開館時間と休館日のカレンダー');
  });

  it('休館日 on a Monday: closed today, and the next opening day', async () => {
    const was = h.now;
    h.now = new Date('2026-12-07T10:00:00+09:00');
    try {
      const words = wordsOf(await h.say(guest(), '今日は休み？'));
      expect(words).toContain('本日2026年12月7日（月）は、全館休館日です。次の開館日は2026年12月8日（火）です。');
    } finally {
      h.now = was;
    }
  });

  it.each(['パスワードを忘れた', 'パスワードがわからない', 'パスワード忘れました'])(
    'R-PW-4: %s — reissued at a counter with card and ID',
    async (p) => {
      const r = await h.say(guest(), p);
      notSearched(r);
      const words = wordsOf(r);
      expect(words).toContain('再発行もできません');
      expect(words).toContain('本館または分館のカウンター');
      expect(words).toContain('本人確認書類');
      expect(words).toContain(`新しい初期パスワード（英数字${here.initialPasswordLength}桁）`);
    },
  );

  it('ログインできない: what to check, the lockout, the counter', async () => {
    const r = await h.say(guest(), 'ログインできない');
    notSearched(r);
    const words = wordsOf(r);
    expect(words).toContain('ログインできないときは、次をお確かめください');
    expect(words).toContain('10回続けて間違えると、30分間ログインできなくなります');
    expect(words).toContain('カウンター');
    expect(quickTexts(r)).toContain('ログイン');
  });

  it.each(['ありがとう', 'ありがとうございます', 'ありがとうございました！'])(
    '%s: a courteous reply with the menu',
    async (p) => {
      const r = await h.say(guest(), p);
      notSearched(r);
      expect(wordsOf(r)).toContain('どういたしまして');
      expect(quickTexts(r)).toEqual(expect.arrayContaining(['蔵書検索', 'ご利用状況', 'ヘルプ']));
    },
  );

  it('the menu follows the login state: no ログイン chip once logged in', async () => {
    const u = guest();
    await h.login(u, TARO, 'k7Tm2qX9');
    expect(quickTexts(await h.say(u, 'ありがとう'))).not.toContain('ログイン');
  });

  it('こんにちは: a greeting that says what to send', async () => {
    const r = await h.say(guest(), 'こんにちは');
    notSearched(r);
    expect(wordsOf(r)).toContain('書名・著者名などを送ると蔵書を検索します');
  });

  it('a phrase answer offers to search the same words as a title', async () => {
    const u = guest();
    const r = await h.say(u, 'ありがとう！');
    expect(quickTexts(r)).toContain('書名:ありがとう');
    expect(wordsOf(await h.say(u, '書名:ありがとう'))).toContain(
      '「書名:ありがとう」に当てはまる資料は見つかりませんでした',
    );
  });

  it('a keyword with an ending is the keyword: ログインしたい, パスワードを変更したい', async () => {
    expect(buttonData(await h.say(guest(), 'ログインしたい'), 'ログイン')).toMatch(/\/login\?linkToken=/);
    expect(buttonData(await h.say(guest(), 'パスワードを変更したい'), 'パスワード変更')).toMatch(/\/password$/);
  });
});

describe('phrases are whole messages, not words inside titles', () => {
  it('a title containing a phrase is still searched', async () => {
    expect(wordsOf(await h.say(guest(), '予約の世界史'))).toContain('「予約の世界史」に当てはまる資料');
    // Searched, as 「ありがとう」: の本 around the words is left out of a search (issue 24).
    expect(wordsOf(await h.say(guest(), 'ありがとうの本'))).toMatch(/「ありがとう」(の検索結果|に当てはまる資料)/);
    const cat = await h.say(guest(), '吾輩は猫である');
    expect(wordsOf(cat)).toMatch(/「吾輩は猫である」の検索結果：\d+件/);
  });

  it('matching: NFKC, kana, trailing marks and polite endings; never a part of longer words', () => {
    expect(matchIntent('予約したいです')).toBe('reserveHow');
    expect(matchIntent('さんきゅー')).toBe('thanks');
    expect(matchIntent('　返却日は？')).toBe('dueDates');
    expect(matchIntent('取り消したいです。')).toBe('cancelHold');
    expect(matchIntent('ﾊﾟｽﾜｰﾄﾞを忘れた')).toBe('passwordForgotten');
    expect(matchIntent('Thank you!')).toBe('thanks');
    expect(matchIntent('予約の世界史')).toBeUndefined();
    expect(matchIntent('延長戦')).toBeUndefined();
    expect(matchIntent('キャンセル')).toBeUndefined();
  });

  it('while a reservation waits for its branch, a phrase is its typed words: the reservation stays open', async () => {
    const u = guest();
    await h.login(u, '2000000003', 'Sk4r8Tz2');
    const found = await h.say(u, '吾輩は猫である');
    await h.tap(u, buttonData(found, '予約申込')!);
    const r = await h.say(u, 'ありがとう');
    expect(wordsOf(r)).toContain('『吾輩は猫である』の予約の途中です。受取館を選んでください。');
    expect(wordsOf(await h.say(u, here.pickup(0).name))).toContain('連絡方法を選んでください');
  });
});

describe('a search that finds nothing says what to try', () => {
  it('fewer words, other words, a field (書名:/著者:), and the menu', async () => {
    const r = await h.say(guest(), 'ぜったいにない書名ですよ');
    const words = wordsOf(r);
    expect(words).toContain('見つかりませんでした。次のようにお試しください。');
    expect(words).toContain('言葉を減らす');
    expect(words).toContain('「書名:〇〇」「著者:〇〇」');
    expect(quickTexts(r)).toEqual(expect.arrayContaining(['蔵書検索', 'ヘルプ']));
  });

  it('R-SRCH-2: 紙芝居 as a word narrows to the kamishibai instead of being looked for in titles', async () => {
    const r = await h.say(guest(), 'ももたろう 紙芝居');
    expect(wordsOf(r)).toMatch(/「ももたろう 紙芝居」の検索結果：1件/);
    expect((r[1] as { cards: { marks: string[] }[] }).cards[0]!.marks).toContain('紙芝居');
    expect(wordsOf(await h.say(guest(), '紙芝居'))).toMatch(/「紙芝居」の検索結果：20件/);
  });

  it('R-SRCH-1: a material word (DVD) with words no DVD has finds nothing, and says what to try', async () => {
    const r = await h.say(guest(), 'ぜったいにない DVD');
    expect(wordsOf(r)).toContain('「ぜったいにない DVD」に当てはまる資料は見つかりませんでした');
    expect(wordsOf(r)).not.toContain('もしかして');
  });
});
