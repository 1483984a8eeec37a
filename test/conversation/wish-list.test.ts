import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPatronByCard } from '../../src/db/patrons.js';
import { noticeReply } from '../../src/notices/cards.js';
import { placeHold } from '../../src/services/holds.js';
import { patronOverview } from '../../src/services/patrons.js';
import { STAFF } from '../helpers/actors.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const TARO = '2000000001';
const SATO = '2000000003';
const MISAKI = '2000000004'; // 5 holds in the demo: Kamagaya's cap
const ITO = '2000000007';
const taro = () => h.user(60);
const sato = () => h.user(61);
const misaki = () => h.user(62);
const ito = () => h.user(63);

const bibIdOf = async (title: string): Promise<string> =>
  (await h.db.selectFrom('bibs').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;

/**
 * Counter holds for the card until it has the profile's hold cap (R-RES-2): none under Kamagaya,
 * whose cap the demo's 5 holds of 鈴木 are; more under a library with a larger cap.
 */
async function holdsUpToTheCap(card: string, except: string): Promise<void> {
  const bibs = await h.db.selectFrom('bibs').select('id').where('id', '!=', except).orderBy('id').execute();
  for (const b of bibs) {
    if ((await patronOverview(h.db, card))!.holds.length >= here.holdLimit) return;
    const pickupBranch = here.pickup(0).code;
    await placeHold(h.db, { cardNumber: card, bibId: b.id, pickupBranch, channel: 'counter', actor: STAFF }, h.now);
  }
}

/** The offers the hold manager and the series rule wrote for the card, as the LINE card shows them. */
async function offersTo(card: string, kind: 'wish_offer' | 'series_offer') {
  const patron = await findPatronByCard(h.db, card);
  const rows = await h.db
    .selectFrom('notices')
    .select(['kind', 'payload', 'loan_id', 'dedupe_key'])
    .where('patron_id', '=', patron!.id)
    .where('kind', '=', kind)
    .execute();
  return rows.map((r) => ({
    dedupeKey: r.dedupe_key,
    reply: noticeReply({ kind: r.kind, loanId: r.loan_id, payload: r.payload }, (c) => c)!,
  }));
}

describe('読みたいリスト in the chat (R-WISH-1, R-WISH-2)', () => {
  it('R-WISH-1: 読みたい before login asks to log in, then offers 読みたい again', async () => {
    const found = await h.say(taro(), '吾輩は猫である');
    const save = buttonData(found, '読みたい')!;
    expect(save).toMatch(/^wish\|add\|\d+$/);
    const needLogin = await h.tap(taro(), save);
    expect(wordsOf(needLogin)).toContain('ログインが必要です');
    const linked = await h.login(taro(), TARO, 'k7Tm2qX9', buttonData(needLogin, 'ログイン'));
    expect(buttonData(linked, '読みたい')).toBe(save);
  });

  it('R-WISH-1: 読みたい saves the title; a second tap says it is saved already and saves nothing more', async () => {
    const found = await h.say(taro(), '吾輩は猫である');
    const saved = await h.tap(taro(), buttonData(found, '読みたい')!);
    expect(wordsOf(saved)).toContain('『吾輩は猫である』を読みたいリストに入れました（1/100冊）');
    const again = await h.tap(taro(), buttonData(found, '読みたい')!);
    expect(wordsOf(again)).toContain('すでに読みたいリストに入っています');
    const rows = await h.db.selectFrom('wish_list').select('bib_id').execute();
    expect(rows).toHaveLength(1);
  });

  it('R-WISH-1: the detail view has 読みたい too', async () => {
    const found = await h.say(taro(), 'ノルウェイの森');
    const detail = await h.tap(taro(), buttonData(found, '詳細を見る')!);
    const saved = await h.tap(taro(), buttonData(detail, '読みたい')!);
    expect(wordsOf(saved)).toContain('読みたいリストに入れました（2/100冊）');
  });

  it('R-WISH-2: 読みたいリスト typed shows each title with where it is now, 予約申込 and 削除', async () => {
    const list = await h.say(taro(), '読みたいリスト');
    const t = wordsOf(list);
    expect(t).toContain('読みたいリスト：2/100冊');
    expect(t).toContain('吾輩は猫である');
    expect(t).toMatch(/の棚にあります|貸出中/);
    expect(t).toContain('予約件数');
    expect(buttonData(list, '予約申込')).toMatch(/^reserve\|start\|\d+$/);
    expect(buttonData(list, '削除')).toMatch(/^wish\|remove\|\d+$/);
    // 「読みたい」 alone and with an ending are the same list (as the chat's other phrases).
    expect(wordsOf(await h.say(taro(), '読みたい'))).toContain('読みたいリスト：2/100冊');
    expect(wordsOf(await h.say(taro(), '読みたいリストを見たいです'))).not.toContain('読みたいリスト：2/100冊');
    expect(wordsOf(await h.say(taro(), '読みたいです'))).toContain('読みたいリスト：2/100冊');
  });

  it('R-WISH-2: a title on the shelf of the usual pickup branch says so', async () => {
    const patron = await findPatronByCard(h.db, TARO);
    const usual = here.pickup(0); // 本館 under Kamagaya
    await h.db.updateTable('patrons').set({ last_pickup_branch: usual.code }).where('id', '=', patron!.id).execute();
    await h.db
      .updateTable('items')
      .set({ status: 'available', location_branch: usual.code })
      .where('bib_id', '=', await bibIdOf('吾輩は猫である'))
      .execute();
    const t = wordsOf(await h.say(taro(), '読みたいリスト'));
    expect(t).toContain(`いつもの受取館（${usual.name}）の棚にあります`);
  });

  it('R-WISH-2: 予約申込 from the list is the reservation flow itself (its rules and branch question)', async () => {
    const list = await h.say(taro(), '読みたいリスト');
    const branches = await h.tap(taro(), buttonData(list, '予約申込')!);
    expect(wordsOf(branches)).toContain('受取館を選んでください');
    await h.say(taro(), 'やめる');
  });

  it('削除 removes the title; a second tap says it is gone already', async () => {
    const list = await h.say(taro(), '読みたいリスト');
    const remove = buttonData(list, '削除')!;
    expect(wordsOf(await h.tap(taro(), remove))).toContain('読みたいリストから削除しました');
    expect(wordsOf(await h.tap(taro(), remove))).toContain('すでに読みたいリストにありません');
    expect(wordsOf(await h.say(taro(), '読みたいリスト'))).toContain('読みたいリスト：1/100冊');
  });

  it('R-WISH-1: the 101st title is refused: the cap, and what to do', async () => {
    const patron = await findPatronByCard(h.db, TARO);
    const bibs = await h.db.selectFrom('bibs').select('id').orderBy('id').limit(150).execute();
    const saved = new Set((await h.db.selectFrom('wish_list').select('bib_id').execute()).map((r) => r.bib_id));
    const botchan = await bibIdOf('坊っちゃん');
    const more = bibs.filter((b) => !saved.has(b.id) && b.id !== botchan).slice(0, 100 - saved.size);
    await h.db
      .insertInto('wish_list')
      .values(more.map((b) => ({ patron_id: patron!.id, bib_id: b.id })))
      .execute();
    const found = await h.say(taro(), '坊っちゃん');
    const r = await h.tap(taro(), buttonData(found, '読みたい')!);
    expect(wordsOf(r)).toContain('100冊までです');
    expect(wordsOf(r)).toContain('削除してから');
    expect(
      await h.db.selectFrom('wish_list').select('bib_id').where('patron_id', '=', patron!.id).execute(),
    ).toHaveLength(100);
    // Paged by ten, every title reachable.
    const list = await h.say(taro(), '読みたいリスト');
    expect(wordsOf(list)).toContain('読みたいリスト：100/100冊（1〜10冊目）');
    const page2 = await h.tap(taro(), buttonData(list, '次の10件')!);
    expect(wordsOf(page2)).toContain('（11〜20冊目）');
    await h.db.deleteFrom('wish_list').where('patron_id', '=', patron!.id).execute();
  });

  it('an empty list says how to fill it', async () => {
    expect(wordsOf(await h.say(taro(), '読みたいリスト'))).toContain('「読みたい」を押すと');
  });
});

describe('the hold manager (R-WISH-3)', () => {
  it('R-WISH-3: a cancelled hold frees a slot: the top wish-list title is offered once; a tap reserves', async () => {
    await h.login(sato(), SATO, 'Sk4r8Tz2');
    for (const title of ['こころ', '坊っちゃん']) {
      const found = await h.say(sato(), title);
      await h.tap(sato(), buttonData(found, '読みたい')!);
    }
    expect(await offersTo(SATO, 'wish_offer')).toHaveLength(0);
    const status = await h.say(sato(), 'ご利用状況');
    const cancel = buttonData(status, '取消する')!;
    const ask = await h.tap(sato(), cancel);
    const confirm = buttonData(ask, '取消する')!;
    await h.tap(sato(), confirm);
    await h.tap(sato(), confirm); // a second tap: done already, no second offer
    const offers = await offersTo(SATO, 'wish_offer');
    expect(offers).toHaveLength(1);
    const card = wordsOf([offers[0]!.reply]);
    expect(card).toContain('予約の枠が');
    expect(card).toContain('『こころ』');
    expect(card).toContain('押さなければ予約はされません');
    // Nothing was placed by the offer.
    const before = (await patronOverview(h.db, SATO))!.holds.length;
    const branches = await h.tap(sato(), buttonData([offers[0]!.reply], '予約申込')!);
    expect(wordsOf(branches)).toContain('受取館を選んでください');
    expect((await patronOverview(h.db, SATO))!.holds.length).toBe(before);
    await h.say(sato(), 'やめる');
  });

  it('R-WISH-3: at the cap at tap time, the offer’s 予約申込 is refused with the reason (R-RES-2)', async () => {
    await h.login(misaki(), MISAKI, 'misaki0520x');
    const found = await h.say(misaki(), 'こころ');
    const bibId = buttonData(found, '読みたい')!.split('|')[2]!;
    await holdsUpToTheCap(MISAKI, bibId);
    expect((await patronOverview(h.db, MISAKI))!.holds).toHaveLength(here.holdLimit);
    const r = await h.tap(misaki(), `reserve|start|${bibId}`);
    expect(wordsOf(r)).toContain(`${here.holdLimit}冊までです`); // 5冊 under Kamagaya
  });

  it('R-WISH-3: a patron who may not reserve is offered nothing (R-ELIG-2)', async () => {
    await h.login(ito(), ITO, 'Nr5b7Gk3');
    const found = await h.say(ito(), 'こころ');
    await h.tap(ito(), buttonData(found, '読みたい')!);
    const list = await h.say(ito(), '読みたいリスト');
    expect(buttonData(list, '予約申込')).toBeUndefined();
    expect(wordsOf(list)).toContain('予約できません');
  });
});
