import { listBranches } from '../db/branches.js';
import { findBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { findPatron } from '../db/patrons.js';
import { copiesOfBibs } from '../db/wish-list.js';
import { isOpeningDay } from '../domain/calendar.js';
import { tokyoDate, weekdayOf } from '../domain/dates.js';
import { walkInAdvice, type WalkInAdvice } from '../domain/walk-in.js';
import { libraryProfile } from '../profile/active.js';
import { WEEKDAYS } from '../profile/schema.js';
import { branchCalendar } from './calendar.js';

/** Tokyo wall-clock time HH:MM (Japan keeps no summer time). */
const tokyoTime = (now: Date) => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(11, 16);

/**
 * R-WALK-1 at 予約申込: a branch open today (its calendar, the profile's hours) with a copy of the
 * title on the shelf, the patron's usual branch first; and whether online holds wait for the next
 * opening day (the profile), so the advice says so. Null when no such branch.
 */
export async function walkInFacts(
  db: Executor,
  patronId: string | null,
  bibId: string,
  now: Date,
): Promise<(WalkInAdvice & { holdsWait: boolean }) | null> {
  const bib = await findBib(db, bibId);
  if (!bib) return null;
  const copies = await copiesOfBibs(db, [bib.id]);
  if (copies.length === 0) return null;
  const profile = libraryProfile();
  const today = tokyoDate(now);
  const day = WEEKDAYS[weekdayOf(today)]!;
  const shelved = new Set(copies.map((c) => c.branch));
  const branches = [];
  for (const b of await listBranches(db)) {
    if (!shelved.has(b.code)) continue;
    const hours = profile.branches.find((p) => p.code === b.code)?.hours[day] ?? null;
    const open = hours !== null && isOpeningDay(await branchCalendar(db, b.code, today), today);
    branches.push({ code: b.code, name: b.name, hoursToday: open ? hours : null });
  }
  const usual = patronId ? ((await findPatron(db, patronId))?.lastPickupBranch ?? null) : null;
  const advice = walkInAdvice(copies, branches, tokyoTime(now), usual, bib.latestIssue);
  return advice && { ...advice, holdsWait: profile.holds.promotion.waitForNextOpeningDay };
}
