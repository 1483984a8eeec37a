import { annualClosures, closedDatesBetween, insertClosedDates, listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { MAX_CLOSED_RUN_DAYS } from '../domain/calendar.js';
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
  for (const span of await annualClosures(db, branch)) {
    for (const d of expandAnnual(span.start, span.end, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)))) {
      if (d >= from && d <= to) closed.add(d);
    }
  }
  return { weeklyClosedDays: b.weeklyClosedDays, closedDates: closed };
}

/** '12-29'..'01-03' for each year: a span that wraps the new year ends in the next one. */
function expandAnnual(start: string, end: string, fromYear: number, toYear: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const first = `${y}-${start}`;
    const last = end >= start ? `${y}-${end}` : `${y + 1}-${end}`;
    for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  }
  return out;
}

/** Adds closed dates for one branch or for all; returns how many were new. */
export async function addClosedDates(db: Executor, dates: IsoDate[], branch?: string): Promise<number> {
  const codes = branch ? [branch] : (await listBranches(db)).map((b) => b.code);
  return insertClosedDates(
    db,
    codes.flatMap((code) => dates.map((date) => ({ branch: code, date }))),
  );
}
