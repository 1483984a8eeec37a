import { isRefusalCode } from '../domain/refusals.js';
import {
  formatDate,
  noticeMessages as m,
  patronChat,
  refusalMessage,
  ownKeywords,
  cardWords,
} from '../messages/current.js';
import { encodePostback } from '../conversation/postback.js';
import type { Action, InfoCard, Reply } from '../conversation/reply.js';
import { holdServiceNoticeReply } from './hold-service-cards.js';
import { offerReply } from './offer-cards.js';

/**
 * A notice as the bot says it: one card with the facts and the button that leads on. Pure, like a
 * step; line/outbound.ts turns it into a Flex message. The payload was written with the notice, so
 * every field is read defensively: a card never shows "undefined".
 */
export interface NoticeToRender {
  kind: string;
  loanId: string | null;
  payload: Record<string, unknown>;
}

const statusButton = (): Action => ({
  kind: 'message',
  label: patronChat.buttons.status,
  text: ownKeywords.status[0]!,
});

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function noticeReply(n: NoticeToRender, branchName: (code: string) => string): Reply | undefined {
  const p = n.payload;
  const title = str(p.title);
  const titleRow = { label: m.titleLabel, value: title ? cardWords.quotedTitle(title) : '—' };
  const branchRow = { label: patronChat.pickupBranchLabel, value: branchName(str(p.pickupBranch)) || '—' };
  const deadlineRow = {
    label: patronChat.pickupDeadlineLabel,
    value: formatDate(str(p.pickupDeadline)) || '—',
    emphasis: true,
  };
  const dueRow = { label: patronChat.dueDateLabel, value: formatDate(str(p.dueDate)) || '—', emphasis: true };
  switch (n.kind) {
    case 'hold_ready':
      return card(m.holdReady.alt(title), {
        title: m.holdReady.cardHeading,
        rows: [titleRow, branchRow, deadlineRow],
        note: m.holdReady.note,
        actions: [statusButton()],
      });
    case 'hold_expired':
      return card(m.holdExpired.alt(title), {
        title: m.holdExpired.cardHeading,
        rows: [...(title ? [titleRow] : []), branchRow],
        note: m.holdExpired.note,
        actions: [statusButton()],
      });
    case 'pickup_reminder':
      return card(m.pickupReminder.alt(title, str(p.pickupDeadline)), {
        title: m.pickupReminder.cardHeading,
        rows: [titleRow, branchRow, deadlineRow],
        note: m.pickupReminder.note,
        actions: [statusButton()],
      });
    case 'due_reminder':
      return card(m.dueReminder.alt(title, str(p.dueDate)), {
        title: m.dueReminder.cardHeading,
        rows: [titleRow, dueRow],
        ...renewal(n),
      });
    case 'loan_reserved':
      return card(m.loanReserved.alt(title), {
        title: m.loanReserved.cardHeading,
        rows: [titleRow, dueRow],
        note: m.loanReserved.note,
        actions: [statusButton()],
      });
    case 'due_date_moved':
      return card(m.dueDateMoved.alt(title, str(p.dueDate)), {
        title: m.dueDateMoved.cardHeading,
        rows: [titleRow, { label: m.dueDateMoved.fromLabel, value: formatDate(str(p.from)) || '—' }, dueRow],
        note: m.dueDateMoved.note,
        actions: [statusButton()],
      });
    case 'pickup_deadline_moved':
      return card(m.pickupDeadlineMoved.alt(title, str(p.pickupDeadline)), {
        title: m.pickupDeadlineMoved.cardHeading,
        rows: [
          titleRow,
          branchRow,
          { label: m.pickupDeadlineMoved.fromLabel, value: formatDate(str(p.from)) || '—' },
          deadlineRow,
        ],
        note: m.pickupDeadlineMoved.note,
        actions: [statusButton()],
      });
    case 'email_confirmed':
      return card(m.emailConfirmed.alt, {
        title: m.emailConfirmed.heading,
        rows: [{ label: m.emailConfirmed.addressLabel, value: str(p.email) || '—' }],
        note: m.emailConfirmed.note,
        actions: [],
      });
    default:
      return holdServiceNoticeReply(n.kind, p) ?? offerReply(n.kind, p, branchName);
  }
}

/**
 * The due reminder's one tap: 延長する starts the renew flow (its confirmation shows the new due
 * date) only when renewal was allowed when the reminder was written; otherwise the reason.
 */
function renewal(n: NoticeToRender): Pick<InfoCard, 'note' | 'actions'> {
  const data = n.loanId ? encodePostback('renew', 'confirm', n.loanId) : undefined;
  if (n.payload.renewable === true && data) {
    return {
      note: m.dueReminder.renewable,
      actions: [{ kind: 'postback', label: patronChat.buttons.renew, data, displayText: patronChat.buttons.renew }],
    };
  }
  const r = n.payload.refusal as { code?: unknown; params?: Record<string, string | number> } | null | undefined;
  const reason =
    r && typeof r.code === 'string' && isRefusalCode(r.code)
      ? refusalMessage({ code: r.code, ...(r.params ? { params: r.params } : {}) })
      : m.dueReminder.returnBy;
  return { note: reason, actions: [statusButton()] };
}

function card(altText: string, c: InfoCard): Reply {
  return { kind: 'cards', altText, cards: [c] };
}
