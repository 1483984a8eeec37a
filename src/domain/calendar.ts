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

/** The library closes on Mondays (月曜休館). */
export const DEFAULT_WEEKLY_CLOSED_DAYS: readonly number[] = [1];

/**
 * R-RES-8: a ready hold is kept for 7 opening days of the pickup branch
 * (確保日の翌開館日から７開館日).
 */
export const HOLD_SHELF_OPENING_DAYS = 7;

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
 * R-RES-8: the last day a ready hold can be collected (受取期限).
 * The first opening day after the day the copy was secured is day 1; the
 * deadline is day 7. The hold expires only after this day has ended.
 */
export function pickupDeadline(cal: BranchCalendar, securedOn: IsoDate): IsoDate {
  return nthOpeningDayAfter(cal, securedOn, HOLD_SHELF_OPENING_DAYS);
}

/** A due date that falls on a closed day moves to the next opening day (returns need an open counter). */
export function dueDateOnOpeningDay(cal: BranchCalendar, d: IsoDate): IsoDate {
  return openingDayOnOrAfter(cal, d);
}

/**
 * The year-end closure (年末年始休館, 29 Dec – 3 Jan) as dates: for every year in
 * fromYear..toYear its 1–3 January and 29–31 December, plus 1–3 January of
 * toYear + 1 so that the closure beginning in December of toYear is whole.
 */
export function yearEndClosedDates(fromYear: number, toYear: number): IsoDate[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new Error(`yearEndClosedDates: bad year range ${fromYear}..${toYear}`);
  }
  const year = (y: number): string => String(y).padStart(4, '0');
  const dates: IsoDate[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    dates.push(`${year(y)}-01-01`, `${year(y)}-01-02`, `${year(y)}-01-03`);
    dates.push(`${year(y)}-12-29`, `${year(y)}-12-30`, `${year(y)}-12-31`);
  }
  const after = toYear + 1;
  dates.push(`${year(after)}-01-01`, `${year(after)}-01-02`, `${year(after)}-01-03`);
  return dates;
}

/** The library's default calendar: closed on Mondays and over the year end. */
export function defaultCalendar(fromYear: number, toYear: number): BranchCalendar {
  return {
    weeklyClosedDays: DEFAULT_WEEKLY_CLOSED_DAYS,
    closedDates: new Set(yearEndClosedDates(fromYear, toYear)),
  };
}
