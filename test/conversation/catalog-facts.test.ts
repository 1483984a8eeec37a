import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, TitleCard, TitleDetailCard } from '../../src/conversation/reply.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

// Issue 23, item 9: what the catalog says of a title must not contradict itself.
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const U = () => h.user(91);
const cardsOf = (r: Reply[]) => (r.find((x) => x.kind === 'titles') as { cards: TitleCard[] }).cards;
const detailOf = (r: Reply[]) => (r.find((x) => x.kind === 'titleDetail') as { card: TitleDetailCard }).card;

async function detail(q: string, title: string): Promise<{ card: TitleCard; detail: Reply[] }> {
  const card = cardsOf(await h.say(U(), q)).find((c) => c.title === title)!;
  const data = card.actions.find((a) => a.label === '詳細を見る') as { data: string };
  return { card, detail: await h.tap(U(), data.data) };
}

describe('what a title says of itself', () => {
  it('R-RES-1 / R-SRCH-4: the latest issue of a magazine says 館内閲覧のみ, never 貸出可 / 貸出：○', async () => {
    const { card, detail: d } = await detail('Newton', 'Newton 2027年1月号');
    expect(card.availability).toBe('館内閲覧のみ');
    expect(card.actions.map((a) => a.label)).not.toContain('予約申込');
    const c = detailOf(d);
    expect(c.copies.map((x) => x.state)).toEqual(['館内閲覧のみ']);
    expect(wordsOf(d)).not.toContain('貸出可');
    expect(c.footer.join()).toContain('最新号は館内でご覧いただけます');
    // A back issue is lent as before.
    expect(cardsOf(await h.say(U(), 'Newton')).find((x) => x.title === 'Newton 2026年12月号')?.availability).toBe(
      '貸出：○',
    );
  });

  it('R-SRCH-4: a reference book for the library only, on the shelf, says 館内閲覧のみ, not 貸出：×', async () => {
    const { card, detail: d } = await detail('広辞苑', '広辞苑 第七版');
    expect(card.availability).toBe('館内閲覧のみ');
    expect(detailOf(d).copies.every((x) => x.state === '館内閲覧のみ')).toBe(true);
    // A title whose copies are all out still says 貸出：×.
    expect(
      cardsOf(await h.say(U(), '街とその不確かな壁')).find((x) => x.title === '街とその不確かな壁')?.availability,
    ).toBe('貸出：×');
  });

  it('R-RES-1: a card nobody may reserve (館内閲覧のみ, a latest issue) prints no 予約件数：0件', async () => {
    const newton = cardsOf(await h.say(U(), 'Newton'));
    expect(newton.find((c) => c.title === 'Newton 2027年1月号')!.lines.join()).not.toContain('予約件数');
    expect(newton.find((c) => c.title === 'Newton 2026年12月号')!.lines).toContain('予約件数：0件');
    const kojien = cardsOf(await h.say(U(), '広辞苑')).find((c) => c.title === '広辞苑 第七版')!;
    expect(kojien.lines.join()).not.toContain('予約件数');
  });

  it('R-SRCH-4: 館内閲覧のみ is not drawn in the red of 貸出：× (it is on the shelf to read)', async () => {
    const kojien = cardsOf(await h.say(U(), '広辞苑')).find((c) => c.title === '広辞苑 第七版')!;
    const out = cardsOf(await h.say(U(), '街とその不確かな壁')).find((c) => c.title === '街とその不確かな壁')!;
    const colorOf = (card: TitleCard) => {
      const flex = JSON.stringify(toLineMessages([{ kind: 'titles', altText: 'x', cards: [card] }]));
      return new RegExp(`"text":"${card.availability}"[^}]*"color":"(#[0-9A-Fa-f]{6})"`).exec(flex)?.[1];
    };
    expect(colorOf(out)).toBeDefined();
    expect(colorOf(kojien)).toBeDefined();
    expect(colorOf(kojien)).not.toBe(colorOf(out));
  });

  it('R-SRCH-5: 予約件数 is shown once in a detail, also for a title without an author', async () => {
    const { detail: d } = await detail('Newton', 'Newton 2026年11月号');
    expect(wordsOf(d).match(/予約件数/g)).toHaveLength(1);
    const { detail: book } = await detail('吾輩は猫である', '吾輩は猫である');
    expect(wordsOf(book).match(/予約件数/g)).toHaveLength(1);
  });

  it('back issues of a magazine are listed newest first', async () => {
    const titles = (r: Reply[]) => cardsOf(r).map((c) => c.title);
    expect(titles(await h.say(U(), 'Newton'))).toEqual([
      'Newton 2027年1月号',
      'Newton 2026年12月号',
      'Newton 2026年11月号',
      'Newton 2026年10月号',
    ]);
    expect(titles(await h.say(U(), 'きょうの料理'))).toEqual([
      'きょうの料理 2026年12月号',
      'きょうの料理 2026年11月号',
      'きょうの料理 2026年10月号',
      'きょうの料理 2026年9月号',
    ]);
  });

  it('R-SRCH-1: search results page back with 前の10件 as well as on with 次の10件', async () => {
    const first = await h.say(U(), '分類:C');
    expect(buttonData(first, '前の10件')).toBeUndefined();
    const second = await h.tap(U(), buttonData(first, '次の10件')!);
    expect(wordsOf(second)).toContain('（11〜20件目）');
    const back = await h.tap(U(), buttonData(second, '前の10件')!);
    expect(wordsOf(back)).toContain('（1〜10件目）');
    expect(cardsOf(back).map((c) => c.title)).toEqual(cardsOf(first).map((c) => c.title));
  });
});
