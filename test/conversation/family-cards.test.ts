import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginForAccountLink } from '../../src/services/account-link.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import type { Reply } from '../../src/conversation/reply.js';
import { conversationHandler } from '../../src/conversation/engine.js';
import { NeedsTransaction } from '../../src/conversation/effects.js';
import { testLog } from '../helpers/test-log.js';

/**
 * Family cards (docs/family-cards.md): one LINE user links up to six cards, each through the login
 * page with its own password; one is active; ご利用状況 shows them all; a card has one LINE user.
 */
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const TARO = ['2000000001', 'k7Tm2qX9'] as const;
const HANAKO = ['2000000002', 'hanako2026lib'] as const;
const ITO = ['2000000007', 'Nr5b7Gk3'] as const; // not resident: status, no reservations
const HINATA = ['2000000008', 'Hn2c8Rw4'] as const; // preschool (R-ELIG-6)
const SIX = [
  ['2000000003', 'Sk4r8Tz2'],
  ['2000000004', 'misaki0520x'],
  ['2000000005', 'Wp3n9Lc5'],
  ['2000000006', 'Sy6d2Hq8'],
  ['2000000010', 'Hr4t7Nb2'],
  ['2000000011', 'Sk9p3Vm6'],
] as const;
const parent = () => h.user(0x20);
const other = () => h.user(0x21);
const thief = () => h.user(0x22);

const idOf = async (card: string) =>
  String((await h.db.selectFrom('patrons').select('id').where('card_number', '=', card).executeTakeFirstOrThrow()).id);
const cardsOf = async (user: string) =>
  (
    await h.db
      .selectFrom('line_user_cards')
      .select('patron_id')
      .where('line_user_id', '=', user)
      .orderBy('linked_at')
      .execute()
  ).map((r) => String(r.patron_id));
const activeOf = async (user: string) => {
  const r = await h.db.selectFrom('line_users').select('patron_id').where('line_user_id', '=', user).executeTakeFirst();
  return r?.patron_id == null ? null : String(r.patron_id);
};
const audits = async (action: string) =>
  h.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', action).execute();

/** 家族のカードを追加, then the login page with that card's own number and password. */
async function addCard(user: string, [card, password]: readonly [string, string]): Promise<Reply[]> {
  const asked = await h.say(user, '家族のカードを追加');
  expect(wordsOf(asked)).toContain('追加するご家族の利用者カードの番号とパスワード');
  return h.login(user, card, password, buttonData(asked, 'ログイン'));
}

/** Every postback data in the replies. */
function postbacks(replies: readonly Reply[]): string[] {
  const out: string[] = [];
  JSON.stringify(replies, (_k, v: unknown) => {
    const a = v as { kind?: string; data?: string };
    if (a && typeof a === 'object' && a.kind === 'postback' && a.data) out.push(a.data);
    return v;
  });
  return out;
}

