// R-NOTE-1: overdue notices; R-NOTE-2: the patron's reminder choices. Pure: dates are Tokyo dates.

import { addDays, compareDates, type IsoDate } from './dates.js';

/** The profile's overdue notices (Kamagaya: the day after the due date, then weekly, three at most). */
export interface OverdueTimings {
  firstDaysAfter: number;
  everyDays: number;
  times: number;
}

/** The day of overdue notice n (1-based). */
export function overdueNoticeDay(dueDate: IsoDate, n: number, t: OverdueTimings): IsoDate {
  return addDays(dueDate, t.firstDaysAfter + t.everyDays * (n - 1));
}

/**
 * R-NOTE-1: which overdue notice is due on `today`: the latest whose day has come, up to `times`;
 * null before the first. A run missed for a few days sends the latest only (its dedupe key keeps
 * each number to one notice), never a burst of the ones missed.
 */
export function overdueNoticeNumber(dueDate: IsoDate, today: IsoDate, t: OverdueTimings): number | null {
  let n: number | null = null;
  for (let k = 1; k <= t.times; k++) {
    if (compareDates(overdueNoticeDay(dueDate, k, t), today) <= 0) n = k;
  }
  return n;
}

/** R-NOTE-2: the due-date reminder a patron may choose: off, or 1, 2 or 3 days before. */
export const DUE_REMINDER_CHOICES: readonly number[] = [0, 1, 2, 3];

/** The patron's days before the due date (null: never chosen, the library's default); 0 = off. */
export function dueReminderDays(chosen: number | null, libraryDefault: number): number {
  return chosen ?? libraryDefault;
}
