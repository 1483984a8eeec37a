import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateJa, holdStatusLabel } from '../../src/messages/ja/index.js';
import { promoteHolds } from '../../src/services/jobs.js';
import { renewLoan } from '../../src/services/renewal.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { dateJa, here } from '../helpers/profiles.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
  await h.login(taro(), TARO, 'k7Tm2qX9');
  await h.login(hanako(), HANAKO, 'hanako2026lib');
  await h.login(sato(), SATO, 'Sk4r8Tz2');
}, 60_000);
afterAll(async () => h.close());

// Issue 23, item 2: a double tap on 送信, 延長する again after 「延長しました」, 取消する on a hold
// already cancelled were told 「この操作は時間切れになりました」, and the patron started again. A
// repeated confirmation of something done says it is done, shows its state, and does nothing twice.
const TARO = '2000000001';
const HANAKO = '2000000002';
const SATO = '2000000003';
const taro = () => h.user(41);
const hanako = () => h.user(42);
const sato = () => h.user(43);

async function auditRows(action: string, where: { holdId?: string; loanId?: string }) {
  let q = h.db.selectFrom('audit_log').select('id').where('action', '=', action);
  if (where.holdId) q = q.where('hold_id', '=', where.holdId);
  if (where.loanId) q = q.where('loan_id', '=', where.loanId);
  return (await q.execute()).length;
}

async function holdRows(card: string, title: string) {
  const patron = (await patronOverview(h.db, card))!.patron;
  return h.db
    .selectFrom('holds')
    .innerJoin('bibs', 'bibs.id', 'holds.bib_id')
    .select(['holds.id', 'holds.status'])
    .where('holds.patron_id', '=', patron.id)
    .where('bibs.title', '=', title)
    .execute();
}

/** Search, 予約申込, a branch and LINE (連絡不要 where LINE is not offered): the 予約確認 with its 送信 button. */
async function toConfirmation(user: string, title: string, branch: string) {
  const found = await h.say(user, title);
  const branches = await h.tap(user, buttonData(found, '予約申込')!);
  const contact = await h.tap(user, buttonData(branches, branch)!);
  return h.tap(user, buttonData(contact, here.contact.label)!);
}

describe('a confirmation repeated after it was done', () => {
  it('送信 tapped twice: the second says the reservation is there, with its branch and state; one hold', async () => {
    const confirm = await toConfirmation(taro(), '吾輩は猫である', here.pickup(1).name);
    const send = buttonData(confirm, '送信')!;
    expect(wordsOf(await h.tap(taro(), send))).toContain('予約受付');
    const again = wordsOf(await h.tap(taro(), send));
    expect(again).toContain('この予約はすでに受け付けています');
    expect(again).toContain('『吾輩は猫である』');
    expect(again).toContain(`受取館：${here.pickup(1).name}`);
    expect(again).toContain('状態：');
    expect(again.includes('状態：依頼中')).toBe(here.holdsWait);
    expect(again).not.toContain('時間切れ');
    // A third tap, after something else was said, still finds the hold.
    await h.say(taro(), 'ヘルプ');
    expect(wordsOf(await h.tap(taro(), send))).toContain('この予約はすでに受け付けています');
    expect(await holdRows(TARO, '吾輩は猫である')).toHaveLength(1);
    const [hold] = await holdRows(TARO, '吾輩は猫である');
    expect(await auditRows('hold.place', { holdId: hold!.id })).toBe(1);
  });

  it('送信 typed twice (and はい after it): told the reservation is there; one hold', async () => {
    await toConfirmation(hanako(), '坊っちゃん', here.pickup(0).name);
    expect(wordsOf(await h.say(hanako(), '送信'))).toContain('予約受付');
    for (const word of ['送信', 'はい']) {
      const again = wordsOf(await h.say(hanako(), word));
      expect(again).toContain('この予約はすでに受け付けています');
      expect(again).toContain(`受取館：${here.pickup(0).name}`);
      expect(again).not.toContain('見つかりませんでした');
    }
    // Other words are a search again, with no reservation said to be open.
    const search = wordsOf(await h.say(hanako(), 'ねこ'));
    expect(search).toMatch(/「ねこ」の検索結果：\d+件/);
    expect(search).not.toContain('予約の途中');
    expect(await holdRows(HANAKO, '坊っちゃん')).toHaveLength(1);
  });

  it('延長する tapped again after 延長しました: already renewed, with the new due date; renewed once', async () => {
    const status = await h.say(taro(), 'ご利用状況');
    const ask = await h.tap(taro(), buttonData(status, '延長する')!);
    const renew = buttonData(ask, '延長する')!;
    const loanId = renew.split('|')[2]!;
    expect(wordsOf(await h.tap(taro(), renew))).toContain('延長しました');
    const again = wordsOf(await h.tap(taro(), renew));
    expect(again).toContain('この資料の貸出期間はすでに延長しています');
    const due = here.renewedDue('2026-12-01'); // 2026-12-15 under Kamagaya
    expect(again).toContain(`返却予定日：${dateJa(due)}`);
    expect(again).not.toContain('時間切れ');
    const loan = (await patronOverview(h.db, TARO))!.loans.find((l) => l.loanId === loanId)!;
    expect(loan).toMatchObject({ renewals: 1, dueDate: due });
    expect(await auditRows('loan.renew', { loanId })).toBe(1);
  });

  it('延長する and はい typed after 延長しました are told it is renewed, not searched', async () => {
    const status = await h.say(hanako(), 'ご利用状況');
    const ask = await h.tap(hanako(), buttonData(status, '延長する')!);
    const loanId = buttonData(ask, '延長する')!.split('|')[2]!;
    expect(wordsOf(await h.say(hanako(), 'はい'))).toContain('延長しました');
    for (const word of ['延長する', 'はい']) {
      const again = wordsOf(await h.say(hanako(), word));
      expect(again).toContain('この資料の貸出期間はすでに延長しています');
      expect(again).not.toContain('見つかりませんでした');
    }
    expect((await patronOverview(h.db, HANAKO))!.loans.find((l) => l.loanId === loanId)!.renewals).toBe(1);
    expect(await auditRows('loan.renew', { loanId })).toBe(1);
  });

  it('取消する on a hold already cancelled says it is cancelled; cancelled once', async () => {
    const status = await h.say(sato(), 'ご利用状況');
    const ask = await h.tap(sato(), buttonData(status, '取消する')!);
    const cancel = buttonData(ask, '取消する')!;
    const holdId = cancel.split('|')[2]!;
    expect(wordsOf(await h.tap(sato(), cancel))).toContain('予約の取消が完了しました');
    const again = wordsOf(await h.tap(sato(), cancel));
    expect(again).toContain('この予約はすでに取り消されています');
    expect(again).not.toContain('時間切れ');
    // はい typed after it, too.
    const typed = wordsOf(await h.say(sato(), 'はい'));
    expect(typed).toContain('この予約はすでに取り消されています');
    expect(await auditRows('hold.cancel', { holdId })).toBe(1);
  });
});

