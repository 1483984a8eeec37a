import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { catalogByKind } from '../../src/seed/demo/index.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { onPostgres } from '../helpers/database.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 24: what patrons of a Japanese library type, over the demo catalog.
const TARO = '2000000001';
let next = 300;
const guest = () => h.user(next++);
const quick = (r: Reply[]) => r.flatMap((x) => x.quickReplies ?? []);
const quickTexts = (r: Reply[]) => quick(r).map((a) => (a.kind === 'message' ? a.text : a.label));
const cardTitles = (r: Reply[]) => r.flatMap((x) => (x.kind === 'titles' ? x.cards.map((c) => c.title) : [])).sort();

describe(`sentences around the words of a search (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each([
    ['ぐりとぐらの本ありますか', 'ぐりとぐら'],
    ['ぐりとぐらの本はありますか？', 'ぐりとぐら'],
    ['はらぺこあおむしを探しています', 'はらぺこあおむし'],
    ['はらぺこあおむしってある？', 'はらぺこあおむし'],
    ['「ねないこだれだ」はありますか', 'ねないこだれだ'],
    ['ももたろうという紙芝居はありますか', 'ももたろう 紙芝居'],
  ])('%s is searched as 「%s」', async (sentence, words) => {
    const r = await h.say(guest(), sentence);
    expect(wordsOf(r)).toContain(`「${words}」の検索結果：`);
    expect(cardTitles(r).length).toBeGreaterThan(0);
  });

  it('a title that is itself an ending (さがしています) is searched as typed', async () => {
    expect(wordsOf(await h.say(guest(), 'さがしています'))).toContain('「さがしています」に当てはまる資料は');
  });

  it('〜を予約したい, logged out: the one title found, then the login that the reservation needs', async () => {
    const r = await h.say(guest(), 'はらぺこあおむしを予約したい');
    expect(wordsOf(r)).toContain('「はらぺこあおむし」の検索結果：1件');
    expect(buttonData(r, 'ログイン')).toMatch(/linkToken=/);
  });

  it('〜を予約したいです, logged in: the one title found, and its reservation asks for the pickup branch', async () => {
    const u = guest();
    await h.login(u, TARO, 'k7Tm2qX9');
    const r = await h.say(u, 'はらぺこあおむしを予約したいです');
    expect(wordsOf(r)).toContain('「はらぺこあおむし」の検索結果：1件');
    expect(wordsOf(r)).toContain('『はらぺこあおむし』を予約します。');
    expect(wordsOf(r)).toContain('受取館を選んでください');
    // The flow is open: a branch typed now is its answer.
    expect(wordsOf(await h.say(u, '本館'))).toContain('連絡方法を選んでください');
    await h.say(u, 'やめる');
  });

  it('〜を予約したい with several titles: the results, and which button reserves', async () => {
    const r = await h.say(guest(), 'ぐりとぐらを予約したい');
    expect(wordsOf(r)).toMatch(/「ぐりとぐら」の検索結果：[2-9]件/);
    expect(wordsOf(r)).toContain('予約する資料の「予約申込」を押してください。');
  });

  it('〜を予約したい for a title that cannot be reserved (a DVD) says why', async () => {
    const dvd = catalogByKind.audiovisual.find((t) => t.materialType === 'dvd')!;
    const r = await h.say(guest(), `${dvd.title}を予約したい`);
    expect(wordsOf(r)).toContain('この資料は予約できません。');
  });
});

describe('「もしかして」: a search that finds nothing offers close titles', () => {
  // Ten realistic typos of titles in the demo catalog: a wrong kana, a dakuten, a kanji of the same
  // sound, hiragana for a kanji.
  it.each([
    ['ぐりとぐろ', 'ぐりとぐら'],
    ['はらぺこあおむじ', 'はらぺこあおむし'],
    ['ぐるんばのようちえん', 'ぐるんぱのようちえん'],
    ['ねないこだれた', 'ねないこだれだ'],
    ['からずのパンやさん', 'からすのパンやさん'],
    ['としょかんライオソ', 'としょかんライオン'],
    ['我輩は猫である', '吾輩は猫である'],
    ['銀河鉄道のよる', '銀河鉄道の夜'],
    ['容疑者Xの献心', '容疑者Xの献身'],
    ['はてしない物話', 'はてしない物語'],
  ])('%s → %s, never called found; its button finds it', async (typo, title) => {
    const u = guest();
    const r = await h.say(u, typo);
    const words = wordsOf(r);
    expect(words).toContain(`「${typo}」に当てはまる資料は見つかりませんでした`);
    expect(words).not.toContain('の検索結果');
    expect(words).toContain('もしかして');
    expect(words).toContain(`『${title}』`);
    const offered = quick(r).filter((a) => a.kind === 'message' && a.text.startsWith('書名:'));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(3);
    const tap = offered.find((a) => a.label === title);
    expect(tap).toBeDefined();
    const found = await h.say(u, (tap as { text: string }).text);
    expect(cardTitles(found)).toContain(title);
  });

  it('words close to no title get no suggestion', async () => {
    const r = await h.say(guest(), 'ぜったいにない書名ですよ');
    expect(wordsOf(r)).not.toContain('もしかして');
  });
});

describe('material words and the YA shelf', () => {
  it('R-SRCH-3: the search guide has a YA button, and it lists the young-adult titles, each marked YA', async () => {
    const u = guest();
    const guide = await h.say(u, '蔵書検索');
    const ya = quick(guide).find((a) => a.label === 'YA（中高生向け）');
    expect(ya).toMatchObject({ kind: 'message', text: 'YA' });
    const r = await h.say(u, 'YA');
    const count = catalogByKind.youngAdult.length;
    expect(wordsOf(r)).toContain(`「YA」の検索結果：${count}件`);
    const cards = r.flatMap((x) => (x.kind === 'titles' ? x.cards : []));
    expect(cards.length).toBe(Math.min(10, count));
    for (const c of cards) expect(c.marks).toContain('YA');
  });

  it('大活字本 lists the large-print editions, marked as such', async () => {
    const r = await h.say(guest(), '大活字本');
    expect(wordsOf(r)).toContain(`「大活字本」の検索結果：${catalogByKind.largePrint.length}件`);
    for (const c of r.flatMap((x) => (x.kind === 'titles' ? x.cards : []))) expect(c.marks).toContain('大活字本');
  });

  it('an ISBN with hyphens finds its title', async () => {
    const r = await h.say(guest(), '978-4-8340-3686-2');
    expect(cardTitles(r)).toEqual(['ぐりとぐら']);
  });
});
