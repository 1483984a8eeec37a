import type { Executor } from './executor.js';

/** Promised dates at one branch that a change of its calendar may move (services/closures.ts). */

export interface PromisedLoan {
  loanId: string;
  patronId: string;
  cardNumber: string;
  name: string;
  title: string;
  dueDate: string;
}

export interface PromisedHold {
  holdId: string;
  patronId: string;
  cardNumber: string;
  name: string;
  title: string;
  securedOn: string;
  pickupDeadline: string;
  contact: string;
}

/** Open loans lent at `branch`, due on or after `from`. */
export async function openLoansDueFrom(db: Executor, branch: string, from: string): Promise<PromisedLoan[]> {
  const rows = await db
    .selectFrom('loans as l')
    .innerJoin('patrons as p', 'p.id', 'l.patron_id')
    .innerJoin('bibs as b', 'b.id', 'l.bib_id')
    .select(['l.id', 'l.patron_id', 'p.card_number', 'p.name', 'b.title', 'l.due_date'])
    .where('l.branch_code', '=', branch)
    .where('l.returned_at', 'is', null)
    .where('l.due_date', '>=', from)
    .orderBy('l.due_date')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    loanId: r.id,
    patronId: r.patron_id,
    cardNumber: r.card_number,
    name: r.name,
    title: r.title,
    dueDate: r.due_date,
  }));
}

/** Ready holds on the hold shelf of `branch` whose deadline is on or after `from`. */
export async function readyHoldsFrom(db: Executor, branch: string, from: string): Promise<PromisedHold[]> {
  const rows = await db
    .selectFrom('holds as h')
    .innerJoin('patrons as p', 'p.id', 'h.patron_id')
    .innerJoin('bibs as b', 'b.id', 'h.bib_id')
    .select([
      'h.id',
      'h.patron_id',
      'p.card_number',
      'p.name',
      'b.title',
      'h.secured_on',
      'h.pickup_deadline',
      'h.contact',
    ])
    .where('h.pickup_branch', '=', branch)
    .where('h.status', '=', 'ready')
    .where('h.pickup_deadline', '>=', from)
    .orderBy('h.pickup_deadline')
    .orderBy('h.id')
    .execute();
  return rows.flatMap((r) =>
    r.secured_on && r.pickup_deadline
      ? [
          {
            holdId: r.id,
            patronId: r.patron_id,
            cardNumber: r.card_number,
            name: r.name,
            title: r.title,
            securedOn: r.secured_on,
            pickupDeadline: r.pickup_deadline,
            contact: r.contact,
          },
        ]
      : [],
  );
}

export async function setLoanDueDate(db: Executor, loanId: string, dueDate: string): Promise<void> {
  await db.updateTable('loans').set({ due_date: dueDate }).where('id', '=', loanId).execute();
}

export async function setHoldDeadline(db: Executor, holdId: string, deadline: string, now: Date): Promise<void> {
  await db.updateTable('holds').set({ pickup_deadline: deadline, updated_at: now }).where('id', '=', holdId).execute();
}

/** Returns how many of the dates were closed at `branch`. */
export async function deleteClosedDates(db: Executor, branch: string, dates: string[]): Promise<number> {
  if (dates.length === 0) return 0;
  const r = await db
    .deleteFrom('closed_dates')
    .where('branch_code', '=', branch)
    .where('date', 'in', dates)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
