import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoCard, Reply } from '../../src/conversation/reply.js';
import { checkout } from '../../src/services/circulation.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

// Issue 23, item 9: ご利用状況 and 予約申込 must say what is true.
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const TARO = '2000000001';
const HANAKO = '2000000002';
const infoCards = (r: Reply[]) => r.flatMap((x) => (x.kind === 'cards' ? x.cards : [])) as InfoCard[];
const loanTitles = (r: Reply[]) =>
  infoCards(r)
    .filter((c) => c.rows.some((row) => row.label === '返却予定日'))
    .map((c) => c.title);

/**
 * Lends TARO `n` more copies that are on a shelf, can be lent, and that nobody waits for: three days
 * ago, so that renewing them today moves their due date (R-LOAN-6).
 */
async function lendMore(n: number): Promise<string[]> {
  const rows = await h.db
    .selectFrom('items')
    .innerJoin('bibs', 'bibs.id', 'items.bib_id')
    .select(['items.barcode', 'bibs.title'])
    .where('items.status', '=', 'available')
    .where('items.in_library_only', '=', false)
    .where('bibs.latest_issue', '=', false)
    .where('bibs.material_type', '=', 'book')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('holds').select('holds.id').whereRef('holds.bib_id', '=', 'bibs.id'))),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('loans').select('loans.id').whereRef('loans.bib_id', '=', 'bibs.id'))),
    )
    .orderBy('items.id')
    .execute();
  const titles: string[] = [];
  for (const r of rows) {
    if (titles.length === n) break;
    if (titles.includes(r.title)) continue;
    const lent = await checkout(h.db, { cardNumber: TARO, itemBarcode: r.barcode, loanPeriodDays: 14 }, threeDaysAgo());
    if (lent.ok) titles.push(r.title);
  }
  return titles;
}

const threeDaysAgo = () => new Date(h.now.getTime() - 3 * 86_400_000);

describe('ご利用状況 and 予約申込 say what is true', () => {
  it('R-RES-7: a hold at 1位 carries the guide’s note that 1位 does not mean it can be borrowed yet', async () => {
    const u = h.user(41);
    await h.login(u, HANAKO, 'hanako2026lib');
    const status = await h.say(u, 'ご利用状況');
    const first = infoCards(status).find((c) => c.title === '街とその不確かな壁')!;
    expect(first.rows.find((r) => r.label === '状態')?.value).toBe('1位');
    expect(first.note).toContain('※「1位」の表示は借りることができる状態ではありません。');
  });

  it('R-LOAN-1: every loan can be seen and renewed, ten at a time, with 次の10件 and 前の10件', async () => {
    const u = h.user(42);
    await h.login(u, TARO, 'k7Tm2qX9');
    const added = await lendMore(8);
    expect(added).toHaveLength(8);
    const first = await h.say(u, 'ご利用状況');
    expect(wordsOf(first)).toContain('貸出中：14冊');
    expect(loanTitles(first)).toHaveLength(10);
    expect(wordsOf(first)).toContain('貸出中の資料14冊のうち、1〜10冊目を表示しています。');
    expect(buttonData(first, '前の10件')).toBeUndefined();

    const second = await h.tap(u, buttonData(first, '次の10件')!);
    expect(loanTitles(second)).toHaveLength(4);
    expect(wordsOf(second)).toContain('11〜14冊目');
    expect(buttonData(second, '次の10件')).toBeUndefined();
    const all = [...loanTitles(first), ...loanTitles(second)];
    expect(new Set(all).size).toBe(14);
    for (const t of added) expect(all).toContain(t);

    // A loan on the second page is renewed like any other.
    const card = infoCards(second).find((c) => c.actions.some((a) => a.label === '延長する'))!;
    const renew = card.actions.find((a) => a.label === '延長する') as { data: string };
    const confirm = await h.tap(u, renew.data);
    expect(wordsOf(confirm)).toContain(`『${card.title}』の貸出期間を延長しますか？`);

    const back = await h.tap(u, buttonData(second, '前の10件')!);
    expect(loanTitles(back)).toEqual(loanTitles(first));
  });

  it('R-LOAN-4: reserving a title on loan suggests 延長する only when the renewal would be granted', async () => {
    const u = h.user(43);
    await h.login(u, TARO, 'k7Tm2qX9');
    const reserve = async (title: string) => {
      const found = await h.say(u, `書名:${title}`);
      const cards = found.flatMap((r) => (r.kind === 'titles' ? r.cards : []));
      const button = cards.find((c) => c.title === title)!.actions.find((a) => a.label === '予約申込');
      return wordsOf(await h.tap(u, (button as { data: string }).data));
    };
    // こころ is overdue: no renewal, and the patron is told why and what to do.
    const overdue = await reserve('こころ');
    expect(overdue).toContain('この資料は現在お借りになっているため、予約できません。');
    expect(overdue).toContain('を過ぎている資料は延長できません。お早めに図書館へご返却ください。');
    expect(overdue).not.toContain('延長をお試しください');
    expect(overdue).not.toContain('延長できます');

    const [fresh] = await lendMore(1);
    const renewable = await reserve(fresh!);
    expect(renewable).toContain('この資料は現在お借りになっているため、予約できません。');
    expect(renewable).toContain('「ご利用状況」の「延長する」から貸出期間を延長できます。');
  });
});
