import { annualClosures, closedDatesBetween, insertClosedDates, listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { MAX_CLOSED_RUN_DAYS, yearlyClosedDates } from '../domain/calendar.js';
import { addDays, type IsoDate } from '../domain/dates.js';

/**
 * The opening calendar of a branch around `today`, read from the database: weekly closing days,
 * listed closed dates and yearly closures, expanded over every date a rule may look at
 * (a little before today, up to the domain's search bound after it).
 */
export async function branchCalendar(db: Executor, branch: string, today: IsoDate): Promise<BranchCalendar> {
  const branches = await listBranches(db);
  const b = branches.find((x) => x.code === branch);
  if (!b) throw new Error(`unknown branch ${branch}`);
  const from = addDays(today, -31);
  const to = addDays(today, 2 * MAX_CLOSED_RUN_DAYS + 31);
  const closed = new Set(await closedDatesBetween(db, branch, from, to));
  const yearly = await annualClosures(db, branch);
  for (const d of yearlyClosedDates(yearly, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)))) {
    if (d >= from && d <= to) closed.add(d);
  }
  return { weeklyClosedDays: b.weeklyClosedDays, closedDates: closed };
}

/** Adds closed dates for one branch or for all; returns how many were new. */
export async function addClosedDates(db: Executor, dates: IsoDate[], branch?: string): Promise<number> {
  const codes = branch ? [branch] : (await listBranches(db)).map((b) => b.code);
  return insertClosedDates(
    db,
    codes.flatMap((code) => dates.map((date) => ({ branch: code, date }))),
  );
}
