import { annualClosures, listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import { isOpeningDay, nextOpeningDayAfter } from '../domain/calendar.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { branchCalendar } from './calendar.js';

export interface BranchDays {
  name: string;
  phone: string;
  weeklyClosedDays: number[];
  yearly: { start: string; end: string }[];
  openToday: boolean;
  nextOpen: IsoDate;
}

/**
 * What the chat can tell about when each branch is open (開館時間・休館日): today's opening on the
 * branch's calendar, its weekly and yearly closing days, its phone. The one place to add the
 * opening hours once the library's data has them.
 */
export async function libraryDays(db: Executor, now: Date): Promise<{ today: IsoDate; branches: BranchDays[] }> {
  const today = tokyoDate(now);
  const branches: BranchDays[] = [];
  for (const b of await listBranches(db)) {
    const cal = await branchCalendar(db, b.code, today);
    branches.push({
      name: b.name,
      phone: b.phone,
      weeklyClosedDays: b.weeklyClosedDays,
      yearly: await annualClosures(db, b.code),
      openToday: isOpeningDay(cal, today),
      nextOpen: nextOpeningDayAfter(cal, today),
    });
  }
  return { today, branches };
}
