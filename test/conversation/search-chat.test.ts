import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const U = () => h.user(1);

describe('searching the catalog in the chat (anyone, no login)', () => {
  it('R-ELIG-1: a follower who never logged in gets a greeting and can search', async () => {
    const hello = await h.send(U(), { kind: 'follow' });
    expect(wordsOf(hello)).toContain('蔵書検索はどなたでもご利用いただけます');
    const r = await h.say(U(), '猫');
    expect(r[0]).toMatchObject({ kind: 'text' });
    expect(wordsOf(r)).toMatch(/「猫」の検索結果：\d+件/);
    expect(r[1]).toMatchObject({ kind: 'titles' });
    expect(wordsOf(r)).toContain('吾輩は猫である');
  });

  it('R-SRCH-4: each result shows 貸出：○ or 貸出：×, and a title with all copies out shows ×', async () => {
    const r = await h.say(U(), '街とその不確かな壁');
    const cards = (r[1] as { cards: { title: string; availability: string }[] }).cards;
    expect(cards.find((c) => c.title === '街とその不確かな壁')?.availability).toBe('貸出：×');
    const open = await h.say(U(), '吾輩は猫である');
    expect((open[1] as { cards: { availability: string }[] }).cards[0]!.availability).toBe('貸出：○');
  });

  it('R-SRCH-2: 分類:C finds kamishibai, marked 紙芝居, with P call numbers', async () => {
    const r = await h.say(U(), '分類:C');
    const cards = (r[1] as { cards: { marks: string[]; lines: string[] }[] }).cards;
    expect(cards.length).toBe(10);
    for (const c of cards) {
      expect(c.marks).toContain('紙芝居');
      expect(c.lines.join(' ')).toMatch(/請求記号 P/);
    }
    expect(wordsOf(r)).toContain('次の10件');
  });

  it('R-SRCH-1: 次の10件 pages through the results, even from an old list', async () => {
    const first = await h.say(U(), '分類:C');
    const next = buttonData(first, '次の10件')!;
    await h.say(U(), '猫');
    const second = await h.tap(U(), next);
    expect(wordsOf(second)).toContain('（11〜20件目）');
    expect((second[1] as { cards: unknown[] }).cards.length).toBe(10);
  });

  it('R-SRCH-3: YA material is marked YA', async () => {
    const r = await h.say(U(), '13歳のハローワーク');
    expect((r[1] as { cards: { marks: string[] }[] }).cards[0]!.marks).toContain('YA');
  });

  it('no hits: says so and suggests fewer or other words', async () => {
    const r = await h.say(U(), 'ぜったいにない書名ですよ');
    expect(wordsOf(r)).toContain('見つかりませんでした');
    expect(wordsOf(r)).toContain('言葉を減らす');
  });

  it('1-character, 50-character, emoji and half-width katakana queries are answered', async () => {
    expect(wordsOf(await h.say(U(), '猫'))).toContain('件');
    expect(wordsOf(await h.say(U(), 'あ'.repeat(50)))).toContain('見つかりませんでした');
    expect(wordsOf(await h.say(U(), '📚'))).toContain('見つかりませんでした');
    expect(wordsOf(await h.say(U(), 'ﾊﾘｰ･ﾎﾟｯﾀｰ'))).toContain('ハリー・ポッター');
    // By the reading (ヨミ), in hiragana or half-width katakana.
    expect(wordsOf(await h.say(U(), 'わがはいは'))).toContain('吾輩は猫である');
    expect(wordsOf(await h.say(U(), 'ﾜｶﾞﾊｲﾊ'))).toContain('吾輩は猫である');
  });

  it('R-SRCH-5: the detail shows each copy, the number of holds and 予約申込 for a reservable title', async () => {
    const r = await h.say(U(), '吾輩は猫である');
    const detail = await h.tap(U(), buttonData(r, '詳細を見る')!);
    const card = (
      detail[0] as {
        card: { copies: { branch: string; state: string }[]; footer: string[]; actions: { label: string }[] };
      }
    ).card;
    // The demo's copies are at the profile's first two branches (本館 and 東部分館 under Kamagaya).
    expect(card.copies.map((c) => c.branch)).toEqual(
      expect.arrayContaining([here.branch(0).name, here.branch(1).name]),
    );
    expect(card.copies.every((c) => ['貸出可', '貸出中', '取置中', '館内閲覧のみ'].includes(c.state))).toBe(true);
    expect(card.footer.join()).toMatch(/予約件数：\d+件/);
    expect(card.actions.map((a) => a.label)).toEqual(['予約申込', '読みたい']); // 読みたい: issue 26
  });

  it('R-RES-1: a CD detail gives the reason instead of 予約申込', async () => {
    const r = await h.say(U(), '資料種別:CD');
    const detail = await h.tap(U(), buttonData(r, '詳細を見る')!);
    expect(wordsOf(detail)).toContain('視聴覚資料');
    expect(buttonData(detail, '予約申込')).toBeUndefined();
  });

  it('蔵書検索 opens the detailed search; a chosen field takes the next words', async () => {
    const guide = await h.say(U(), '蔵書検索');
    expect(wordsOf(guide)).toContain('書名:');
    const ask = await h.tap(U(), buttonData(guide, '書名で探す')!);
    expect(wordsOf(ask)).toContain('書名を入力してください');
    const r = await h.say(U(), 'こころ');
    expect(wordsOf(r)).toContain('「書名:こころ」の検索結果');
  });

  it('ヘルプ explains what needs a password, the 5-hold cap, the hold shelf, kamishibai and YA', async () => {
    const t = wordsOf(await h.say(U(), 'ヘルプ'));
    const limits = [`${here.holdLimit}冊`, `${here.shelfOpeningDays}開館日`]; // 5冊, 7開館日 under Kamagaya
    for (const w of ['パスワード', ...limits, '分類:C', 'YA']) expect(t).toContain(w);
  });

  it('a tampered or unknown postback is answered politely and does nothing', async () => {
    expect(wordsOf(await h.tap(U(), 'nosuchflow|x|1'))).toContain('時間切れ');
    expect(wordsOf(await h.tap(U(), '!!garbage'))).toContain('時間切れ');
    expect(wordsOf(await h.tap(U(), 'search|detail|99999999'))).toContain('見つかりませんでした');
  });
});
