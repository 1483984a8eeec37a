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
import { insertNotices, type NewNotice } from '../db/notices.js';
import { reachOfPatrons } from '../db/reminders.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { dueDateAfterClosure, pickupDeadlineAfterClosure } from '../domain/closures.js';
import { addDays, tokyoDate, type IsoDate } from '../domain/dates.js';
import { holdNoticeChannel, loanNoticeChannel } from '../domain/notices.js';
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
  /** A hold's contact choice (its notice goes where the patron asked). */
  contact?: string;
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
 * The personal closure notices: each patron whose date moved is told which date, from when to
 * when, where their notices go (a loan's: LINE, else a confirmed e-mail; a hold's: its contact).
 * A move to the same date is one notice however often it is written (the dedupe key).
 */
async function noticesOf(tx: Executor, moves: DateMove[], branch: string, now: Date): Promise<NewNotice[]> {
  const reach = await reachOfPatrons(tx, [...new Set(moves.filter((m) => m.kind === 'due').map((m) => m.patronId))]);
  return moves.flatMap((m): NewNotice[] => {
    const r = reach.get(m.patronId);
    const channel = m.kind === 'due' ? (r ? loanNoticeChannel(r) : null) : holdNoticeChannel(m.contact ?? 'none');
    if (!channel) return [];
    return [
      m.kind === 'due'
        ? {
            patronId: m.patronId,
            kind: 'due_date_moved',
            channel,
            loanId: m.id,
            payload: { title: m.title, from: m.from, dueDate: m.to },
            dedupeKey: `due_date_moved:${m.id}:${m.to}`,
            dueAt: now,
          }
        : {
            patronId: m.patronId,
            kind: 'pickup_deadline_moved',
            channel,
            holdId: m.id,
            payload: { title: m.title, pickupBranch: branch, from: m.from, pickupDeadline: m.to },
            dedupeKey: `pickup_deadline_moved:${m.id}:${m.to}`,
            dueAt: now,
          },
    ];
  });
}

/**
 * Closes `dates` at `branch` and moves the promised dates they fall on (S-CAL-1), in one
 * transaction: the calendar and the dates patrons see never disagree. Each move is audited; with
 * `notify`, each patron is told of their own moves (the outbox, in the same transaction).
 */
export async function closeDates(
  db: Kysely<DB>,
  branch: string,
  dates: IsoDate[],
  actor: AuditActor,
  now: Date,
  opts: { notify: boolean } = { notify: false },
): Promise<{ added: number; moves: DateMove[]; notified: number }> {
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
    const notified = opts.notify ? await insertNotices(tx, await noticesOf(tx, moves, branch, now)) : 0;
    await audit(tx, {
      actor,
      action: 'calendar.close',
      details: { branch, dates, added, moved: moves.length, notified },
    });
    return { added, moves, notified };
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
