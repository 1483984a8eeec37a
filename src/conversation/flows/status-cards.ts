import { branchName } from '../../messages/local-names.js';
import { formatDate, holdStatusLabel, patronChat, refusalMessage } from '../../messages/current.js';
import type { Facts } from '../effects.js';
import { encodePostback } from '../postback.js';
import type { InfoCard } from '../reply.js';

// The cards of ご利用状況: one per loan (延長する) and per hold (取消する); flows/status.ts and
// flows/family-status.ts show them.

/** Cards a carousel shows (LINE allows 12). */
export const MAX_CARDS = 10;

type Status = Extract<NonNullable<Facts['status']>, { ok: true }>['value'];

export function loanCard(l: Status['loans'][number], heading: string): InfoCard {
  const renew = l.renewal.ok ? encodePostback('renew', 'confirm', l.loanId) : undefined;
  const reason =
    !l.renewal.ok && l.renewal.failure.kind === 'refused' ? refusalMessage(l.renewal.failure.refusal) : undefined;
  return {
    heading,
    title: l.title,
    rows: [
      { label: patronChat.dueDateLabel, value: formatDate(l.dueDate), emphasis: l.overdue },
      ...(l.overdue ? [{ label: patronChat.loanStateLabel, value: patronChat.overdue, emphasis: true }] : []),
    ],
    ...(reason ? { note: reason } : {}),
    actions: renew
      ? [{ kind: 'postback', label: patronChat.buttons.renew, data: renew, displayText: patronChat.buttons.renew }]
      : [],
  };
}

export function holdCard(h: Status['holds'][number], heading: string): InfoCard {
  const cancel = h.cancel === null ? encodePostback('cancel', 'confirm', h.holdId) : undefined;
  return {
    heading,
    title: h.title,
    rows: [
      {
        label: patronChat.holdStateLabel,
        value: holdStatusLabel(h.status, h.position ?? undefined),
        emphasis: h.status === 'ready',
      },
      { label: patronChat.pickupBranchLabel, value: branchName(h.branchName) },
      ...(h.pickupDeadline
        ? [{ label: patronChat.pickupDeadlineLabel, value: formatDate(h.pickupDeadline), emphasis: true }]
        : []),
    ],
    ...(h.cancel ? { note: refusalMessage(h.cancel) } : firstInLine(h) ? { note: patronChat.firstInLineNote } : {}),
    actions: cancel
      ? [
          {
            kind: 'postback',
            label: patronChat.buttons.cancelHold,
            data: cancel,
            displayText: patronChat.buttons.cancelHold,
          },
        ]
      : [],
  };
}

/** R-RES-7: 「1位」 is shown while the copy is still out or on its way; it is not yet to be borrowed. */
function firstInLine(h: Status['holds'][number]): boolean {
  return (h.status === 'queued' || h.status === 'in_transit') && h.position === 1;
}
