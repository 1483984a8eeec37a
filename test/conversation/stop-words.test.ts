import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patronChat } from '../../src/messages/ja/index.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 23, leftover of item 1: mid-flow 「やめます」「やめたい」 were searched as titles
// (「やめます」に当てはまる資料は見つかりませんでした) and the reservation went on waiting.
const STOPPED = patronChat.cancelled;
const holds = async (card: string) => (await patronOverview(h.db, card))!.holds.length;

async function atBranchQuestion(user: string) {
  const found = await h.say(user, '吾輩は猫である');
  const ask = await h.tap(user, buttonData(found, '予約申込')!);
  expect(wordsOf(ask)).toContain(patronChat.chooseBranchQuestion);
}

describe('words that mean stop while a question waits', () => {
  it('やめます at the branch question stops the reservation; the next words are a search again', async () => {
    const user = h.user(71);
    await h.login(user, '2000000003', 'Sk4r8Tz2');
    const before = await holds('2000000003');
    await atBranchQuestion(user);
    const r = await h.say(user, 'やめます');
    expect(wordsOf(r)).toContain(STOPPED);
    expect(wordsOf(r)).not.toContain('見つかりませんでした');
    expect(wordsOf(r)).not.toContain('予約の途中です');
    // Nothing waits any more: the branch's name (本館) is not taken as the branch.
    expect(wordsOf(await h.say(user, here.pickup(0).name))).not.toContain(patronChat.chooseContact);
    expect(await holds('2000000003')).toBe(before);
  });

  it('やめたい at the 予約確認 and キャンセルします at the contact question stop; nothing is placed', async () => {
    const user = h.user(72);
    await h.login(user, '2000000003', 'Sk4r8Tz2');
    const before = await holds('2000000003');
    await atBranchQuestion(user);
    await h.say(user, here.pickup(0).name);
    expect(wordsOf(await h.say(user, 'キャンセルします'))).toContain(STOPPED);
    await atBranchQuestion(user);
    await h.say(user, here.pickup(0).name);
    expect(wordsOf(await h.say(user, here.contact.typed))).toContain('予約確認');
    const r = await h.say(user, 'やめたい');
    expect(wordsOf(r)).toContain(STOPPED);
    expect(wordsOf(await h.say(user, 'はい'))).not.toContain('予約受付');
    expect(await holds('2000000003')).toBe(before);
  });

  it('R-LOAN-2: 中止してください at 延長しますか stops; the loan is not renewed', async () => {
    const user = h.user(73);
    await h.login(user, '2000000002', 'hanako2026lib');
    const renewed = async () =>
      (await patronOverview(h.db, '2000000002'))!.loans.filter((l) => l.renewals === 1).length;
    const before = await renewed();
    const ask = await h.tap(user, buttonData(await h.say(user, 'ご利用状況'), '延長する')!);
    expect(wordsOf(ask)).toContain('延長しますか');
    expect(wordsOf(await h.say(user, '中止してください'))).toContain(STOPPED);
    expect(wordsOf(await h.say(user, 'はい'))).not.toContain('延長しました');
    expect(await renewed()).toBe(before);
  });

  it('after 予約受付 nothing is asked: キャンセルしたい is the phrase for cancelling a hold, not a stop', async () => {
    const user = h.user(75);
    await h.login(user, '2000000001', 'k7Tm2qX9');
    await atBranchQuestion(user);
    await h.say(user, here.pickup(0).name);
    await h.say(user, here.contact.typed);
    expect(wordsOf(await h.say(user, '送信'))).toContain('予約受付');
    const r = await h.say(user, 'キャンセルしたい');
    expect(wordsOf(r)).not.toContain(STOPPED);
    expect(buttonData(r, '取消する')).toBeDefined();
  });

  it('with no question waiting, the same words are searched (a title may be just that)', async () => {
    const r = await h.say(h.user(74), 'やめて');
    expect(wordsOf(r)).not.toContain(STOPPED);
    expect(wordsOf(r)).toContain('「やめて」');
  });
});
