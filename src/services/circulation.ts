import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { findBib, findItem, findItemByBarcode, type ItemRow, updateItem } from '../db/catalog.js';
import type { Tx } from '../db/executor.js';
import { activeHoldsOfPatron, holdTrappingItem, updateHold } from '../db/holds.js';
import { closeLoan, insertLoan, openLoanOfItem } from '../db/loans.js';
import { findPatronByCard } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { audit, type AuditActor } from '../db/audit.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { assertTransition } from '../domain/holds.js';
import { dueDateFor } from '../domain/loans.js';
import { refuse } from '../domain/refusals.js';
import { branchCalendar } from './calendar.js';
import { conflict, inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { makeReady, passCopyOn } from './trapping.js';
import { offerFromWishList, offerNextVolume } from './hold-manager.js';

const STAFF: AuditActor = { kind: 'staff' };

/**
 * Lends a copy at the counter of the branch where it stands. A copy trapped for a hold may only
 * go to that hold's patron, and lending it fulfils the hold; so does lending the patron any other
 * copy of a title they were waiting for.
 */
export async function checkout(
  db: Kysely<DB>,
  req: { cardNumber: string; itemBarcode: string; checkedOutAt?: Date; dueDate?: IsoDate; loanPeriodDays: number },
  now: Date,
  actor: AuditActor = STAFF,
): Promise<Outcome<{ loanId: string; dueDate: IsoDate }>> {
  const at = req.checkedOutAt ?? now;
  return inTransaction(db, async (tx) => {
    const item = await findItemByBarcode(tx, req.itemBarcode, { forUpdate: true });
    if (!item) return notFound('item', req.itemBarcode);
    const patron = await findPatronByCard(tx, req.cardNumber, { forUpdate: true });
    if (!patron) return notFound('patron', req.cardNumber);
    if (await openLoanOfItem(tx, item.id))
      return conflict('ITEM_ALREADY_ON_LOAN', 'this copy is already on loan; check it in first');
    if (item.inLibraryOnly) return refused(refuse('ITEM_NOT_AVAILABLE'));
    const bib = await findBib(tx, item.bibId);
    if (bib?.latestIssue) return refused(refuse('ITEM_NOT_AVAILABLE'));
    if (item.status === 'lost' || item.status === 'withdrawn') return refused(refuse('ITEM_NOT_AVAILABLE'));
    const trappedFor = await holdTrappingItem(tx, item.id, { forUpdate: true });
    if (trappedFor && trappedFor.patronId !== patron.id) return refused(refuse('ITEM_TRAPPED_FOR_OTHER_PATRON'));

    const day = tokyoDate(at);
    const dueDate =
      req.dueDate ?? dueDateFor(day, await branchCalendar(tx, item.locationBranch, day), req.loanPeriodDays);
    const loanId = await insertLoan(tx, {
      patronId: patron.id,
      itemId: item.id,
      bibId: item.bibId,
      branchCode: item.locationBranch,
      checkedOutAt: at,
      dueDate,
    });
    await updateItem(tx, item.id, { status: 'on_loan' });
    const own = trappedFor ?? (await activeHoldsOfPatron(tx, patron.id)).find((h) => h.bibId === item.bibId);
    if (own) {
      assertTransition(own.status, own.status === 'requested' || own.status === 'queued' ? 'cancelled' : 'fulfilled');
      // A hold not yet served by a copy is closed as cancelled-by-fulfilment: the patron has the title.
      const status = own.status === 'ready' || own.status === 'in_transit' ? 'fulfilled' : 'cancelled';
      await updateHold(tx, own.id, { status, closedAt: at, closeReason: 'borrowed' }, now);
      // The patron took another copy than the one kept for them: that one goes to the next in line.
      if (own.itemId && own.itemId !== item.id) {
        const kept = await findItem(tx, own.itemId, { forUpdate: true });
        if (kept) await passCopyOn(tx, kept, now, actor);
      }
    }
    await audit(tx, {
      actor,
      action: 'loan.checkout',
      patronId: patron.id,
      loanId,
      details: { itemId: item.id },
    });
    // Issue 26: a collected hold frees a slot (R-WISH-3); a volume borrowed offers the next (R-SER-1).
    if (own) await offerFromWishList(tx, patron.id, own.id, now);
    await offerNextVolume(tx, patron.id, item.bibId, loanId, now);
    return ok({ loanId, dueDate });
  });
}

/** A copy scanned at a staff desk: its barcode, and the branch where it was scanned. */
type Scan = { itemBarcode: string; branch: string };

/**
 * A scan in one transaction: the branch must be one of the library's and the copy is found by its
 * barcode, locked, before `work` is given it.
 */
function atDesk<T>(db: Kysely<DB>, req: Scan, work: (tx: Tx, item: ItemRow) => Promise<Outcome<T>>) {
  return inTransaction(db, async (tx) => {
    if (!(await listBranches(tx)).some((b) => b.code === req.branch)) return notFound('branch', req.branch);
    const item = await findItemByBarcode(tx, req.itemBarcode, { forUpdate: true });
    if (!item) return notFound('item', req.itemBarcode);
    return work(tx, item);
  });
}

/**
 * A copy comes back (or is scanned on the shelf) at `branch`. Its open loan closes, and the copy
 * goes to the first hold in line, or back on the shelf. Copies float: they stay at the branch
 * where they were returned.
 */
export async function checkin(
  db: Kysely<DB>,
  req: Scan,
  now: Date,
  actor: AuditActor = STAFF,
): Promise<Outcome<{ trappedHoldId: string | null }>> {
  return atDesk(db, req, async (tx, item) => {
    const loan = await openLoanOfItem(tx, item.id, { forUpdate: true });
    if (loan) await closeLoan(tx, loan.id, now, req.branch);
    const trappedFor = await holdTrappingItem(tx, item.id, { forUpdate: true });
    if (trappedFor) {
      // Already trapped: scanning it again is harmless; at its pickup branch it becomes ready.
      await updateItem(tx, item.id, { locationBranch: req.branch });
      if (trappedFor.status === 'in_transit' && trappedFor.pickupBranch === req.branch)
        await makeReady(tx, trappedFor, { ...item, locationBranch: req.branch }, now);
      return ok({ trappedHoldId: trappedFor.id });
    }
    await updateItem(tx, item.id, { locationBranch: req.branch });
    const hold = await passCopyOn(tx, { ...item, locationBranch: req.branch }, now, actor);
    await audit(tx, {
      actor,
      action: 'item.checkin',
      loanId: loan?.id ?? null,
      details: { itemId: item.id, branch: req.branch },
    });
    return ok({ trappedHoldId: hold?.id ?? null });
  });
}

/** A copy in transit arrives at its pickup branch: the hold becomes 受取り可 (R-RES-8 starts). */
export async function arriveInTransit(
  db: Kysely<DB>,
  req: Scan,
  now: Date,
): Promise<Outcome<{ holdId: string | null }>> {
  return atDesk(db, req, async (tx, item) => {
    const hold = await holdTrappingItem(tx, item.id, { forUpdate: true });
    if (!hold || hold.status !== 'in_transit')
      return conflict('NOT_IN_TRANSIT', 'this copy is not in transit for a hold');
    if (hold.pickupBranch !== req.branch)
      return conflict('WRONG_BRANCH', `this copy is on its way to ${hold.pickupBranch}`);
    await makeReady(tx, hold, { ...item, locationBranch: req.branch }, now);
    await audit(tx, {
      actor: STAFF,
      action: 'transit.arrive',
      holdId: hold.id,
      patronId: hold.patronId,
      details: { itemId: item.id },
    });
    return ok({ holdId: hold.id });
  });
}
