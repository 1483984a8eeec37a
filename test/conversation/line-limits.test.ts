import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Reply } from '../../src/conversation/reply.js';
import { limitViolations } from '../../src/line/limits.js';
import { toLineMessages } from '../../src/line/outbound.js';

/**
 * Whatever a flow puts in a reply — very long titles, emoji, too many cards, buttons or quick
 * replies — the LINE messages made from it stay inside LINE's limits (5 messages, 13 quick
 * replies with labels ≤ 20, carousel ≤ 12 bubbles and 50 KB, postback data ≤ 300, text ≤ 5000).
 */
const str = (max: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('猫', '📚', 'ｱ', 'a', ' ', '\n'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
    ),
    maxLength: max,
  });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('postback' as const),
    label: str(40).filter((s) => s.trim() !== ''),
    data: str(500).filter((s) => s !== ''),
    displayText: str(400),
  }),
  fc.record({
    kind: fc.constant('message' as const),
    label: str(40).filter((s) => s.trim() !== ''),
    text: str(400).filter((s) => s !== ''),
  }),
  fc.record({
    kind: fc.constant('uri' as const),
    label: str(40).filter((s) => s.trim() !== ''),
    uri: fc.constant('https://library.example.jp/login?linkToken=abc'),
  }),
);
const actions = (max: number) => fc.array(action, { maxLength: max });
const card = fc.record({
  title: str(600),
  lines: fc.array(str(300), { maxLength: 6 }),
  availability: fc.constantFrom('貸出：○', '貸出：×', '館内閲覧のみ'),
  availabilityKind: fc.constantFrom('lendable' as const, 'out' as const, 'in_library_only' as const),
  marks: fc.array(fc.constantFrom('YA', '紙芝居'), { maxLength: 2 }),
  actions: actions(3),
});
const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: str(7000), quickReplies: actions(20) }),
  fc.record({
    kind: fc.constant('titles' as const),
    altText: str(600),
    cards: fc.array(card, { maxLength: 15 }),
    quickReplies: actions(20),
  }),
  fc.record({
    kind: fc.constant('titleDetail' as const),
    altText: str(600),
    card: fc.record({
      title: str(600),
      lines: fc.array(str(300), { maxLength: 4 }),
      marks: fc.array(fc.constantFrom('YA', '紙芝居'), { maxLength: 2 }),
      copies: fc.array(
        fc.record({
          branch: str(10),
          callNumber: str(80),
          state: fc.constantFrom('貸出可', '貸出中'),
          lendable: fc.boolean(),
        }),
        { maxLength: 30 },
      ),
      footer: fc.array(str(600), { maxLength: 3 }),
      actions: actions(6),
    }),
  }),
  fc.record({
    kind: fc.constant('cards' as const),
    altText: str(600),
    cards: fc.array(
      fc.record({
        title: str(400),
        rows: fc.array(fc.record({ label: str(20), value: str(300) }), { maxLength: 5 }),
        note: str(800),
        actions: actions(5),
      }),
      { maxLength: 20 },
    ),
  }),
  fc.record({ kind: fc.constant('buttons' as const), altText: str(600), text: str(3000), actions: actions(6) }),
);

describe('LINE limits', () => {
  it('every reply becomes LINE messages inside the limits', () => {
    fc.assert(
      fc.property(fc.array(reply, { minLength: 1, maxLength: 8 }), (replies) => {
        expect(limitViolations(toLineMessages(replies))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the limit checker itself catches a broken message', () => {
    expect(limitViolations([{ type: 'text', text: 'x'.repeat(5001) }])).not.toEqual([]);
    expect(limitViolations(Array.from({ length: 6 }, () => ({ type: 'text', text: 'x' })))).not.toEqual([]);
    expect(
      limitViolations([
        {
          type: 'text',
          text: 'x',
          quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'x'.repeat(21), text: 'x' } }] },
        },
      ]),
    ).not.toEqual([]);
  });
});
