import { holdServices as hs, ownKeywords } from '../../messages/current.js';
import type { HoldSlots } from '../../domain/hold-slots.js';
import type { HoldServiceFacts } from '../../services/hold-service-status.js';
import { encodePostback } from '../postback.js';
import type { Action, InfoCard } from '../reply.js';

/** R-RES-14: the header's 予約 line with the slots per channel (「予約：4/5件（窓口1・インターネット3）」). */
export function statusHeaderWithSlots(header: string, slots: HoldSlots): string {
  return header.replace(/予約：\d+\/\d+件/, hs.holdSlots(slots.used, slots.limit, slots.byChannel));
}

const button = (label: string, data: string | undefined): Action[] =>
  data ? [{ kind: 'postback', label, data, displayText: label }] : [];

/**
 * Issue 26 on a hold card: the suspension and 不要日 rows, the expected wait (R-RES-13, labelled
 * 目安), and the buttons 受取館変更 and 一時停止 / 再開する beside 取消する (three at most).
 */
export function holdCardExtras(h: HoldServiceFacts & { holdId: string }, card: InfoCard): InfoCard {
  const rows = [...card.rows];
  if (h.suspendedUntil)
    rows.push({ label: hs.suspendedLabel, value: hs.suspendedUntil(h.suspendedUntil), emphasis: true });
  if (h.notNeededAfter) rows.push({ label: hs.notNeededLabel, value: hs.notNeededAfter(h.notNeededAfter) });
  if (h.wait) rows.push({ label: hs.waitLabel, value: hs.waitRange(h.wait.fromWeeks, h.wait.toWeeks) });
  const actions = [
    ...card.actions,
    ...(h.canChangePickup ? button(hs.buttons.changePickup, encodePostback('pickup', 'start', h.holdId)) : []),
    ...(h.suspendedUntil
      ? button(hs.buttons.resume, encodePostback('resume', 'confirm', h.holdId))
      : h.canPause
        ? button(hs.buttons.suspend, encodePostback('pause', 'start', h.holdId))
        : []),
  ].slice(0, 3);
  const note = h.wait && !card.note ? hs.waitNote : card.note;
  return { ...card, rows, actions, ...(note ? { note } : {}) };
}

/** A button that sends a keyword: its label when the label is one (ぜんぶ えんちょう), else the first. */
const keywordButton = (label: string, keywords: readonly string[]): Action => ({
  kind: 'message',
  label,
  text: keywords.includes(label) ? label : keywords[0]!,
});

/** まとめて延長 when a loan may be renewed, and 通知設定, before the menu's quick replies. */
export function statusQuickReplies(s: { loans: { renewal: { ok: boolean } }[] }, menu: readonly Action[]): Action[] {
  const renewAll = s.loans.some((l) => l.renewal.ok) ? [keywordButton(hs.buttons.renewAll, ownKeywords.renewAll)] : [];
  return [...renewAll, keywordButton(hs.buttons.reminders, ownKeywords.reminders), ...menu];
}
