import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_HOLD_STATUSES } from '../../src/domain/holds.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

// Issue 23, item 11: words the patron is owed and did not get.
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const TARO = { card: '2000000001', password: 'k7Tm2qX9' };
/** Studies in the city: may reserve, and has not borrowed 街とその不確かな壁 (Taro has). */
const YUKA = { card: '2000000006', password: 'Sy6d2Hq8' };

/** Active holds of the title, straight from the database: what the confirmation must count. */
async function activeHoldsOn(title: string): Promise<number> {
  const rows = await h.db
    .selectFrom('holds')
    .innerJoin('bibs', 'bibs.id', 'holds.bib_id')
    .select('holds.id')
    .where('bibs.title', '=', title)
    .where('holds.status', 'in', ACTIVE_HOLD_STATUSES)
    .execute();
  return rows.length;
}

/** 予約申込 → 本館 → LINE (the profile's first pickup point and contact): the 予約確認 the patron reads before 送信. */
async function confirmationFor(user: string, title: string) {
  const found = await h.say(user, title);

  const branches = await h.tap(user, buttonData(found, '予約申込')!);
  const contact = await h.tap(user, buttonData(branches, here.pickup(0).name)!);
  return wordsOf(await h.tap(user, buttonData(contact, here.contact.label)!));
}

describe('the 予約確認 says the place in the queue to expect', () => {
  it('R-RES-3/R-RES-7: a title with holds: how many are ahead (依頼中 included) and the place once official', async () => {
    const user = h.user(2301);
    await h.login(user, YUKA.card, YUKA.password);
    const ahead = await activeHoldsOn('街とその不確かな壁');
    expect(ahead).toBeGreaterThan(1); // the demo library's queue: 2 in line and 1 依頼中
    const t = await confirmationFor(user, '街とその不確かな壁');
    expect(t).toContain('予約確認');
    expect(t).toContain(`いま、この資料には先に${ahead}件の予約があります。`);
    expect(t).toContain(`正式な予約になると${ahead + 1}位になる見込みです`);
    expect(t).toContain('窓口・電話で受けた予約があれば、その後ろになります');
  });

  it('R-RES-7: a title nobody has reserved: no other hold, 1位 expected', async () => {
    const user = h.user(2302);
    await h.login(user, TARO.card, TARO.password);
    expect(await activeHoldsOn('吾輩は猫である')).toBe(0);
    const t = await confirmationFor(user, '吾輩は猫である');
    expect(t).toContain('いま、この資料にほかの予約はありません。正式な予約になると1位になる見込みです');
  });
});

describe('someone without a card is told how to get one', () => {
  // The guide: 「利用者カード」をお持ちでない方は、図書館利用者登録申込書とあわせてお申し出ください.
  const HOW =
    '利用者カードをお持ちでない方は、本館・分館のカウンターで、図書館利用者登録申込書とあわせてお申し出ください。';

  it('R-PW-1: the greeting, ヘルプ and the login prompt say where a card and a password come from', async () => {
    const user = h.user(2321);
    const greeting = wordsOf(await h.send(user, { kind: 'follow' }));
    expect(greeting).toContain(HOW);
    expect(wordsOf(await h.say(user, 'ヘルプ'))).toContain(HOW);
    const login = await h.say(user, 'ログイン');
    expect(buttonData(login, 'ログイン')).toBeDefined();
    expect(wordsOf(login)).toContain(HOW);
    expect(wordsOf(login)).toContain('本人確認書類（運転免許証・保険証・学生証など）をお持ちのうえ');
  });
});

describe('メールアドレス登録 in the chat', () => {
  it('R-MAIL-2: says what to do when the confirmation mail does not come (a mistyped address, filters)', async () => {
    const t = wordsOf(await h.say(h.user(2331), 'メールアドレス登録'));
    expect(t).toContain('メールが届かないときは、アドレスの入力ミスや迷惑メールの設定をご確認のうえ');
    expect(t).toContain('正しいアドレスでもう一度お申し込みください');
  });
});
