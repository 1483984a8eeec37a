import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import {
  deleteClosedDates,
  openLoansDueFrom,
  readyHoldsFrom,
  setHoldDeadline,
  setLoanDueDate,
} from '../db/closure-moves.js';
import { closedDatesBetween } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { dueDateAfterClosure, pickupDeadlineAfterClosure } from '../domain/closures.js';
import { addDays, tokyoDate, type IsoDate } from '../domain/dates.js';
import { libraryProfile } from '../profile/active.js';
import { addClosedDates, branchCalendar } from './calendar.js';

/** One promised date that a closure moves: whose, what, from and to. */
export interface DateMove {
  kind: 'due' | 'pickup';
  id: string;
  patronId: string;
  cardNumber: string;
  name: string;
  title: string;
  from: IsoDate;
  to: IsoDate;
}

/** S-CAL-1: the loans and ready holds of `branch` whose promised dates `cal` moves. */
async function movesOn(db: Executor, branch: string, cal: BranchCalendar, today: IsoDate): Promise<DateMove[]> {
  const shelf = libraryProfile().holds.shelfOpeningDays;
  const [loans, holds] = await Promise.all([openLoansDueFrom(db, branch, today), readyHoldsFrom(db, branch, today)]);
  const moves: DateMove[] = [];
  for (const l of loans) {
    const to = dueDateAfterClosure(cal, l.dueDate);
    if (to !== l.dueDate) moves.push({ kind: 'due', id: l.loanId, ...l, from: l.dueDate, to });
  }
  for (const h of holds) {
    const to = pickupDeadlineAfterClosure(cal, h, shelf);
    if (to !== h.pickupDeadline) moves.push({ kind: 'pickup', id: h.holdId, ...h, from: h.pickupDeadline, to });
  }
  return moves;
}

/** What closing `dates` at `branch` would move, without closing them (the console's preview). */
export async function previewClosure(db: Kysely<DB>, branch: string, dates: IsoDate[], now: Date): Promise<DateMove[]> {
  const today = tokyoDate(now);
  const cal = await branchCalendar(db, branch, today);
  const after = { ...cal, closedDates: new Set([...cal.closedDates, ...dates]) };
  return movesOn(db, branch, after, today);
}

/**
 * Closes `dates` at `branch` and moves the promised dates they fall on (S-CAL-1), in one
 * transaction: the calendar and the dates patrons see never disagree. Each move is audited.
 */
export async function closeDates(
  db: Kysely<DB>,
  branch: string,
  dates: IsoDate[],
  actor: AuditActor,
  now: Date,
): Promise<{ added: number; moves: DateMove[] }> {
  const today = tokyoDate(now);
  return db.transaction().execute(async (tx) => {
    const added = await addClosedDates(tx, dates, branch);
    const moves = await movesOn(tx, branch, await branchCalendar(tx, branch, today), today);
    for (const m of moves) {
      if (m.kind === 'due') await setLoanDueDate(tx, m.id, m.to);
      else await setHoldDeadline(tx, m.id, m.to, now);
      await audit(tx, {
        actor,
        action: m.kind === 'due' ? 'loan.due_moved' : 'hold.deadline_moved',
        patronId: m.patronId,
        ...(m.kind === 'due' ? { loanId: m.id } : { holdId: m.id }),
        details: { from: m.from, to: m.to, branch },
      });
    }
    await audit(tx, { actor, action: 'calendar.close', details: { branch, dates, added, moved: moves.length } });
    return { added, moves };
  });
}

/** Opens closed dates again; S-CAL-2: no promised date moves back. */
export async function reopenDates(
  db: Kysely<DB>,
  branch: string,
  dates: IsoDate[],
  actor: AuditActor,
): Promise<{ removed: number }> {
  return db.transaction().execute(async (tx) => {
    const removed = await deleteClosedDates(tx, branch, dates);
    await audit(tx, { actor, action: 'calendar.open', details: { branch, dates, removed } });
    return { removed };
  });
}

/** The branch's listed closed dates from today on (weekly and yearly closures are the profile's). */
export async function upcomingClosedDates(db: Kysely<DB>, branch: string, now: Date): Promise<IsoDate[]> {
  const today = tokyoDate(now);
  return (await closedDatesBetween(db, branch, today, addDays(today, 366))).sort();
}
