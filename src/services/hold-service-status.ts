import { itemsOfBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { expectedWait, shelfCalendarDays, type ExpectedWait } from '../domain/expected-wait.js';
import { isSuspended, pauseRefusal, pickupChangeRefusal } from '../domain/hold-pauses.js';
import { holdSlots, type HoldSlots } from '../domain/hold-slots.js';
import type { HoldChannel } from '../domain/holds.js';
import type { HoldStatus } from '../domain/hold-status.js';
import { libraryProfile } from '../profile/active.js';

/** Issue 26's facts of one hold in ご利用状況. */
export interface HoldServiceFacts {
  /** R-RES-11: suspended through this day (null: not suspended now). */
  suspendedUntil: IsoDate | null;
  notNeededAfter: IsoDate | null;
  /** R-RES-13: for a hold waiting with a place in line (N位 and no copy yet). */
  wait: ExpectedWait | null;
  /** R-RES-10, R-RES-11: the buttons the card offers. */
  canChangePickup: boolean;
  canPause: boolean;
}

/** The hold slots used, per counted channel (R-RES-14). */
export function slotsOf(active: readonly { channel: HoldChannel }[]): HoldSlots {
  return holdSlots(active, libraryProfile().holds);
}

export async function holdServiceFacts(
  db: Executor,
  h: {
    bibId: string;
    status: HoldStatus;
    position: number | null;
    pickupBranch: string;
    suspendedUntil: IsoDate | null;
    notNeededAfter: IsoDate | null;
  },
  now: Date,
): Promise<HoldServiceFacts> {
  const today = tokyoDate(now);
  const profile = libraryProfile();
  const suspended = isSuspended(h, today);
  let wait: ExpectedWait | null = null;
  if (h.status === 'queued' && h.position !== null) {
    const lendable = (await itemsOfBib(db, h.bibId)).filter((i) => !i.inLibraryOnly).length;
    wait = expectedWait({
      position: h.position,
      lendableCopies: lendable,
      loanPeriodDays: profile.loans.periodDays,
      shelfDays: shelfCalendarDays(profile.holds.shelfOpeningDays),
    });
  }
  // Any other pickup branch would do for the question "may it move at all".
  const canChangePickup =
    profile.branches.filter((b) => b.pickupPoint).length > 1 &&
    pickupChangeRefusal(h.status, h.pickupBranch, `${h.pickupBranch}~other`) === null;
  const canPause =
    !suspended && pauseRefusal(h.status, 'notNeededAfter', today, today, profile.holds.suspendMaxDays) === null;
  return {
    suspendedUntil: suspended ? h.suspendedUntil : null,
    notNeededAfter: h.notNeededAfter,
    wait,
    canChangePickup,
    canPause,
  };
}
