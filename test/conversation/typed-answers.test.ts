import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedBranch } from '../../src/conversation/typed-choice.js';
import { patronChat } from '../../src/messages/ja/index.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 23, item 1: at 「受取館を選んでください」 typing 「本館」 was searched as a title and the
// reservation was dropped without a word. A typed answer counts as the tap; other words are
// searched, and told the reservation is still open, with its choices again.
const TARO = '2000000001';
const taro = () => h.user(31);

/**
 * The patron types the contact method: `words` (LINE) where the library offers LINE. Where it
 * offers none (R-RES-6), LINE typed is told so with the methods there are, nothing else happens,
 * and 連絡不要 typed the same way goes on.
 */
async function typedContact(user: string, words: string) {
  if (here.lineContact) return h.say(user, words);
  const told = await h.say(user, words);
  expect(wordsOf(told)).toContain(patronChat.contactNotOffered('LINE'));
  expect(wordsOf(told)).not.toContain('予約確認');
  expect(wordsOf(told)).not.toContain('見つかりませんでした');
  expect(buttonData(told, '連絡不要')).toBeDefined();
  expect(buttonData(told, 'LINE')).toBeUndefined();
  return h.say(user, words.replace('LINE', here.contact.typed));
}

describe('typed answers to a reservation', () => {
  it('R-RES-5: 本館, stray words, LINE, はい — typed instead of tapped, the hold is placed', async () => {
    await h.login(taro(), TARO, 'k7Tm2qX9');
    const found = await h.say(taro(), '吾輩は猫である');
    const branches = await h.tap(taro(), buttonData(found, '予約申込')!);
    expect(wordsOf(branches)).toContain('受取館を選んでください');

    // Words that are not a branch: answered as a search, and the reservation says it is still open
    // with its choices again.
    const stray = await h.say(taro(), 'ねこ');
    expect(wordsOf(stray)).toMatch(/「ねこ」の検索結果：\d+件/);
    expect(wordsOf(stray)).toContain('『吾輩は猫である』の予約の途中です。受取館を選んでください。');
    const branch = here.pickup(0); // 本館 under Kamagaya
    expect(buttonData(stray, branch.name)).toBeDefined();
    expect(JSON.stringify(stray)).toContain('"text":"やめる"');

    const contact = await h.say(taro(), branch.name);
    expect(wordsOf(contact)).toContain('連絡方法を選んでください');
    // E-mail is not offered (no confirmed address), so typing it is not taken either.
    expect(wordsOf(await h.say(taro(), 'メール'))).toContain('予約の途中です');
    const confirm = await typedContact(taro(), 'LINE');
    expect(wordsOf(confirm)).toContain('予約確認');
    expect(wordsOf(confirm)).toContain(`受取館：${branch.name}`);
    const accepted = await h.say(taro(), 'はい');
    expect(wordsOf(accepted)).toContain('予約受付');
    const o = await patronOverview(h.db, TARO);
    const placed = o!.holds.find((x) => x.title === '吾輩は猫である');
    expect(placed).toMatchObject({ pickupBranch: branch.code, contact: here.contact.kind });
    expect(placed!.status === 'requested').toBe(here.holdsWait); // R-RES-3: 依頼中 until the next morning
  });

  it('R-RES-5: a choice typed with the words that follow it: 東部でお願いします, LINEで, はい、お願いします', async () => {
    const branch = here.pickup(1); // 東部分館 under Kamagaya, typed 東部
    const user = h.user(35);
    await h.login(user, TARO, 'k7Tm2qX9');
    const found = await h.say(user, '坊っちゃん');
    await h.tap(user, buttonData(found, '予約申込')!);
    const contact = await h.say(user, `${branch.shortName}でお願いします`);
    expect(wordsOf(contact)).toContain('連絡方法を選んでください');
    expect(wordsOf(contact)).not.toContain('見つかりませんでした');
    const confirm = await typedContact(user, 'LINEで');
    expect(wordsOf(confirm)).toContain('予約確認');
    expect(wordsOf(confirm)).toContain(`受取館：${branch.name}`);
    expect(wordsOf(await h.say(user, 'はい、お願いします'))).toContain('予約受付');
    const o = await patronOverview(h.db, TARO);
    expect(o!.holds.find((x) => x.title === '坊っちゃん')).toMatchObject({
      pickupBranch: branch.code,
      contact: here.contact.kind,
    });
  });

  it('「予約をやめたい」 at a question of the reservation stops it, as やめる does', async () => {
    const user = h.user(36);
    await h.login(user, TARO, 'k7Tm2qX9');
    const found = await h.say(user, 'ぐりとぐら');
    expect(wordsOf(await h.tap(user, buttonData(found, '予約申込')!))).toContain('受取館を選んでください');
    const r = await h.say(user, '予約をやめたい');
    expect(wordsOf(r)).toContain('操作をやめました');
    expect(wordsOf(r)).not.toContain('見つかりませんでした');
  });

  it('a branch is found with or without 館・分館, full- or half-width', () => {
    const offered = [
      { code: 'honkan', name: '本館' },
      { code: 'tobu', name: '東部分館' },
      { code: 'higashi-hatsutomi', name: '東初富分館' },
    ];
    expect(typedBranch('本館', offered)?.code).toBe('honkan');
    expect(typedBranch('東部', offered)?.code).toBe('tobu');
    expect(typedBranch('東部館', offered)?.code).toBe('tobu');
    expect(typedBranch(' 東初富分館 ', offered)?.code).toBe('higashi-hatsutomi');
    expect(typedBranch('本館でお願いします', offered)?.code).toBe('honkan');
    expect(typedBranch('東初富で。', offered)?.code).toBe('higashi-hatsutomi');
    expect(typedBranch('東', offered)).toBeUndefined();
    expect(typedBranch('でお願いします', offered)).toBeUndefined();
    expect(typedBranch('図書館', offered)).toBeUndefined();
  });

  it('いいえ at the 予約確認 ends the reservation and says so; nothing is placed', async () => {
    const user = h.user(32);
    await h.login(user, '2000000003', 'Sk4r8Tz2');
    const before = (await patronOverview(h.db, '2000000003'))!.holds.length;
    const found = await h.say(user, '吾輩は猫である');
    await h.tap(user, buttonData(found, '予約申込')!);
    await h.say(user, here.pickup(1).name);
    // Issue 23, item 11: 連絡不要 says that no notice will come.
    const confirm = await h.say(user, '連絡不要');
    expect(wordsOf(confirm)).toContain('連絡不要のため、ご用意ができてもお知らせしません');
    const no = await h.say(user, 'いいえ');
    expect(wordsOf(no)).not.toContain('予約受付');
    expect((await patronOverview(h.db, '2000000003'))!.holds.length).toBe(before);
  });

  it('R-LOAN-2: at 延長する, stray words keep the question open; はい renews', async () => {
    const user = h.user(33);
    await h.login(user, '2000000002', 'hanako2026lib');
    const status = await h.say(user, 'ご利用状況');
    const renew = buttonData(status, '延長する');
    expect(renew).toBeDefined(); // 架空犯 and others can be renewed in the demo data
    const ask = await h.tap(user, renew!);
    expect(wordsOf(ask)).toContain('延長');
    const stray = await h.say(user, 'ねこ');
    expect(wordsOf(stray)).toContain('「延長する」の確認の途中です');
    expect(buttonData(stray, '延長する')).toBeDefined();
    const before = (await patronOverview(h.db, '2000000002'))!.loans.filter((l) => l.renewals === 1).length;
    const done = await h.say(user, 'はい');
    expect(wordsOf(done)).toContain('延長しました');
    const after = (await patronOverview(h.db, '2000000002'))!.loans.filter((l) => l.renewals === 1).length;
    expect(after).toBe(before + 1);
  });

  it('the login bubble does not begin with an empty line (issue 23, item 10)', async () => {
    const r = await h.say(h.user(34), 'ログイン');
    const bubble = r.find((x) => x.kind === 'buttons') as { text: string } | undefined;
    expect(bubble?.text.startsWith('\n')).toBe(false);
    expect(bubble?.text).toContain('ログイン');
  });
});
