// The opening calendar of one branch: a weekly closing day plus listed closed
// dates (year-end holidays, inventory days ...). Every "opening day" rule of the
// library (hold shelf period, due dates, when an online hold becomes official)
// is counted on such a calendar.

import { addDays, weekdayOf } from './dates.js';
import type { IsoDate } from './dates.js';

export interface BranchCalendar {
  /** Weekdays the branch is closed every week, 0 = Sunday .. 6 = Saturday. */
  weeklyClosedDays: readonly number[];
  /** Individual closed dates on top of the weekly closing days. */
  closedDates: ReadonlySet<IsoDate>;
}

/**
 * How far any search for an opening day may look. Real closures last days or a
 * few weeks (year end, inventory); a gap this long means the calendar was set up
 * wrongly, and an unbounded loop would hang the request instead of saying so.
 */
export const MAX_CLOSED_RUN_DAYS = 400;

export function isOpeningDay(cal: BranchCalendar, d: IsoDate): boolean {
  return !cal.weeklyClosedDays.includes(weekdayOf(d)) && !cal.closedDates.has(d);
}

/** The first opening day strictly after d. Throws when the calendar has none within MAX_CLOSED_RUN_DAYS. */
export function nextOpeningDayAfter(cal: BranchCalendar, d: IsoDate): IsoDate {
  for (let i = 1; i <= MAX_CLOSED_RUN_DAYS; i++) {
    const candidate = addDays(d, i);
    if (isOpeningDay(cal, candidate)) return candidate;
  }
  throw new Error(`calendar misconfigured: no opening day within ${MAX_CLOSED_RUN_DAYS} days after ${d}`);
}

/** d itself when it is an opening day, otherwise the next one. */
export function openingDayOnOrAfter(cal: BranchCalendar, d: IsoDate): IsoDate {
  return isOpeningDay(cal, d) ? d : nextOpeningDayAfter(cal, d);
}

/** The n-th opening day strictly after d (n = 1 is nextOpeningDayAfter). */
export function nthOpeningDayAfter(cal: BranchCalendar, d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new Error(`nthOpeningDayAfter: n must be an integer >= 1, got ${n}`);
  let day = d;
  for (let i = 0; i < n; i++) day = nextOpeningDayAfter(cal, day);
  return day;
}

/**
 * R-RES-8: the last day a ready hold can be collected (受取期限), `shelfOpeningDays` being the
 * profile's holds.shelfOpeningDays (Kamagaya: 7, 確保日の翌開館日から７開館日). The first opening
 * day after the day the copy was secured is day 1; the hold expires only after the last day ended.
 */
export function pickupDeadline(cal: BranchCalendar, securedOn: IsoDate, shelfOpeningDays: number): IsoDate {
  return nthOpeningDayAfter(cal, securedOn, shelfOpeningDays);
}

/** A due date that falls on a closed day moves to the next opening day (returns need an open counter). */
export function dueDateOnOpeningDay(cal: BranchCalendar, d: IsoDate): IsoDate {
  return openingDayOnOrAfter(cal, d);
}

/** A closure that comes back every year, 'MM-DD' to 'MM-DD' (年末年始 …); it may wrap the new year. */
export interface YearlyClosure {
  start: string;
  end: string;
}

/**
 * The dates of yearly closures for every year in fromYear..toYear; a closure that wraps the new
 * year and begins in toYear ends in toYear + 1, so it is whole.
 */
export function yearlyClosedDates(spans: readonly YearlyClosure[], fromYear: number, toYear: number): IsoDate[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new Error(`yearlyClosedDates: bad year range ${fromYear}..${toYear}`);
  }
  const year = (y: number): string => String(y).padStart(4, '0');
  const out: IsoDate[] = [];
  for (const span of spans) {
    for (let y = fromYear; y <= toYear; y++) {
      const last = span.end >= span.start ? `${year(y)}-${span.end}` : `${year(y + 1)}-${span.end}`;
      for (let d = `${year(y)}-${span.start}`; d <= last; d = addDays(d, 1)) out.push(d);
    }
  }
  return out;
}

/**
 * A branch's calendar from its weekly closing days and yearly closures over fromYear..toYear
 * (the calendar a profile gives before staff add closed dates). The year before fromYear is
 * included, so a closure that began in its December is whole.
 */
export function calendarFrom(
  weeklyClosedDays: readonly number[],
  yearly: readonly YearlyClosure[],
  fromYear: number,
  toYear: number,
): BranchCalendar {
  return { weeklyClosedDays, closedDates: new Set(yearlyClosedDates(yearly, fromYear - 1, toYear)) };
}
