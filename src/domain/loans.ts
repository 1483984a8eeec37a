// Loans and renewal (R-LOAN-1..4, R-LOAN-6).

import { dueDateOnOpeningDay } from './calendar.js';
import type { BranchCalendar } from './calendar.js';
import { addDays, compareDates } from './dates.js';
import type { IsoDate } from './dates.js';
import { isAudiovisual } from './holds.js';
import type { MaterialType } from './holds.js';
import { refuse } from './refusals.js';
import type { Refusal } from './refusals.js';

/**
 * The profile's loans.renewal (Kamagaya: once, two weeks from the request, not audiovisual material:
 * R-LOAN-3, R-LOAN-4).
 */
export interface RenewalRules {
  times: number;
  periodDays: number;
  materials: readonly MaterialType[];
}

/** The due date of a checkout: the loan period (profile loans.periodDays) later, on an opening day. */
export function dueDateFor(checkoutDate: IsoDate, cal: BranchCalendar, periodDays: number): IsoDate {
  return dueDateOnOpeningDay(cal, addDays(checkoutDate, periodDays));
}

/** Overdue from the day after the due date: the due date itself is still in time. */
export function isOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return compareDates(today, dueDate) > 0;
}

export interface LoanForRenewal {
  dueDate: IsoDate;
  renewals: number;
  materialType: MaterialType;
  /** Another patron has an active hold on this title (次に予約が入っている). */
  hasWaitingHold: boolean;
}

/**
 * R-LOAN-4. Only the first failing reason is reported, in this order:
 * 1. overdue: the one reason that asks for something today (return it), and
 *    the most important to hear.
 * 2. already renewed, 3. audiovisual: facts of this loan that never change,
 *    so the patron knows no later attempt will work.
 * 4. held for others: the only reason that may pass. Told last, so a patron is
 *    never told "someone is waiting" (and tempted to try again later) when the
 *    renewal would be refused anyway.
 */
export function renewalRefusal(
  l: LoanForRenewal,
  today: IsoDate,
  rules: Pick<RenewalRules, 'times' | 'materials'>,
): Refusal | null {
  if (isOverdue(l.dueDate, today)) return refuse('NOT_RENEWABLE_OVERDUE', { dueDate: l.dueDate });
  if (l.renewals >= rules.times) return refuse('NOT_RENEWABLE_ALREADY_RENEWED', { times: rules.times });
  if (!rules.materials.includes(l.materialType)) {
    return refuse(isAudiovisual(l.materialType) ? 'NOT_RENEWABLE_AV' : 'NOT_RENEWABLE_MATERIAL');
  }
  if (l.hasWaitingHold) return refuse('NOT_RENEWABLE_HELD_FOR_OTHERS');
  return null;
}

/** R-LOAN-3: the renewal period (Kamagaya: two weeks) after the day of the request, on an opening day. */
export function renewedDueDate(today: IsoDate, cal: BranchCalendar, rules: Pick<RenewalRules, 'periodDays'>): IsoDate {
  return dueDateOnOpeningDay(cal, addDays(today, rules.periodDays));
}

/**
 * The rule counts from the day of the request, not from the old due date, so
 * renewing soon after checkout can bring the due date forward. Not a refusal
 * (the guide lists none), but the confirmation step should say so.
 */
export function renewalShortensLoan(
  currentDueDate: IsoDate,
  today: IsoDate,
  cal: BranchCalendar,
  rules: Pick<RenewalRules, 'periodDays'>,
): boolean {
  return compareDates(renewedDueDate(today, cal, rules), currentDueDate) < 0;
}

/**
 * R-LOAN-6 (the project's rule; the guide is silent): a renewal that would leave the due date where it
 * is, as on the day of checkout (two weeks from today is the due date itself), is refused with the
 * first day from which it moves it later: accepted, it would spend one of the profile's renewals for
 * nothing. A renewal that brings the due date forward stays allowed, with a warning (above).
 */
export function renewalTooSoon(
  currentDueDate: IsoDate,
  today: IsoDate,
  cal: BranchCalendar,
  rules: Pick<RenewalRules, 'periodDays'>,
): Refusal | null {
  if (renewedDueDate(today, cal, rules) !== currentDueDate) return null;
  // renewedDueDate never decreases from one day to the next, so the first later one is the answer.
  let from = addDays(today, 1);
  while (compareDates(renewedDueDate(from, cal, rules), currentDueDate) <= 0) from = addDays(from, 1);
  return refuse('NOT_RENEWABLE_NOT_YET', { dueDate: currentDueDate, from });
}
