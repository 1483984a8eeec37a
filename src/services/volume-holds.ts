import { findBib } from '../db/catalog.js';
import type { Tx } from '../db/executor.js';
import { activeHoldsOfPatron, type HoldRow } from '../db/holds.js';
import { heldBackReadyNoticesDueNow } from '../db/wish-list.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { tokyoDate, tokyoStartOfDay, type IsoDate } from '../domain/dates.js';
import { collectedTogether, holdBackUntil, type VolumeHold } from '../domain/volume-holds.js';
import { libraryProfile } from '../profile/active.js';

/**
 * R-SER-2: when the 受取り可 notice of a hold made ready now is due. Now, unless a volume of the
 * same work placed with it still waits: then at the end of quiet hours of the hold-back day (it
 * goes earlier, with the other's, when that one is ready). A companion ready already had its
 * notice held back for this one: it is due now too, so both go in one push.
 */
export async function readyNoticeDue(
  tx: Tx,
  hold: HoldRow,
  cal: BranchCalendar,
  today: IsoDate,
  now: Date,
): Promise<Date> {
  const others = (await activeHoldsOfPatron(tx, hold.patronId)).filter(
    (h) => h.id !== hold.id && h.pickupBranch === hold.pickupBranch,
  );
  if (others.length === 0) return now;
  const me = await volumeHold(tx, hold);
  if (!me) return now;
  const companions: HoldRow[] = [];
  for (const o of others) {
    const v = await volumeHold(tx, o);
    if (v && collectedTogether(me, v)) companions.push(o);
  }
  const ready = companions.filter((c) => c.status === 'ready');
  if (companions.length === ready.length) {
    await heldBackReadyNoticesDueNow(
      tx,
      ready.map((c) => c.id),
      now,
    );
    return now;
  }
  const profile = libraryProfile();
  const until = holdBackUntil(cal, today, profile.holds.shelfOpeningDays);
  const at = new Date(tokyoStartOfDay(until).getTime() + profile.quietHours.until * 3_600_000);
  return at > now ? at : now;
}

async function volumeHold(tx: Tx, h: HoldRow): Promise<VolumeHold | null> {
  const bib = await findBib(tx, h.bibId);
  return bib
    ? { title: bib.title, author: bib.author, pickupBranch: h.pickupBranch, requestedOn: tokyoDate(h.requestedAt) }
    : null;
}
