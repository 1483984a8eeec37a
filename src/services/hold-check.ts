import { findBib, itemsOfBib, type BibRow } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { activeHoldsOfPatron } from '../db/holds.js';
import { patronHasTitleOnLoan } from '../db/loans.js';
import type { PatronRow } from '../db/patrons.js';
import { tokyoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import { countedHolds, placementRefusal, reservabilityRefusal, type HoldChannel } from '../domain/holds.js';
import { libraryProfile } from '../profile/active.js';
import { notFound, ok, refused, type Outcome } from './errors.js';
import { titleOnLoanRefusal } from './on-loan-refusal.js';

export interface HoldPreview {
  bib: BibRow;
  patron: PatronRow;
  /** Active holds the patron has now (R-RES-2: the new one would be one more). */
  activeHolds: number;
}

/**
 * Every rule a new hold must pass, without placing it: who may reserve (online: R-ELIG-2), what
 * may be reserved (R-RES-1), the cap and the decided rules (R-RES-2). The chat asks this before
 * the patron chooses a branch, so a refusal comes first, not after three taps.
 */
export async function checkHold(
  tx: Executor,
  patron: PatronRow,
  bibId: string,
  channel: HoldChannel,
  now: Date,
): Promise<Outcome<HoldPreview>> {
  const bib = await findBib(tx, bibId);
  if (!bib) return notFound('bib', bibId);
  if (channel === 'online') {
    const eligibility = serviceRefusal(
      { ...patron, hasPassword: patron.passwordHash !== null },
      'reserve',
      tokyoDate(now),
      libraryProfile().services,
    );
    if (eligibility) return refused(eligibility);
  }
  const items = await itemsOfBib(tx, bib.id);
  const notReservable = reservabilityRefusal({ materialType: bib.materialType, latestIssue: bib.latestIssue }, items);
  if (notReservable) return refused(notReservable);
  const active = await activeHoldsOfPatron(tx, patron.id);
  const rules = libraryProfile().holds;
  const placement = placementRefusal(
    {
      activeHoldCount: countedHolds(active, rules),
      holdsThisTitle: active.some((h) => h.bibId === bib.id),
      hasThisTitleOnLoan: await patronHasTitleOnLoan(tx, patron.id, bib.id),
    },
    rules,
  );
  if (placement?.code === 'TITLE_ON_LOAN_TO_PATRON')
    return refused(await titleOnLoanRefusal(tx, patron.id, bib.id, now));
  if (placement) return refused(placement);
  return ok({ bib, patron, activeHolds: countedHolds(active, rules) });
}
