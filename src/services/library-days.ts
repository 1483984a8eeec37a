import { annualClosures, listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import { isOpeningDay, nextOpeningDayAfter } from '../domain/calendar.js';
import { addDays, tokyoDate, weekdayOf, type IsoDate } from '../domain/dates.js';
import { libraryProfile } from '../profile/active.js';
import { WEEKDAYS } from '../profile/schema.js';
import { branchCalendar } from './calendar.js';

export interface OpeningHours {
  open: string;
  close: string;
}

export interface BranchDays {
  name: string;
  phone: string;
  weeklyClosedDays: number[];
  yearly: { start: string; end: string }[];
  openToday: boolean;
  nextOpen: IsoDate;
  /** Opening hours by weekday (0 = Sunday), from the profile; absent on closing weekdays. */
  hours: (OpeningHours | null)[];
  /** Today's hours, or null when the branch is closed today (a closing weekday or a closed date). */
  hoursToday: OpeningHours | null;
  /** Every closed day of this month (weekly, yearly and staff-added closed dates), for 図書館カレンダー. */
  closedThisMonth: IsoDate[];
}

/** The dates of the month `today` is in. */
function monthOf(today: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = `${today.slice(0, 8)}01`; d.slice(0, 7) === today.slice(0, 7); d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * What the chat can tell about when each branch is open (開館時間・休館日・図書館カレンダー): today's
 * opening and hours on the branch's calendar, its weekly hours and closing days from the profile,
 * its yearly closures, this month's closed days (staff closed dates included), its phone.
 */
export async function libraryDays(db: Executor, now: Date): Promise<{ today: IsoDate; branches: BranchDays[] }> {
  const today = tokyoDate(now);
  const profile = libraryProfile();
  const branches: BranchDays[] = [];
  for (const b of await listBranches(db)) {
    const cal = await branchCalendar(db, b.code, today);
    const own = profile.branches.find((p) => p.code === b.code);
    const hours = WEEKDAYS.map((d) => own?.hours[d] ?? null);
    const openToday = isOpeningDay(cal, today);
    branches.push({
      name: b.name,
      phone: b.phone,
      weeklyClosedDays: b.weeklyClosedDays,
      yearly: await annualClosures(db, b.code),
      openToday,
      nextOpen: nextOpeningDayAfter(cal, today),
      hours,
      hoursToday: openToday ? (hours[weekdayOf(today)] ?? null) : null,
      closedThisMonth: monthOf(today).filter((d) => !isOpeningDay(cal, d)),
    });
  }
  return { today, branches };
}
