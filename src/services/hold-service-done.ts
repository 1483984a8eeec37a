import type { Executor } from '../db/executor.js';
import { findHold } from '../db/holds.js';
import { openLoansOfPatron } from '../db/loans.js';
import { compareDates, tokyoDate, type IsoDate } from '../domain/dates.js';
import { isSuspended } from '../domain/hold-pauses.js';
import { isActiveHold } from '../domain/holds.js';
import { parsePauseId, parsePickupId, renewAllOffer } from './hold-service-views.js';
import { withPhoneOfPickup } from './hold-phone.js';
import type { RenewalPreview } from './renewal.js';

/** Issue 26's confirmations: a repeated tap is told the change is there already. */
export type HoldServiceKind = 'pickup' | 'pause' | 'resume' | 'renewAll';

export type HoldServiceDone =
  | { kind: 'pickupChanged'; title: string; branchName: string }
  | { kind: 'suspended'; title: string; date: IsoDate }
  | { kind: 'notNeededSet'; title: string; date: IsoDate }
  | { kind: 'resumed'; title: string }
  | { kind: 'renewedAll'; loans: { title: string; dueDate: IsoDate }[] };

export async function holdServiceDone(
  db: Executor,
  patronId: string,
  action: HoldServiceKind,
  id: string,
  now: Date,
): Promise<HoldServiceDone | null> {
  if (action === 'renewAll') {
    const offer = await renewAllOffer(db, patronId, now);
    const loans = await openLoansOfPatron(db, patronId);
    // Done when a loan was renewed and renewing again would move no due date later: with one
    // renewal (Kamagaya) nothing is renewable any more; with several (loans.renewal.times) a loan
    // renewed today is refused as too soon (R-LOAN-6), or would only bring its due date forward.
    const later = (l: RenewalPreview) => compareDates(l.newDueDate, l.dueDate) > 0;
    if (!offer.ok || offer.value.renewable.some(later) || !loans.some((l) => l.renewals > 0)) return null;
    return { kind: 'renewedAll', loans: loans.map((l) => ({ title: l.title, dueDate: l.dueDate })) };
  }
  const holdId = action === 'pickup' ? parsePickupId(id)?.holdId : action === 'pause' ? parsePauseId(id)?.holdId : id;
  const hold = holdId ? await findHold(db, holdId) : undefined;
  if (!hold || hold.patronId !== patronId || !isActiveHold(hold.status)) return null;
  const view = await withPhoneOfPickup(db, hold);
  switch (action) {
    case 'pickup': {
      const p = parsePickupId(id);
      return p && hold.pickupBranch === p.branch
        ? { kind: 'pickupChanged', title: view.title, branchName: view.branchName }
        : null;
    }
    case 'pause': {
      const p = parsePauseId(id);
      if (p?.kind === 'suspend' && hold.suspendedUntil === p.date)
        return { kind: 'suspended', title: view.title, date: p.date };
      if (p?.kind === 'notNeededAfter' && hold.notNeededAfter === p.date)
        return { kind: 'notNeededSet', title: view.title, date: p.date };
      return null;
    }
    case 'resume':
      return isSuspended(hold, tokyoDate(now)) ? null : { kind: 'resumed', title: view.title };
  }
}
