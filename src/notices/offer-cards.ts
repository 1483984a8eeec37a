import { noticeMessages, offerMessages as m } from '../messages/current.js';
import { encodePostback } from '../conversation/postback.js';
import type { Action, Reply } from '../conversation/reply.js';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The hold manager's offer (R-WISH-3) and the next volume's (R-SER-1): one card whose 予約申込
 * starts the reservation flow, which reads the rules and the cap again at the tap and confirms
 * before anything is placed. Undefined for other kinds, or a payload without a title id.
 */
export function offerReply(
  kind: string,
  payload: Record<string, unknown>,
  branchName: (code: string) => string,
): Reply | undefined {
  const bibId = str(payload.bibId);
  const title = str(payload.title);
  const data = /^\d{1,18}$/.test(bibId) ? encodePostback('reserve', 'start', bibId) : undefined;
  if (!data) return undefined;
  const reserve: Action = { kind: 'postback', label: m.reserveButton, data, displayText: m.reserveButton };
  const titleRow = { label: noticeMessages.titleLabel, value: title ? `『${title}』` : '—' };
  if (kind === 'wish_offer') {
    const shelf = str(payload.onShelfAt);
    return {
      kind: 'cards',
      altText: m.wish.alt(title),
      cards: [
        {
          title: m.wish.cardHeading,
          rows: [titleRow],
          note: [...(shelf ? [m.wish.atUsualBranch(branchName(shelf))] : []), m.wish.note].join('\n'),
          actions: [reserve],
        },
      ],
    };
  }
  if (kind === 'series_offer') {
    return {
      kind: 'cards',
      altText: m.series.alt(title),
      cards: [
        {
          title: m.series.cardHeading,
          rows: [titleRow],
          note: m.series.note(str(payload.previousTitle)),
          actions: [reserve],
        },
      ],
    };
  }
  return undefined;
}
