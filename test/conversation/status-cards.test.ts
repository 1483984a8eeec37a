import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoCard, Reply } from '../../src/conversation/reply.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { noticeMessages } from '../../src/messages/ja/index.js';
import { noticeReply } from '../../src/notices/cards.js';
import { chatHarness, type ChatHarness } from '../helpers/chat.js';

/**
 * What the cards of ご利用状況 and of the pushes say, as a patron reads them (issue 23, item 10).
 * How they are laid out at 360 px is proved in Chromium: test/devchat/flex-layout.browser.test.ts.
 */
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

const cardsOf = (replies: readonly Reply[]): InfoCard[][] =>
  replies.flatMap((r) => (r.kind === 'cards' ? [r.cards] : []));

describe('the cards of ご利用状況', () => {
  it('each loan and hold card names its list and its place in it: the two carousels look alike', async () => {
    const taro = h.user(1);
    await h.login(taro, '2000000001', 'k7Tm2qX9');
    const [loans, holds] = cardsOf(await h.say(taro, 'ご利用状況'));
    expect(loans!.map((c) => c.heading)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `貸出中の資料 ${n}/6`));
    expect(holds!.map((c) => c.heading)).toEqual(['予約中の資料 1/1']);
    // The heading is the card's first line in LINE, above the title.
    const bubble = JSON.stringify(toLineMessages([{ kind: 'cards', altText: 'x', cards: [loans![0]!] }]));
    expect(bubble.indexOf('貸出中の資料 1/6')).toBeLessThan(bubble.indexOf(loans![0]!.title));
  });

  it('the overdue row has a label of its own, 状態, not a bare 「—」', async () => {
    const [loans] = cardsOf(await h.say(h.user(1), 'ご利用状況'));
    const kokoro = loans!.find((c) => c.title === 'こころ')!;
    expect(kokoro.rows).toContainEqual({ label: '状態', value: '返却予定日を過ぎています', emphasis: true });
    expect(loans!.flatMap((c) => c.rows).every((r) => r.label.trim() !== '')).toBe(true);
  });
});

describe('the heading of a push', () => {
  it('breaks between its phrases, and says the words of the mail subject', () => {
    const kinds = ['holdReady', 'holdExpired', 'pickupReminder', 'dueReminder', 'loanReserved'] as const;
    for (const k of kinds) {
      const m = noticeMessages[k];
      expect(m.cardHeading).toContain('\n');
      expect(m.cardHeading.replaceAll('\n', '')).toBe(m.heading);
    }
    const ready = noticeReply(
      { kind: 'hold_ready', loanId: null, payload: { title: '坊っちゃん', pickupBranch: 'honkan' } },
      () => '本館',
    );
    expect(JSON.stringify(toLineMessages([ready!]))).toContain('"text":"ご予約の資料を\\nご用意しました"');
  });
});
