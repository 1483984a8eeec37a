import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { findBib, itemsOfBib, updateItem, findItem, type BibRow } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { activeHoldsOfPatron, findHold, insertHold, updateHold, type HoldRow } from '../db/holds.js';
import { patronHasTitleOnLoan } from '../db/loans.js';
import { findPatronByCard, setLastPickupBranch, type PatronRow } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { audit, type AuditActor } from '../db/audit.js';
import { tokyoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import {
  assertTransition,
  cancellationRefusal,
  contactRefusal,
  countedHolds,
  initialStatusFor,
  placementRefusal,
  reservabilityRefusal,
  type ContactMethod,
  type HoldChannel,
} from '../domain/holds.js';
import { refuse } from '../domain/refusals.js';
import { inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { noticeRenewalsBlocked, renewableLoansOfTitle } from './loan-notices.js';
import { titleOnLoanRefusal } from './on-loan-refusal.js';
import { passCopyOn, trapShelfCopies } from './trapping.js';
import { libraryProfile } from '../profile/active.js';
import { offerFromWishList } from './hold-manager.js';
import { checkHold } from './hold-check.js';

// checkHold lives in hold-check.ts (the hold manager needs it without this file); callers keep this path.
export { checkHold, type HoldPreview } from './hold-check.js';

export interface PlaceHoldRequest {
  cardNumber: string;
  bibId: string;
  pickupBranch: string;
  channel: HoldChannel;
  contact?: ContactMethod;
  /** Whether the patron's LINE account is linked (LINE contact needs it). */
  lineLinked?: boolean;
  /** The patron online, staff at the counter or on the phone. */
  actor: AuditActor;
}

/**
 * Places a hold from any channel. The patron row is locked first, so concurrent requests of one
 * patron are counted one after another (R-RES-2 holds across channels); the partial unique index
 * on (patron, title) is the backstop.
 * Online holds must pass R-ELIG-2; counter and phone holds are taken by staff who have seen the
 * card, so only the rules about the title and the limit apply to them.
 */
export async function placeHold(db: Kysely<DB>, req: PlaceHoldRequest, now: Date): Promise<Outcome<HoldRow>> {
  const contact = req.contact ?? 'none';
  return inTransaction(db, async (tx) => {
    const patron = await findPatronByCard(tx, req.cardNumber, { forUpdate: true });
    if (!patron) return notFound('patron', req.cardNumber);
    const checked = await checkHold(tx, patron, req.bibId, req.channel, now);
    if (!checked.ok) return checked;
    const bib = checked.value.bib;
    if (!(await listBranches(tx)).some((b) => b.code === req.pickupBranch && b.pickupPoint))
      return refused(refuse('PICKUP_BRANCH_UNKNOWN'));
    const contactProblem = contactRefusal(
      contact,
      { emailConfirmed: patron.emailConfirmed, lineLinked: req.lineLinked ?? false },
      libraryProfile().contactMethods,
    );
    if (contactProblem) return refused(contactProblem);

    const status = initialStatusFor(req.channel, libraryProfile().holds);
    const renewable = await renewableLoansOfTitle(tx, bib.id, now);
    const hold = await insertHold(tx, {
      patronId: patron.id,
      bibId: bib.id,
      pickupBranch: req.pickupBranch,
      channel: req.channel,
      contact,
      status,
      requestedAt: now,
      officialAt: status === 'queued' ? now : null,
    });
    await setLastPickupBranch(tx, patron.id, req.pickupBranch);
    await audit(tx, {
      actor: req.actor,
      action: 'hold.place',
      patronId: patron.id,
      holdId: hold.id,
      details: { channel: req.channel },
    });
    if (status === 'queued') await trapShelfCopies(tx, bib.id, now, req.actor);
    await noticeRenewalsBlocked(tx, renewable, hold, now);
    return ok((await findHold(tx, hold.id)) ?? hold);
  });
}

/**
 * R-CAN-1/2: a patron cancels online (not a 受取り可 hold); staff may cancel any active hold.
 * A copy already trapped for the hold passes to the next patron in line.
 * `patronId` restricts the cancellation to the patron's own hold.
 */
export async function cancelHold(
  db: Kysely<DB>,
  req: { holdId: string; online: boolean; patronId?: string; actor: AuditActor },
  now: Date,
): Promise<Outcome<HoldRow>> {
  return inTransaction(db, async (tx) => {
    const hold = await findHold(tx, req.holdId, { forUpdate: true });
    if (!hold || (req.patronId !== undefined && hold.patronId !== req.patronId)) return notFound('hold', req.holdId);
    const refusal = cancellationRefusal(hold.status, req.online);
    if (refusal) {
      if (refusal.code !== 'HOLD_NOT_CANCELLABLE_READY') return refused(refusal);
      const branch = (await listBranches(tx)).find((b) => b.code === hold.pickupBranch);
      return refused(refuse(refusal.code, { branchName: branch?.name ?? '', phone: branch?.phone ?? '' }));
    }
    assertTransition(hold.status, 'cancelled');
    await updateHold(
      tx,
      hold.id,
      { status: 'cancelled', closedAt: now, closeReason: req.online ? 'patron' : 'staff' },
      now,
    );
    if (hold.itemId && (hold.status === 'ready' || hold.status === 'in_transit')) {
      const item = await findItem(tx, hold.itemId, { forUpdate: true });
      if (item) {
        // A copy in transit is passed on from where it is going; staff route it from there.
        if (hold.status === 'in_transit') await updateItem(tx, item.id, { locationBranch: hold.pickupBranch });
        await passCopyOn(tx, { ...item, locationBranch: hold.pickupBranch }, now, req.actor);
      }
    }
    await audit(tx, { actor: req.actor, action: 'hold.cancel', patronId: hold.patronId, holdId: hold.id });
    await offerFromWishList(tx, hold.patronId, hold.id, now);
    return ok({ ...hold, status: 'cancelled' });
  });
}
