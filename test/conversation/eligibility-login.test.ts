import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 23, items 5 and 8. A patron living outside the city (R-ELIG-2) was told after login that he
// could reserve, was offered 予約申込 on every card and shown 予約 0/5件; a login asked for by
// ご利用状況 ended at 「ログインしました」; the quick replies offered ログイン to a logged-in patron.
const TARO = '2000000001';
const ITO = '2000000007'; // not resident: status and renewal, no reservation
const NOT_RESIDENT = '在住・在勤・在学の方がご利用いただけます';

const occurrences = (replies: Reply[], words: string) => wordsOf(replies).split(words).length - 1;
/** The quick-reply labels the patron sees: those of the last message. */
const chips = (replies: Reply[]) => (replies.at(-1)?.quickReplies ?? []).map((a) => a.label);

describe('offers follow the eligibility (R-ELIG-2)', () => {
  const ito = () => h.user(41);

  it('after login, a non-resident is told once why he cannot reserve, not that he can', async () => {
    const r = await h.login(ito(), ITO, 'Nr5b7Gk3');
    expect(wordsOf(r)).toContain('ログインしました');
    expect(wordsOf(r)).not.toContain('予約・ご利用状況の確認');
    expect(occurrences(r, NOT_RESIDENT)).toBe(1);
    expect(wordsOf(r)).toContain('利用状況の確認と貸出期間の延長はご利用いただけます');
  });

  it('his search cards offer no 予約申込; the reason is said once for the list, and on the detail', async () => {
    const found = await h.say(ito(), '坊っちゃん');
    expect(wordsOf(found)).toContain('の検索結果');
    expect(buttonData(found, '予約申込')).toBeUndefined();
    expect(buttonData(found, '詳細を見る')).toBeDefined();
    expect(occurrences(found, NOT_RESIDENT)).toBe(1);
    expect(wordsOf(found)).toContain('「予約申込」は表示していません');

    const detail = await h.tap(ito(), buttonData(found, '詳細を見る')!);
    expect(buttonData(detail, '予約申込')).toBeUndefined();
    expect(occurrences(detail, NOT_RESIDENT)).toBe(1);
  });

  it('his status shows no 予約 0/5件, but says once why he cannot reserve', async () => {
    const r = await h.say(ito(), 'ご利用状況');
    const t = wordsOf(r);
    expect(t).toContain('伊藤 誠さんのご利用状況');
    expect(t).toMatch(/貸出中：\d+冊/);
    expect(t).not.toMatch(new RegExp(`予約：\\d+/${here.holdLimit}件`));
    expect(t).not.toContain('予約中の資料はありません');
    expect(occurrences(r, NOT_RESIDENT)).toBe(1);
  });

  it('R-ELIG-2: 「予約」「予約したい」 from him say why he cannot reserve, never that he can', async () => {
    for (const words of ['予約', '予約したい']) {
      const r = await h.say(ito(), words);
      expect(wordsOf(r)).toContain('予約ができません');
      expect(occurrences(r, NOT_RESIDENT)).toBe(1);
      expect(wordsOf(r)).not.toContain('このまま検索から予約できます');
      expect(wordsOf(r)).not.toContain('「予約申込」を押します');
    }
    // A resident is told how, and that he may go ahead.
    const taro = h.user(44);
    await h.login(taro, TARO, 'k7Tm2qX9');
    expect(wordsOf(await h.say(taro, '予約'))).toContain('このまま検索から予約できます');
  });

  it('R-ELIG-4: メールアドレス登録 and 各種サービス offer him no e-mail page; they say why', async () => {
    for (const words of ['メールアドレス登録', 'メール登録したい']) {
      const r = await h.say(ito(), words);
      expect(buttonData(r, 'メールアドレス登録')).toBeUndefined();
      expect(wordsOf(r)).toContain('メールアドレスの登録ができません');
      expect(occurrences(r, NOT_RESIDENT)).toBe(1);
    }
    const services = await h.say(ito(), '各種サービス');
    expect(buttonData(services, 'メールアドレス登録')).toBeUndefined();
    expect(buttonData(services, 'パスワード変更')).toMatch(/\/password$/);
    expect(wordsOf(services)).toContain('メールアドレスの登録ができません');
    // A resident, and anyone not logged in (the page asks who it is), still get the page.
    const taro = h.user(45);
    await h.login(taro, TARO, 'k7Tm2qX9');
    expect(buttonData(await h.say(taro, 'メールアドレス登録'), 'メールアドレス登録')).toMatch(/\/email$/);
    expect(buttonData(await h.say(taro, '各種サービス'), 'メールアドレス登録')).toMatch(/\/email$/);
    expect(buttonData(await h.say(h.user(46), 'メールアドレス登録'), 'メールアドレス登録')).toMatch(/\/email$/);
  });

  it('logged out, he is offered 予約申込; after the login he gets the refusal, not the reservation again', async () => {
    const u = h.user(42);
    const found = await h.say(u, '坊っちゃん');
    const reserve = buttonData(found, '予約申込');
    expect(reserve).toBeDefined();
    const needLogin = await h.tap(u, reserve!);
    const linked = await h.login(u, ITO, 'Nr5b7Gk3', buttonData(needLogin, 'ログイン'));
    expect(wordsOf(linked)).toContain(NOT_RESIDENT);
    expect(buttonData(linked, '予約申込')).toBeUndefined();
    expect(wordsOf(linked)).not.toContain('予約を続けますか');
  });

  it('a resident still gets 予約申込 on the cards and the 予約 n/5件 count', async () => {
    const u = h.user(43);
    await h.login(u, TARO, 'k7Tm2qX9');
    const found = await h.say(u, '坊っちゃん');
    expect(buttonData(found, '予約申込')).toBeDefined();
    expect(wordsOf(found)).not.toContain('「予約申込」は表示していません');
    expect(wordsOf(await h.say(u, 'ご利用状況'))).toMatch(new RegExp(`予約：\\d+/${here.holdLimit}件`));
  });
});

