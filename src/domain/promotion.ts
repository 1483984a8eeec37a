// R-RES-3: a hold placed online (web, OPAC, LINE) stays 依頼中 and becomes
// official on the morning of the next opening day, so that walk-in patrons of
// the day it was placed come first.
//
// Whose calendar? The PICKUP branch's. The patron chose that branch and sees
// its opening days; the promotion is the library's morning work on the day
// that branch opens. All branches share the Monday and year-end closures, so
// the choice only matters on a day one branch alone is closed, and then the
// patron's own branch is the one the promise should follow.

import { nextOpeningDayAfter } from './calendar.js';
import type { BranchCalendar } from './calendar.js';
import { tokyoDate, tokyoStartOfDay } from './dates.js';
import type { IsoDate } from './dates.js';

const MS_PER_HOUR = 3_600_000;

/**
 * The date an online hold becomes official: the first opening day strictly
 * after the Tokyo date it was requested, even when it was requested before
 * opening time on an opening day (that day's walk-ins still come first).
 */
export function officialDateFor(requestedAt: Date, cal: BranchCalendar): IsoDate {
  return nextOpeningDayAfter(cal, tokyoDate(requestedAt));
}

/** The instant from which the hold is due for promotion. */
/** `promoteHour`: the profile's holds.promotion.hour (Tokyo; Kamagaya 9). */
export function promotionInstant(requestedAt: Date, cal: BranchCalendar, promoteHour: number): Date {
  if (!Number.isInteger(promoteHour) || promoteHour < 0 || promoteHour > 23) {
    throw new Error(`promoteHour must be an hour 0..23, got ${promoteHour}`);
  }
  const day = officialDateFor(requestedAt, cal);
  return new Date(tokyoStartOfDay(day).getTime() + promoteHour * MS_PER_HOUR);
}

/**
 * Whether a 依頼中 hold should be official by `now`. A promotion job that ran
 * late (or not at all on some morning) catches up: once due, always due.
 */
export function promotionDue(requestedAt: Date, now: Date, cal: BranchCalendar, promoteHour: number): boolean {
  return now.getTime() >= promotionInstant(requestedAt, cal, promoteHour).getTime();
}
