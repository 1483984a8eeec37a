import { type BranchCalendar, calendarFrom } from '../../src/domain/calendar.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { type LibraryProfile, weekdayNumber } from '../../src/profile/schema.js';

/**
 * The bundled profiles, for rule tests that name the value they check ("Kamagaya's
 * holds.limit 5"): a domain rule takes the value as an argument, so such a test holds whichever
 * profile the process has installed.
 */
export const KAMAGAYA: LibraryProfile = loadProfileFile(bundledProfilePath('kamagaya'));

/** A branch's calendar as the profile gives it (weekly closing days, yearly closures), no staff dates. */
export function profileCalendar(p: LibraryProfile, fromYear: number, toYear: number, branch = 0): BranchCalendar {
  const b = p.branches[branch]!;
  return calendarFrom(
    b.closedWeekdays.map(weekdayNumber),
    p.yearlyClosures.map((y) => ({ start: y.from, end: y.to })),
    fromYear,
    toYear,
  );
}

/** Kamagaya's calendar: closed on Mondays and 29 Dec – 3 Jan. */
export const kamagayaCalendar = (fromYear: number, toYear: number): BranchCalendar =>
  profileCalendar(KAMAGAYA, fromYear, toYear);