describe('the login carries on to what asked for it', () => {
  it('ご利用状況 → login → the status, in the answer to the login', async () => {
    const u = h.user(44);
    const needLogin = await h.say(u, 'ご利用状況');
    expect(wordsOf(needLogin)).toContain('ログインが必要です');
    const linked = await h.login(u, TARO, 'k7Tm2qX9', buttonData(needLogin, 'ログイン'));
    const t = wordsOf(linked);
    expect(t).toContain('ログインしました');
    expect(t).toContain('鎌ケ谷 太郎さんのご利用状況');
    expect(t).toMatch(/貸出中：6冊/);
    expect(buttonData(linked, '延長する')).toBeDefined();
  });

  it('延長する on a card tapped after logging out → login → 延長する offered again → its confirmation', async () => {
    const u = h.user(45);
    await h.login(u, TARO, 'k7Tm2qX9');
    const status = await h.say(u, 'ご利用状況');
    const renew = buttonData(status, '延長する')!;
    await h.say(u, 'ログアウト').then((ask) => h.tap(u, buttonData(ask, 'ログアウト')!));
    const needLogin = await h.tap(u, renew);
    expect(wordsOf(needLogin)).toContain('ログインが必要です');
    const linked = await h.login(u, TARO, 'k7Tm2qX9', buttonData(needLogin, 'ログイン'));
    expect(wordsOf(linked)).toContain('ログイン前に押した「延長する」を続けますか？');
    expect(buttonData(linked, '延長する')).toBe(renew);
    const ask = await h.tap(u, renew);
    expect(wordsOf(ask)).toContain('貸出期間を延長しますか');
    expect((await patronOverview(h.db, TARO))!.loans.every((l) => l.renewals === 0)).toBe(true);
  });
});

describe('quick replies follow the login state', () => {
  it('ログイン is offered logged out, not logged in, and again after ログアウト', async () => {
    const u = h.user(46);
    expect(chips(await h.say(u, 'ヘルプ'))).toContain('ログイン');
    const linked = await h.login(u, TARO, 'k7Tm2qX9');
    expect(chips(linked)).not.toContain('ログイン');
    expect(chips(linked)).toContain('ご利用状況');
    expect(chips(await h.say(u, 'ヘルプ'))).not.toContain('ログイン');
    expect(chips(await h.say(u, 'やめる'))).not.toContain('ログイン');
    const ask = await h.say(u, 'ログアウト');
    const done = await h.tap(u, buttonData(ask, 'ログアウト')!);
    expect(wordsOf(done)).toContain('ログアウトしました');
    expect(chips(done)).toContain('ログイン');
    expect(chips(await h.say(u, 'ヘルプ'))).toContain('ログイン');
  });
});
