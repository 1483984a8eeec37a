// What a closed date added after the fact does to dates already promised to patrons (issue 29).
// The guide says only that a due date on a closed day moves to the next opening day (R-LOAN,
// dueDateOnOpeningDay) and counts the hold shelf in opening days (R-RES-8); these rules apply the
// same two counts to a calendar that changed, with IDs of their own (docs/staff-console.md):
//
// - S-CAL-1: when dates close, an open loan due on one of them is due on the next opening day of
//   its branch, and a ready hold's pickup deadline is counted again from its secured date on the
//   new calendar; neither date ever becomes earlier.
// - S-CAL-2: when a closed date opens again, no promised date moves back: the patron was told a
//   date, and an earlier one would mislead them.

import { dueDateOnOpeningDay, pickupDeadline, type BranchCalendar } from './calendar.js';
import { compareDates, type IsoDate } from './dates.js';

const later = (a: IsoDate, b: IsoDate) => (compareDates(a, b) >= 0 ? a : b);

/** S-CAL-1: a loan's due date on the calendar after the closure (unchanged when still open). */
export function dueDateAfterClosure(cal: BranchCalendar, due: IsoDate): IsoDate {
  return later(dueDateOnOpeningDay(cal, due), due);
}

/** S-CAL-1: a ready hold's pickup deadline on the calendar after the closure, never earlier than it was. */
export function pickupDeadlineAfterClosure(
  cal: BranchCalendar,
  hold: { securedOn: IsoDate; pickupDeadline: IsoDate },
  shelfOpeningDays: number,
): IsoDate {
  return later(pickupDeadline(cal, hold.securedOn, shelfOpeningDays), hold.pickupDeadline);
}
