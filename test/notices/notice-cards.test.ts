import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeReply } from '../../src/notices/cards.js';
import { limitViolations } from '../../src/line/limits.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { noticeMessages, patronChat, refusalMessage } from '../../src/messages/ja/index.js';

const KINDS = [
  'hold_ready',
  'hold_expired',
  'pickup_reminder',
  'due_reminder',
  'loan_reserved',
  'email_confirmed',
  // Issue 26: R-RES-12, R-NOTE-1.
  'hold_not_needed',
  'overdue_notice',
];
const branchName = (code: string) => ({ honkan: '本館', tobu: '東部分館' })[code] ?? '';

describe('notice cards', () => {
  it('every kind is one Flex card within LINE limits, whatever its payload holds, and never shows "undefined"', () => {
    const payload = fc.record(
      {
        title: fc.oneof(fc.string({ maxLength: 600 }), fc.constant(undefined)),
        pickupBranch: fc.constantFrom('honkan', 'tobu', 'nowhere', undefined),
        pickupDeadline: fc.constantFrom('2026-12-18', 'not a date', undefined),
        dueDate: fc.constantFrom('2026-12-10', undefined),
        notNeededAfter: fc.constantFrom('2026-12-31', 'not a date', undefined),
        email: fc.oneof(fc.string({ maxLength: 254 }), fc.constant(undefined)),
        renewable: fc.boolean(),
        refusal: fc.constantFrom(null, { code: 'NOT_RENEWABLE_AV' }, { code: 'NO_SUCH_CODE' }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.option(fc.constantFrom('12', '99999')), payload, (kind, loanId, p) => {
        const reply = noticeReply({ kind, loanId, payload: p as Record<string, unknown> }, branchName);
        const messages = toLineMessages([reply!]);
        return (
          messages.length === 1 &&
          messages[0]!.type === 'flex' &&
          limitViolations(messages).length === 0 &&
          !JSON.stringify(messages).includes('undefined')
        );
      }),
    );
  });

  it('R-LOAN-2: a due reminder offers 延長する when renewal is allowed, else says why (R-LOAN-4)', () => {
    const base = { kind: 'due_reminder', loanId: '42', payload: { title: '坊っちゃん', dueDate: '2026-12-10' } };
    const yes = JSON.stringify(
      toLineMessages([noticeReply({ ...base, payload: { ...base.payload, renewable: true } }, branchName)!]),
    );
    expect(yes).toContain('"data":"renew|confirm|42"');
    expect(yes).toContain(patronChat.buttons.renew);
    expect(yes).toContain(noticeMessages.dueReminder.renewable);
    const no = JSON.stringify(
      toLineMessages([
        noticeReply(
          {
            ...base,
            payload: { ...base.payload, renewable: false, refusal: { code: 'NOT_RENEWABLE_ALREADY_RENEWED' } },
          },
          branchName,
        )!,
      ]),
    );
    expect(no).not.toContain('renew|confirm');
    expect(no).toContain(refusalMessage({ code: 'NOT_RENEWABLE_ALREADY_RENEWED' }));
  });

  it('unknown kinds are not rendered (the sender drops them with the reason)', () => {
    expect(noticeReply({ kind: 'email_confirmation', loanId: null, payload: {} }, branchName)).toBeUndefined();
  });
});