describe('family cards in the chat', () => {
  it('links a second and a third card, each with its own password; the new card is active', async () => {
    const first = await h.login(parent(), ...TARO);
    expect(wordsOf(first)).toContain('ログインしました');
    const second = await addCard(parent(), HANAKO);
    expect(wordsOf(second)).toContain('花子さんのカードを追加しました');
    expect(buttonData(second, '太郎さんのカード')).toBe(`family|switch|${await idOf(TARO[0])}`);
    const third = await addCard(parent(), ITO);
    expect(wordsOf(third)).toContain('誠さんのカードを追加しました');
    expect(await cardsOf(parent())).toEqual([await idOf(TARO[0]), await idOf(HANAKO[0]), await idOf(ITO[0])]);
    expect(await activeOf(parent())).toBe(await idOf(ITO[0]));
  });

  it('a wrong password for the added card links nothing (no shortcut around a card’s password)', async () => {
    const asked = await h.say(parent(), '家族のカードを追加');
    const linkToken = new URL(buttonData(asked, 'ログイン')!).searchParams.get('linkToken')!;
    const r = await loginForAccountLink(h.db, { linkToken, cardNumber: HINATA[0], password: 'wrong-pass1' }, h.now);
    expect(r.ok).toBe(false);
    expect(await cardsOf(parent())).toHaveLength(3);
  });

  it('switches the active card with a quick reply naming the holder', async () => {
    const asked = await h.say(parent(), 'カードの切り替え');
    expect(wordsOf(asked)).toContain('いまは誠さんのカードで手続きします');
    const switched = await h.tap(parent(), buttonData(asked, '太郎さんのカード')!);
    expect(wordsOf(switched)).toContain('太郎さんのカードに切り替えました');
    expect(await activeOf(parent())).toBe(await idOf(TARO[0]));
    expect(await audits('family.switch')).toHaveLength(1);
  });

  it('ご利用状況 shows the whole family grouped by holder, each card’s buttons naming its card', async () => {
    const r = await h.say(parent(), 'ご利用状況');
    const t = wordsOf(r);
    expect(t).toContain('ご家族のご利用状況（カード3枚）');
    expect(t).toContain('■ 太郎さん（手続き中のカード）：貸出中 6冊');
    expect(t).toContain('■ 花子さん：');
    expect(t).toContain('■ 誠さん：');
    expect(t).toContain('花子さん｜');
    // R-ELIG-2 per card: the non-resident's card shows its status and says why it cannot reserve.
    expect(t).toMatch(/在住|在勤|在学/);
    const hanako = await idOf(HANAKO[0]);
    const taro = await idOf(TARO[0]);
    const data = postbacks(r);
    expect(data.some((d) => d.startsWith(`as|${taro}|renew|confirm|`))).toBe(true);
    expect(data.some((d) => d.startsWith(`as|${hanako}|`))).toBe(true);
    // Every action button names its card.
    expect(data.filter((d) => !d.startsWith('as|') && !d.startsWith('family|switch|'))).toEqual([]);
    expect(buttonData(r, '家族のカードを追加')).toBeUndefined(); // a message quick reply (no data)
    expect(t).toContain('家族のカードを追加');
  });

  it('an action on another family card makes it active, and the confirmation names the holder', async () => {
    const r = await h.say(parent(), 'ご利用状況');
    const hanako = await idOf(HANAKO[0]);
    const cancel = postbacks(r).find((d) => d.startsWith(`as|${hanako}|cancel|confirm|`))!;
    expect(cancel).toBeDefined();
    const asked = await h.tap(parent(), cancel);
    expect(wordsOf(asked)).toContain('花子さんのカードで手続きします。');
    expect(await activeOf(parent())).toBe(hanako);
    await h.say(parent(), 'やめる');
  });

  it('a reservation confirmation names the card holder: 「花子さんのカードで予約します」', async () => {
    const found = await h.say(parent(), '吾輩は猫である');
    const branches = await h.tap(parent(), buttonData(found, '予約申込')!);
    const contacts = await h.tap(parent(), postbacks(branches).find((d) => d.startsWith('reserve|branch|'))!);
    const contact = postbacks(contacts).find((d) => d.startsWith('reserve|contact|'))!;
    const confirm = await h.tap(parent(), contact);
    expect(wordsOf(confirm)).toContain('花子さんのカードで予約します。');
    expect(wordsOf(confirm)).toContain('予約確認');
    // Switched to another card before 送信: the question named 花子 and is over; nothing is placed.
    const hanako = await idOf(HANAKO[0]);
    const before = await h.db
      .selectFrom('holds')
      .select('id')
      .where('patron_id', '=', await idOf(TARO[0]))
      .execute();
    await h.tap(parent(), `family|switch|${await idOf(TARO[0])}`);
    const sent = await h.tap(parent(), buttonData(confirm, '送信')!);
    expect(wordsOf(sent)).not.toContain('予約受付');
    const after = await h.db
      .selectFrom('holds')
      .select('id')
      .where('patron_id', '=', await idOf(TARO[0]))
      .execute();
    expect(after).toHaveLength(before.length);
    await h.tap(parent(), `family|switch|${hanako}`);
  });

  it('IDOR: a postback naming a card not linked to this LINE user is refused, logged, changes nothing', async () => {
    const foreign = await idOf(SIX[0][0]);
    const before = await activeOf(parent());
    const r = await h.tap(parent(), `as|${foreign}|renew|confirm|1`);
    expect(wordsOf(r)).toContain('見つかりませんでした');
    const s = await h.tap(parent(), `family|switch|${foreign}`);
    expect(wordsOf(s)).toContain('見つかりませんでした');
    const u = await h.tap(parent(), 'as|not-a-card|status|loans|0');
    expect(wordsOf(u)).toContain('見つかりませんでした');
    expect(await activeOf(parent())).toBe(before);
    expect(await cardsOf(parent())).toHaveLength(3);
    const refused = await audits('family.refused');
    expect(refused).toHaveLength(3);
    expect(refused.every((a) => a.actor === `line:${parent()}`)).toBe(true);
  });

  it('the inbox worker’s read-only try of a family card’s button asks for a transaction, writing nothing', async () => {
    const handler = conversationHandler({
      line: { issueLinkToken: async () => 'unused', showRichMenu: async () => {}, profileLanguage: async () => 'ja' },
      publicBaseUrl: 'https://library.example.jp',
      log: testLog,
    });
    const active = await activeOf(parent());
    const taro = await idOf(TARO[0]);
    expect(active).not.toBe(taro);
    const event = {
      lineUserId: parent(),
      input: { kind: 'postback' as const, data: `as|${taro}|status|loans|0` },
      patronId: active,
      conversation: undefined,
    };
    await expect(handler.decide(h.db, event, h.now)).rejects.toBeInstanceOf(NeedsTransaction);
    expect(await activeOf(parent())).toBe(active);
  });

  it('a seventh card is refused with why, in the chat and on the login page', async () => {
    await h.login(other(), ...SIX[0]);
    for (const card of SIX.slice(1)) await addCard(other(), card);
    expect(await cardsOf(other())).toHaveLength(6);
    const r = await h.say(other(), '家族のカードを追加');
    expect(wordsOf(r)).toContain('6枚まで');
    expect(buttonData(r, 'ログイン')).toBeUndefined();
    // A login page opened before the sixth card was added refuses the seventh too.
    await h.db
      .insertInto('account_link_requests')
      .values({ link_token: 'family-seventh', line_user_id: other(), expires_at: new Date(h.now.getTime() + 600_000) })
      .execute();
    const page = await loginForAccountLink(
      h.db,
      { linkToken: 'family-seventh', cardNumber: HINATA[0], password: HINATA[1] },
      h.now,
    );
    expect(page).toMatchObject({ ok: false, failure: { kind: 'refused', refusal: { code: 'FAMILY_CARD_LIMIT' } } });
  });

  it('a preschool child’s card is linkable as a family card, and its status says why it shows nothing', async () => {
    const added = await addCard(parent(), HINATA);
    expect(wordsOf(added)).toContain('ひなたさんのカードを追加しました');
    const r = await h.say(parent(), 'ご利用状況');
    expect(wordsOf(r)).toMatch(/■ ひなたさん（手続き中のカード）：[^"]*小学生/);
  });

  it('a card linked from another LINE user moves there; the first LINE user is told by a notice', async () => {
    const hanako = await idOf(HANAKO[0]);
    await h.login(thief(), ...HANAKO);
    expect(await cardsOf(thief())).toEqual([hanako]);
    expect(await cardsOf(parent())).not.toContain(hanako);
    const notice = await h.db
      .selectFrom('notices')
      .select(['kind', 'line_user_id', 'patron_id', 'channel'])
      .where('kind', '=', 'card_moved')
      .executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ line_user_id: parent(), channel: 'line' });
    expect(String(notice.patron_id)).toBe(hanako);
    expect(await audits('family.moved')).toHaveLength(1);
  });

  it('unlinks one card, then the active one (another becomes active), then all', async () => {
    const asked = await h.say(parent(), 'カードの登録解除');
    expect(wordsOf(asked)).toContain('登録を解除するカードを選んでください');
    const one = await h.tap(parent(), buttonData(asked, '誠さんのカード')!);
    expect(wordsOf(one)).toContain('誠さんのカードの登録を解除しました');
    expect(await cardsOf(parent())).toEqual([await idOf(TARO[0]), await idOf(HINATA[0])]);
    const active = await h.say(parent(), 'カードの登録解除');
    const gone = await h.tap(parent(), buttonData(active, 'ひなたさんのカード')!);
    expect(wordsOf(gone)).toContain('いまは太郎さんのカードで手続きします');
    expect(await activeOf(parent())).toBe(await idOf(TARO[0]));
    const all = await h.say(parent(), 'カードの登録解除');
    const out = await h.tap(parent(), buttonData(all, 'すべてのカード')!);
    expect(wordsOf(out)).toContain('すべてのカードの登録を解除しました');
    expect(await cardsOf(parent())).toEqual([]);
    expect(await activeOf(parent())).toBeNull();
    expect(h.menus.at(-1)).toMatchObject({ user: parent(), which: 'logged-out' });
  });

  it('ログアウト unlinks every card', async () => {
    const asked = await h.say(other(), 'ログアウト');
    await h.tap(other(), buttonData(asked, 'ログアウト')!);
    expect(await cardsOf(other())).toEqual([]);
    expect(await activeOf(other())).toBeNull();
  });
});
