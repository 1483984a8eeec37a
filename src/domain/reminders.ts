// When reminders are due. Pure: dates are Tokyo calendar dates, calendars are passed in.

import { isOpeningDay, MAX_CLOSED_RUN_DAYS, type BranchCalendar } from './calendar.js';
import { addDays, compareDates, type IsoDate } from './dates.js';

/** The profile's reminders (Kamagaya: 2 opening days before a pickup deadline, 2 days before a due date). */
export interface ReminderTimings {
  /** The pickup-deadline reminder: opening days of the pickup branch before the deadline. */
  pickupOpeningDaysBefore: number;
  /** The due-date reminder: calendar days before the due date. */
  dueDaysBefore: number;
}

/** The last opening day strictly before d. Throws when the calendar has none within the search bound. */
export function previousOpeningDayBefore(cal: BranchCalendar, d: IsoDate): IsoDate {
  for (let i = 1; i <= MAX_CLOSED_RUN_DAYS; i++) {
    const candidate = addDays(d, -i);
    if (isOpeningDay(cal, candidate)) return candidate;
  }
  throw new Error(`calendar misconfigured: no opening day within ${MAX_CLOSED_RUN_DAYS} days before ${d}`);
}

/**
 * The day of the pickup reminder: counted back over the pickup branch's opening days, so the
 * patron has that many days on which they can still come (the deadline day itself the last).
 * Two days, deadline Fri 18 Dec with Monday closed → Wed 16 Dec.
 */
export function pickupReminderDay(
  cal: BranchCalendar,
  deadline: IsoDate,
  t: Pick<ReminderTimings, 'pickupOpeningDaysBefore'>,
): IsoDate {
  let day = deadline;
  for (let i = 0; i < t.pickupOpeningDaysBefore; i++) day = previousOpeningDayBefore(cal, day);
  return day;
}

export function dueReminderDay(dueDate: IsoDate, t: Pick<ReminderTimings, 'dueDaysBefore'>): IsoDate {
  return addDays(dueDate, -t.dueDaysBefore);
}

/**
 * Whether today is in the reminder's window: from its day up to the day it is about (inclusive).
 * The window, not the single day, so a run missed while the server was down is caught up; the
 * dedupe key keeps it to one reminder.
 */
export function inReminderWindow(today: IsoDate, reminderDay: IsoDate, lastDay: IsoDate): boolean {
  return compareDates(today, reminderDay) >= 0 && compareDates(today, lastDay) <= 0;
}