describe('a stale confirmation that was not done', () => {
  it('延長する after やめる renews nothing and is expired; after a renewal elsewhere it says renewed', async () => {
    const status = await h.say(taro(), 'ご利用状況');
    const ask = await h.tap(taro(), buttonData(status, '延長する')!);
    const renew = buttonData(ask, '延長する')!;
    const loanId = renew.split('|')[2]!;
    await h.say(taro(), 'やめる');
    expect(wordsOf(await h.tap(taro(), renew))).toContain('時間切れ');
    expect(await auditRows('loan.renew', { loanId })).toBe(0);

    // The loan is renewed at the counter (as often as the profile allows: once under Kamagaya, each
    // a day after the one before, since a second renewal the same day moves nothing, R-LOAN-6) while
    // a new question waits: its button gets the refusal that says so, and the old button, stale for
    // another reason, finds the loan renewed.
    const ask2 = await h.tap(taro(), `renew|confirm|${loanId}`);
    const patronId = (await patronOverview(h.db, TARO))!.patron.id;
    const dayAfter = (n: number) => new Date(h.now.getTime() + n * 86_400_000);
    let counter = await renewLoan(h.db, { loanId, patronId, actor: { kind: 'staff' } }, h.now);
    for (let n = 1; n < here.renewalTimes && counter.ok; n++)
      counter = await renewLoan(h.db, { loanId, patronId, actor: { kind: 'staff' } }, dayAfter(n));
    expect(counter.ok).toBe(true);
    expect(wordsOf(await h.tap(taro(), buttonData(ask2, '延長する')!))).toContain('この資料はすでに延長されている');
    const late = wordsOf(await h.tap(taro(), renew));
    expect(late).toContain('この資料の貸出期間はすでに延長しています');
    expect(late).toContain(`返却予定日：${formatDateJa(counter.ok ? counter.value.dueDate : '')}`);
    expect(await auditRows('loan.renew', { loanId })).toBe(here.renewalTimes);
  });

  it('送信 from a reservation stopped before it was sent places nothing and is expired', async () => {
    const confirm = await toConfirmation(sato(), '吾輩は猫である', here.pickup(0).name);
    await h.say(sato(), 'やめる');
    expect(wordsOf(await h.tap(sato(), buttonData(confirm, '送信')!))).toContain('時間切れ');
    expect(await holdRows(SATO, '吾輩は猫である')).toHaveLength(0);
  });

  it("another patron's loan or hold named in a forged tap is expired, and nothing is said about it", async () => {
    const taroLoan = (await patronOverview(h.db, TARO))!.loans.find((l) => l.renewals === 1)!;
    const r = wordsOf(await h.tap(sato(), `renew|do|${taroLoan.loanId}|999`));
    expect(r).toContain('時間切れ');
    expect(r).not.toContain(taroLoan.title);
  });
});

describe('the state shown is the one the hold has now', () => {
  it('送信 tapped again the morning after, when the hold is official, shows its place, not 依頼中', async () => {
    const confirm = await toConfirmation(sato(), '坊っちゃん', here.pickup(0).name);
    const send = buttonData(confirm, '送信')!;
    // Official the next morning (Kamagaya), or at once where online holds do not wait.
    expect(wordsOf(await h.tap(sato(), send)).includes('状態：依頼中')).toBe(here.holdsWait);
    const evening = h.now;
    try {
      h.now = new Date('2026-12-02T10:00:00+09:00');
      await promoteHolds({ db: h.db, promoteHoldsHour: 9, deliverNotices: async () => 0 }, h.now);
      const hold = (await patronOverview(h.db, SATO))!.holds.find((x) => x.title === '坊っちゃん')!;
      expect(hold.status).not.toBe('requested');
      const again = wordsOf(await h.tap(sato(), send));
      expect(again).toContain('この予約はすでに受け付けています');
      expect(again).toContain(`状態：${holdStatusLabel(hold.status, hold.position ?? undefined)}`);
    } finally {
      h.now = evening;
    }
  });
});
