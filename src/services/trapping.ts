import { findBib, itemsOfBib, lockShelvedItem, updateItem, type ItemRow } from '../db/catalog.js';
import type { Tx } from '../db/executor.js';
import { activeHoldsOfBibs, updateHold, type HoldRow } from '../db/holds.js';
import { insertNotice } from '../db/notices.js';
import { pickupDeadline } from '../domain/calendar.js';
import { tokyoDate } from '../domain/dates.js';
import { assertTransition } from '../domain/holds.js';
import { holdToTrap } from '../domain/queue.js';
import { audit, type AuditActor } from '../db/audit.js';
import { branchCalendar } from './calendar.js';
import { libraryProfile } from '../profile/active.js';
import { readyNoticeDue } from './volume-holds.js';

/**
 * A copy that is free at `item.locationBranch` goes to the first hold in line for its title:
 * ready at once when it is already at the pickup branch, otherwise in transit there.
 * With no hold waiting it goes back on the shelf. The caller holds the copy's row lock;
 * the title's active holds are locked here, so two copies never go to one hold.
 * Returns the hold the copy was trapped for.
 */
export async function passCopyOn(tx: Tx, item: ItemRow, now: Date, actor: AuditActor): Promise<HoldRow | undefined> {
  const hold = item.inLibraryOnly
    ? undefined
    : holdToTrap(await activeHoldsOfBibs(tx, [item.bibId], { forUpdate: true }), tokyoDate(now));
  if (!hold) {
    await updateItem(tx, item.id, { status: 'available' });
    return undefined;
  }
  if (hold.pickupBranch === item.locationBranch) {
    await makeReady(tx, hold, item, now);
  } else {
    assertTransition(hold.status, 'in_transit');
    await updateHold(tx, hold.id, { status: 'in_transit', itemId: item.id, trappedAt: now }, now);
    await updateItem(tx, item.id, { status: 'in_transit' });
  }
  await audit(tx, {
    actor,
    action: 'hold.trap',
    holdId: hold.id,
    patronId: hold.patronId,
    details: { itemId: item.id, at: item.locationBranch },
  });
  return hold;
}

/** R-RES-8: secured today at the pickup branch; the deadline is stored with the hold. */
export async function makeReady(tx: Tx, hold: HoldRow, item: ItemRow, now: Date): Promise<void> {
  assertTransition(hold.status, 'ready');
  const today = tokyoDate(now);
  const cal = await branchCalendar(tx, hold.pickupBranch, today);
  const deadline = pickupDeadline(cal, today, libraryProfile().holds.shelfOpeningDays);
  await updateHold(
    tx,
    hold.id,
    { status: 'ready', itemId: item.id, trappedAt: now, securedOn: today, pickupDeadline: deadline },
    now,
  );
  await updateItem(tx, item.id, { status: 'on_hold_shelf', locationBranch: hold.pickupBranch });
  if (hold.contact !== 'none') {
    const bib = await findBib(tx, hold.bibId);
    await insertNotice(tx, {
      patronId: hold.patronId,
      kind: 'hold_ready',
      channel: hold.contact === 'email' ? 'email' : 'line',
      holdId: hold.id,
      payload: { title: bib?.title ?? '', pickupBranch: hold.pickupBranch, pickupDeadline: deadline },
      dedupeKey: `hold_ready:${hold.id}:${today}`,
      // R-SER-2: a volume placed with another that still waits is announced with it.
      dueAt: await readyNoticeDue(tx, hold, cal, today, now),
    });
  }
}

/**
 * After holds of a title became official (counter hold, morning promotion): copies standing on a
 * shelf go to them now, a copy at the pickup branch first. Copies are locked with SKIP LOCKED so a
 * copy being lent or returned at this moment is simply left to that transaction.
 */
export async function trapShelfCopies(tx: Tx, bibId: string, now: Date, actor: AuditActor): Promise<HoldRow[]> {
  const trapped: HoldRow[] = [];
  for (;;) {
    const next = holdToTrap(await activeHoldsOfBibs(tx, [bibId], { forUpdate: true }), tokyoDate(now));
    if (!next) break;
    const shelf = (await itemsOfBib(tx, bibId)).filter((i) => i.status === 'available' && !i.inLibraryOnly);
    const copy = shelf.find((i) => i.locationBranch === next.pickupBranch) ?? shelf[0];
    if (!copy) break;
    if (!(await lockShelvedItem(tx, copy.id))) break;
    const hold = await passCopyOn(tx, copy, now, actor);
    if (!hold) break;
    trapped.push(hold);
  }
  return trapped;
}
