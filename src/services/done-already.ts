import { findBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { findHold } from '../db/holds.js';
import { openLoan } from '../db/loans.js';
import { findPatron } from '../db/patrons.js';
import type { IsoDate } from '../domain/dates.js';
import type { HoldStatus } from '../domain/hold-status.js';
import { patronOverview } from './patrons.js';
import { holdServiceDone, type HoldServiceDone, type HoldServiceKind } from './hold-service-done.js';

/** The patron actions a confirmation button does, and the item each names (title, loan, hold). */
export type ConfirmedKind = 'reserve' | 'renew' | 'cancel' | HoldServiceKind;

/** An item of the patron's own that already stands where the action would have put it. */
export type DoneAlready =
  | { kind: 'reserved'; title: string; branchName: string; status: HoldStatus; position: number | null }
  | { kind: 'renewed'; title: string; dueDate: IsoDate }
  | { kind: 'cancelled'; title: string }
  | HoldServiceDone;

/**
 * For a confirmation tapped after its state moved on (a double tap, 送信 typed again): is the
 * action's result already there? Only the patron's own items count, and only a state the action
 * itself would leave: an active hold on the title, an open loan renewed, a cancelled hold.
 * Anything else (returned, lent, never done) is null, and the tap is answered as expired.
 */
export async function doneAlready(
  db: Executor,
  patronId: string,
  action: ConfirmedKind,
  id: string,
  now: Date = new Date(),
): Promise<DoneAlready | null> {
  switch (action) {
    case 'reserve': {
      const patron = await findPatron(db, patronId);
      const hold = patron && (await patronOverview(db, patron.cardNumber))?.holds.find((h) => h.bibId === id);
      if (!hold) return null;
      const { title, pickupBranchName: branchName, status, position } = hold;
      return { kind: 'reserved', title, branchName, status, position };
    }
    case 'renew': {
      const loan = await openLoan(db, id);
      if (!loan || loan.patronId !== patronId || loan.renewals < 1) return null;
      return { kind: 'renewed', title: loan.title, dueDate: loan.dueDate };
    }
    case 'cancel': {
      const hold = await findHold(db, id);
      if (!hold || hold.patronId !== patronId || hold.status !== 'cancelled') return null;
      return { kind: 'cancelled', title: (await findBib(db, hold.bibId))?.title ?? '' };
    }
    default:
      return holdServiceDone(db, patronId, action, id, now);
  }
}
