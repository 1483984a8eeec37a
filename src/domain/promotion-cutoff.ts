import { isOpeningDay, type BranchCalendar, MAX_CLOSED_RUN_DAYS } from './calendar.js';
import { addDays, tokyoDate, tokyoHour, tokyoStartOfDay } from './dates.js';

/**
 * R-RES-3 for a whole branch at once: every 依頼中 hold requested before the returned instant is
 * due for promotion at `now` (the same answer as promotionDue, hold by hold). The latest
 * promotion morning at or before `now` is D; holds requested on a day before D are due.
 * null: no promotion morning in the searchable past.
 */
export function promotionCutoff(now: Date, cal: BranchCalendar, promoteHour: number): Date | null {
  const today = tokyoDate(now);
  let d = isOpeningDay(cal, today) && tokyoHour(now) >= promoteHour ? today : addDays(today, -1);
  for (let i = 0; i < MAX_CLOSED_RUN_DAYS; i++, d = addDays(d, -1)) {
    if (isOpeningDay(cal, d)) return tokyoStartOfDay(d);
  }
  return null;
}
