import {
  cardWords,
  formatDate,
  holdServiceNotices as m,
  holdServices,
  noticeMessages,
  ownKeywords,
  patronChat,
} from '../messages/current.js';
import type { Action, Reply } from '../conversation/reply.js';

// The notices of issue 26 as a LINE card and as a mail: a hold cancelled after its 不要日 (R-RES-12)
// and an overdue loan (R-NOTE-1). cards.ts and mail-content.ts ask here for the kinds they lack.

const statusButton = (): Action => ({
  kind: 'message',
  label: patronChat.buttons.status,
  text: ownKeywords.status[0]!,
});
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function holdServiceNoticeReply(kind: string, p: Record<string, unknown>): Reply | undefined {
  const title = str(p.title);
  const titleRow = { label: noticeMessages.titleLabel, value: title ? `『${title}』` : '—' };
  switch (kind) {
    case 'hold_not_needed':
      return {
        kind: 'cards',
        altText: m.holdNotNeeded.alt(title),
        cards: [
          {
            title: m.holdNotNeeded.cardHeading,
            rows: [titleRow, { label: m.holdNotNeeded.dateLabel, value: formatDate(str(p.notNeededAfter)) || '—' }],
            note: m.holdNotNeeded.note,
            actions: [statusButton()],
          },
        ],
      };
    case 'overdue_notice':
      return {
        kind: 'cards',
        altText: m.overdue.alt(title),
        cards: [
          {
            title: m.overdue.cardHeading,
            rows: [
              titleRow,
              { label: patronChat.dueDateLabel, value: formatDate(str(p.dueDate)) || '—', emphasis: true },
            ],
            note: m.overdue.note,
            actions: [statusButton()],
          },
        ],
      };
    default:
      return undefined;
  }
}

export function holdServiceMail(
  kind: string,
  p: Record<string, unknown>,
): { subject: string; blocks: string[] } | undefined {
  const title = cardWords.quotedTitle(str(p.title));
  switch (kind) {
    case 'hold_not_needed':
      return {
        subject: m.holdNotNeeded.heading,
        blocks: [
          [
            m.holdNotNeeded.heading,
            title,
            cardWords.row(holdServices.notNeededLabel, formatDate(str(p.notNeededAfter))),
          ].join('\n'),
          m.holdNotNeeded.note,
        ],
      };
    case 'overdue_notice':
      return {
        subject: m.overdue.heading,
        blocks: [
          `${m.overdue.heading}\n${title}\n${cardWords.row(patronChat.dueDateLabel, formatDate(str(p.dueDate)))}`,
          m.overdue.note,
        ],
      };
    default:
      return undefined;
  }
}
