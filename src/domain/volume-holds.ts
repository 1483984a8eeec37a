// R-SER-2 (issue 26; docs/wish-list.md): holds for volumes of one work placed together are
// collected together. Two holds of one patron are "together" when they are for different volumes
// of the same work (R-SER-1: same stem, same author), for the same pickup branch, placed on the
// same day. When one is ready and another still waits, its 受取り可 notice is held back so the
// patron comes once for both; within the shelf rule (R-RES-8): the deadline does not move, and the
// notice goes at the latest on the opening day that leaves half the shelf period, so the patron
// always has time to come for the one that is ready.

import { nthOpeningDayAfter, type BranchCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';
import { foldVolumeText, volumeOf } from './volumes.js';

export interface VolumeHold {
  title: string;
  author: string | null;
  pickupBranch: string;
  /** Tokyo day the hold was placed. */
  requestedOn: IsoDate;
}

const fold = foldVolumeText;

/** R-SER-2: whether two holds are volumes of one work placed together, to be collected together. */
export function collectedTogether(a: VolumeHold, b: VolumeHold): boolean {
  const va = volumeOf(a.title);
  const vb = volumeOf(b.title);
  return (
    va !== null &&
    vb !== null &&
    va.stem === vb.stem &&
    va.volume !== vb.volume &&
    fold(a.author) === fold(b.author) &&
    a.pickupBranch === b.pickupBranch &&
    a.requestedOn === b.requestedOn
  );
}

/**
 * R-SER-2 within R-RES-8: the last day a ready volume's notice may wait for its companions: the
 * opening day that leaves half the shelf period (Kamagaya 7 → the 3rd opening day after it was
 * secured, 4 left to come).
 */
export function holdBackUntil(cal: BranchCalendar, securedOn: IsoDate, shelfOpeningDays: number): IsoDate {
  const days = Math.floor(shelfOpeningDays / 2);
  return days < 1 ? securedOn : nthOpeningDayAfter(cal, securedOn, days);
}
