// Changes a patron may make to a waiting hold without losing its place in line (issue 26):
// R-RES-10 the pickup branch, R-RES-11 a suspension until a date, R-RES-12 a 不要日 (not needed
// after a date). None of them touches officialAt, so the hold keeps its place (queue.ts); a
// suspended hold still counts towards the limit (R-RES-2: its status stays active).

import { addDays, compareDates, type IsoDate } from './dates.js';
import type { HoldStatus } from './hold-status.js';
import { isActiveHold } from './holds.js';
import { refuse, type Refusal } from './refusals.js';

/** A copy is already trapped for the hold: on its way, or on the hold shelf. */
const TRAPPED: readonly HoldStatus[] = ['in_transit', 'ready'];

/**
 * R-RES-10: the pickup branch of a 依頼中 or N位 hold may be changed; it keeps its place. A hold
 * whose copy is on its way or on the shelf is refused: staff must move the copy, so the patron
 * phones the branch (the caller adds its name and phone).
 */
export function pickupChangeRefusal(status: HoldStatus, from: string, to: string): Refusal | null {
  if (!isActiveHold(status)) return refuse('HOLD_NOT_ACTIVE');
  if (TRAPPED.includes(status)) return refuse('HOLD_PICKUP_NOT_CHANGEABLE');
  if (from === to) return refuse('HOLD_PICKUP_SAME_BRANCH');
  return null;
}

/** R-RES-11: suspended through `suspendedUntil` (inclusive); it takes copies again the day after. */
export function isSuspended(h: { suspendedUntil?: IsoDate | null }, today: IsoDate): boolean {
  return h.suspendedUntil != null && compareDates(h.suspendedUntil, today) >= 0;
}

/**
 * R-RES-11 and R-RES-12: a suspension or a 不要日 is for a hold still waiting (依頼中 or N位), on
 * a day from tomorrow (a 不要日: from today) up to the profile's `suspendMaxDays` ahead.
 */
export function pauseRefusal(
  status: HoldStatus,
  kind: 'suspend' | 'notNeededAfter',
  date: IsoDate,
  today: IsoDate,
  maxDays: number,
): Refusal | null {
  if (!isActiveHold(status)) return refuse('HOLD_NOT_ACTIVE');
  if (TRAPPED.includes(status)) return refuse('HOLD_NOT_PAUSABLE_TRAPPED');
  const first = kind === 'suspend' ? addDays(today, 1) : today;
  const last = addDays(today, maxDays);
  if (compareDates(date, first) < 0 || compareDates(date, last) > 0)
    return refuse('HOLD_PAUSE_DATE_OUT_OF_RANGE', { from: first, until: last });
  return null;
}

/** R-RES-11: resuming early is for a hold that is suspended now. */
export function resumeRefusal(
  h: { status: HoldStatus; suspendedUntil?: IsoDate | null },
  today: IsoDate,
): Refusal | null {
  if (!isActiveHold(h.status)) return refuse('HOLD_NOT_ACTIVE');
  if (!isSuspended(h, today)) return refuse('HOLD_NOT_SUSPENDED');
  return null;
}

/**
 * R-RES-12: a hold still waiting (no copy trapped) after its 不要日 is cancelled, with a notice.
 * One whose copy is on its way or ready is left alone: the patron gets what they waited for.
 */
export function isLapsed(h: { status: HoldStatus; notNeededAfter?: IsoDate | null }, today: IsoDate): boolean {
  return (
    (h.status === 'requested' || h.status === 'queued') &&
    h.notNeededAfter != null &&
    compareDates(h.notNeededAfter, today) < 0
  );
}

/** The suspension dates offered in the chat: a week, two weeks, a month (within the profile's maximum). */
export function suspensionChoices(today: IsoDate, maxDays: number): IsoDate[] {
  return [7, 14, 30].filter((d) => d <= maxDays).map((d) => addDays(today, d));
}

/** The 不要日 offered in the chat: one, two and three months ahead (within the profile's maximum). */
export function notNeededChoices(today: IsoDate, maxDays: number): IsoDate[] {
  return [30, 60, 90].filter((d) => d <= maxDays).map((d) => addDays(today, d));
}
