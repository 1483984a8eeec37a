// The line of holds on one title (R-RES-3, R-RES-7). Walk-in patrons come first
// because an online hold only joins the line when it becomes official; from then
// on, order is first come, first served by the moment a hold became official.

import type { IsoDate } from './dates.js';
import type { HoldStatus } from './hold-status.js';
import { isSuspended } from './hold-pauses.js';

/** Holds that have a place in line: official and not yet ended. 依頼中 has none. */
export const POSITIONED_STATUSES: readonly HoldStatus[] = ['queued', 'in_transit', 'ready'];

export interface QueuedHold {
  id: string;
  status: HoldStatus;
  /** When the hold became official; null while it is 依頼中. */
  officialAt: Date | null;
  /**
   * When the patron placed it. Optional tie-break: the morning promotion may
   * make many online holds official at the same instant, and among those the
   * one placed first should stay first (rather than the smaller id).
   */
  requestedAt?: Date | null;
  /** R-RES-11: suspended through this day: it keeps its place but takes no copy. */
  suspendedUntil?: IsoDate | null;
}

/**
 * Line order: officialAt; on a tie (the morning promotion run) requestedAt;
 * then id, so that the order is always total and fixed. A
 * positioned hold without officialAt breaks an invariant (counter holds are
 * official at once, online holds get it at promotion); it goes to the end of
 * the line rather than making the patron's whole hold list fail.
 */
/** Epoch ms; a missing or invalid instant sorts last (NaN would break sorting). */
function timeKey(d: Date | null | undefined): number {
  const t = d?.getTime();
  return t === undefined || Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

function lineOrder(a: QueuedHold, b: QueuedHold): number {
  const ta = timeKey(a.officialAt);
  const tb = timeKey(b.officialAt);
  if (ta !== tb) return ta < tb ? -1 : 1;
  // A hold without requestedAt counts as requested when it became official
  // (true of counter holds); a total key keeps the comparator transitive.
  const ra = a.requestedAt == null ? ta : timeKey(a.requestedAt);
  const rb = b.requestedAt == null ? tb : timeKey(b.requestedAt);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function inLine<T extends QueuedHold>(holds: readonly T[]): T[] {
  return holds.filter((h) => POSITIONED_STATUSES.includes(h.status)).sort(lineOrder);
}

/**
 * Positions 1..n, without gaps, of the holds of ONE title that are in line.
 * Ready and in-transit holds keep their place: they are still 予約 until the
 * copy is lent, and the library shows N位 for every official hold not yet ready
 * (R-RES-7), so a hold behind them is correctly told it is not first.
 */
export function queuePositions<T extends QueuedHold>(holds: readonly T[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const [i, h] of inLine(holds).entries()) positions.set(h.id, i + 1);
  return positions;
}

/**
 * The hold a returned or shelved copy of the title should go to: the first
 * queued hold in line. Holds already in transit or ready have their copy;
 * 依頼中 holds are not official yet and must not take a copy from walk-ins.
 * R-RES-11: a hold suspended on `today` is passed over; it keeps its place for later.
 */
export function holdToTrap<T extends QueuedHold>(holds: readonly T[], today?: IsoDate): T | undefined {
  return inLine(holds).find((h) => h.status === 'queued' && (today === undefined || !isSuspended(h, today)));
}

/**
 * How many holds of the title a hold placed online now would find ahead of it once official
 * (R-RES-3), for the 予約確認: every hold in line, and every 依頼中 hold, which was placed earlier
 * and becomes official no later (on a tie, the one requested first stays first). An estimate, and
 * said as one: a counter or phone hold taken before the new hold becomes official also goes ahead.
 */
export function holdsAheadOfNewOnlineHold(holds: readonly Pick<QueuedHold, 'status'>[]): number {
  return holds.filter((h) => h.status === 'requested' || POSITIONED_STATUSES.includes(h.status)).length;
}
