// R-RES-13: how long a waiting hold may expect to wait, said as a range and as an estimate (目安).
// Pure: the place in line, the lendable copies and the profile's periods are passed in.

/** A range of whole weeks; `upToWeeks` alone when the lower end is 0. */
export interface ExpectedWait {
  fromWeeks: number;
  toWeeks: number;
}

/**
 * Each copy serves the holds in line in turn; the patrons ahead of this hold share the copies, so
 * this hold gets a copy in round ceil(position / copies). A round lasts from nothing (a copy
 * returned early, collected at once) up to the shelf period plus the loan period (a renewal is not
 * possible while a hold waits, R-LOAN-4). So the wait is (rounds − 1) × the loan period at the least
 * (the copies out now may come back at once, the others are kept for their loan period) and
 * rounds × (shelf period + loan period) at the most, overdue loans aside. In weeks, rounded outwards.
 * No copy that can be lent: no estimate (null).
 */
export function expectedWait(p: {
  position: number;
  lendableCopies: number;
  loanPeriodDays: number;
  /** The hold shelf period in calendar days (opening days are a little longer; the caller converts). */
  shelfDays: number;
}): ExpectedWait | null {
  if (p.lendableCopies < 1 || p.position < 1) return null;
  const rounds = Math.ceil(p.position / p.lendableCopies);
  const minDays = (rounds - 1) * p.loanPeriodDays;
  const maxDays = rounds * (p.loanPeriodDays + p.shelfDays);
  return { fromWeeks: Math.floor(minDays / 7), toWeeks: Math.max(1, Math.ceil(maxDays / 7)) };
}

/** Opening days of a shelf period as calendar days, for the estimate: one closed day a week assumed. */
export function shelfCalendarDays(shelfOpeningDays: number): number {
  return Math.ceil((shelfOpeningDays * 7) / 6);
}
