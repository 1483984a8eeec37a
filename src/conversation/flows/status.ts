import { formatDateJa, holdStatusLabel, patronChat, refusalMessage } from '../../messages/ja/index.js';
import type { Flow } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type InfoCard, type Reply } from '../reply.js';
import { failureReply, loggedOutMenu, loginButtonReply, menuActions, requireLogin } from './common.js';

const MAX_CARDS = 10;

/** ご利用状況 (R-LOAN-1, R-RES-7, R-RES-9): loans with 延長する, holds with 取消する, and the hold slots used. */
export const statusFlow: Flow = {
  name: 'status',
  states: {},
  steps: {
    // After the login the status is shown at once (flows/login.ts): it is what was asked for.
    show: (ctx) =>
      requireLogin(ctx, { flow: 'status', step: 'show', args: [] }) ?? {
        replies: [],
        effects: [{ kind: 'status' }],
        then: 'render',
      },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    render(ctx) {
      const r = ctx.facts.status;
      if (!r) return { replies: [text(patronChat.notLoggedIn, loggedOutMenu)] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      const s = r.value;
      const activeHolds = s.holds.length;
      // R-ELIG-2: no hold slots (予約 0/5件) for a patron who may not reserve; the reason is said instead.
      const header = s.reserve
        ? patronChat.statusHeaderNoReserve(s.name, s.loans.length, activeHolds)
        : patronChat.statusHeader(s.name, s.loans.length, activeHolds, s.holdLimit);
      const replies: Reply[] = [text(header)];
      if (s.loans.length === 0) replies.push(text(patronChat.noLoans));
      else
        replies.push({
          kind: 'cards',
          altText: `貸出中 ${s.loans.length}冊`,
          cards: s.loans.slice(0, MAX_CARDS).map(loanCard),
        });
      if (s.loans.length > MAX_CARDS) replies.push(text(patronChat.moreLoans(s.loans.length - MAX_CARDS)));
      if (activeHolds === 0)
        replies.push(text(s.reserve ? refusalMessage(s.reserve) : patronChat.noHolds, menuActions));
      else
        replies.push({
          kind: 'cards',
          altText: `予約 ${activeHolds}件`,
          cards: s.holds.slice(0, MAX_CARDS).map(holdCard),
          quickReplies: menuActions,
        });
      return { replies: replies.slice(0, 5) };
    },
  },
};

type Status = Extract<NonNullable<import('../effects.js').Facts['status']>, { ok: true }>['value'];

function loanCard(l: Status['loans'][number]): InfoCard {
  const renew = l.renewal.ok ? encodePostback('renew', 'confirm', l.loanId) : undefined;
  const reason =
    !l.renewal.ok && l.renewal.failure.kind === 'refused' ? refusalMessage(l.renewal.failure.refusal) : undefined;
  return {
    title: l.title,
    rows: [
      { label: patronChat.dueDateLabel, value: formatDateJa(l.dueDate), emphasis: l.overdue },
      ...(l.overdue ? [{ label: '', value: patronChat.overdue, emphasis: true }] : []),
    ],
    ...(reason ? { note: reason } : {}),
    actions: renew
      ? [{ kind: 'postback', label: patronChat.buttons.renew, data: renew, displayText: patronChat.buttons.renew }]
      : [],
  };
}

function holdCard(h: Status['holds'][number]): InfoCard {
  const cancel = h.cancel === null ? encodePostback('cancel', 'confirm', h.holdId) : undefined;
  return {
    title: h.title,
    rows: [
      {
        label: patronChat.holdStateLabel,
        value: holdStatusLabel(h.status, h.position ?? undefined),
        emphasis: h.status === 'ready',
      },
      { label: patronChat.pickupBranchLabel, value: h.branchName },
      ...(h.pickupDeadline
        ? [{ label: patronChat.pickupDeadlineLabel, value: formatDateJa(h.pickupDeadline), emphasis: true }]
        : []),
    ],
    ...(h.cancel ? { note: refusalMessage(h.cancel) } : {}),
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
