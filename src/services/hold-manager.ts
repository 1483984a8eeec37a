import { findBib } from '../db/catalog.js';
import type { Tx } from '../db/executor.js';
import { activeHoldsOfBibs, activeHoldsOfPatron } from '../db/holds.js';
import { patronHasLineUser } from '../db/line-users.js';
import { insertNotice } from '../db/notices.js';
import { findPatron } from '../db/patrons.js';
import { copiesOfBibs, patronsWithWishes, titlesStartingWith, wishListOf } from '../db/wish-list.js';
import { countedHolds } from '../domain/holds.js';
import { refuse } from '../domain/refusals.js';
import { nextVolume, volumeOf } from '../domain/volumes.js';
import { holdManagerOffer, wishAvailability, type WishCandidate } from '../domain/wish-list.js';
import { libraryProfile } from '../profile/active.js';
import { checkHold } from './hold-check.js';
import { reserveRefusalOf } from './patron-eligibility.js';

/** The wish list is read this far for an offer: the first titles the patron may reserve. */
const OFFER_LOOKAHEAD = 20;

/**
 * R-WISH-3, the hold manager: a hold of the patron ended (collected, cancelled or expired) in
 * this transaction, so a slot is free. The top wish-list title the patron may reserve now is
 * offered in a LINE notice with a 予約申込 button; nothing is placed. The notice is written in the
 * transaction of the change with the freed hold in its dedupe key: a retried or replayed change
 * never offers twice, and a rolled-back one offers nothing. Only a patron logged in on LINE gets
 * it (the offer is a button to tap).
 */
export async function offerFromWishList(tx: Tx, patronId: string, freedHoldId: string, now: Date): Promise<void> {
  if (!(await patronsWithWishes(tx, [patronId])).has(patronId)) return;
  const patron = await findPatron(tx, patronId);
  if (!patron) return;
  const rules = libraryProfile().holds;
  const reserve = reserveRefusalOf(patron, now);
  const counted = countedHolds(await activeHoldsOfPatron(tx, patronId), rules);
  // The rule answers these too; read here first so a patron who may not reserve costs no more reads.
  if (reserve || counted >= rules.limit) return;
  const candidates: WishCandidate[] = [];
  for (const w of (await wishListOf(tx, patronId)).slice(0, OFFER_LOOKAHEAD)) {
    const check = await checkHold(tx, patron, w.bibId, 'online', now);
    const refusal = check.ok
      ? null
      : check.failure.kind === 'refused'
        ? check.failure.refusal
        : refuse('NOT_RESERVABLE_NO_COPIES');
    candidates.push({ bibId: w.bibId, refusal });
    if (check.ok) break;
  }
  const bibId = holdManagerOffer(candidates, { reserve, countedHolds: counted }, rules);
  if (!bibId) return;
  const bib = await findBib(tx, bibId);
  const usual = patron.lastPickupBranch;
  const a = wishAvailability(
    await copiesOfBibs(tx, [bibId]),
    (await activeHoldsOfBibs(tx, [bibId])).length,
    usual,
    bib?.latestIssue ?? false,
  );
  const atUsual = a.kind === 'onShelf' && a.atUsualBranch && usual ? usual : null;
  await insertNotice(tx, {
    patronId,
    kind: 'wish_offer',
    channel: 'line',
    payload: { bibId, title: bib?.title ?? '', onShelfAt: atUsual },
    dedupeKey: `wish_offer:${freedHoldId}`,
    dueAt: now,
  });
}

/**
 * R-SER-1: the patron borrowed (or collected) a volume of a work: the next volume is offered in a
 * LINE notice with a 予約申込 button, when the patron may reserve it now (eligible, under the cap,
 * not holding or borrowing it). Once per loan (its dedupe key), in the checkout's transaction.
 */
export async function offerNextVolume(
  tx: Tx,
  patronId: string,
  bibId: string,
  loanId: string,
  now: Date,
): Promise<void> {
  const bib = await findBib(tx, bibId);
  const v = bib && volumeOf(bib.title);
  if (!bib || !v) return;
  if (!(await patronHasLineUser(tx, patronId))) return;
  const next = nextVolume(bib, await titlesStartingWith(tx, v.stem));
  if (!next) return;
  const patron = await findPatron(tx, patronId);
  if (!patron || !(await checkHold(tx, patron, next.bibId, 'online', now)).ok) return;
  await insertNotice(tx, {
    patronId,
    kind: 'series_offer',
    channel: 'line',
    payload: { bibId: next.bibId, title: next.title, previousTitle: bib.title },
    dedupeKey: `series_offer:${loanId}`,
    dueAt: now,
  });
}
