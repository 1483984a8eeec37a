// Loans and renewal (R-LOAN-1..4).

import { dueDateOnOpeningDay } from './calendar.js';
import type { BranchCalendar } from './calendar.js';
import { addDays, compareDates } from './dates.js';
import type { IsoDate } from './dates.js';
import { isAudiovisual } from './holds.js';
import type { MaterialType } from './holds.js';
import { refuse } from './refusals.js';
import type { Refusal } from './refusals.js';

export const DEFAULT_LOAN_PERIOD_DAYS = 14;

/** R-LOAN-3: 申込日から2週間. */
export const RENEWAL_PERIOD_DAYS = 14;

/** R-LOAN-4: 一度延長した資料は延長できません. */
export const MAX_RENEWALS = 1;

/** The due date of a checkout: the loan period later, moved to an opening day of the branch. */
export function dueDateFor(checkoutDate: IsoDate, cal: BranchCalendar, periodDays = DEFAULT_LOAN_PERIOD_DAYS): IsoDate {
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
export function renewalRefusal(l: LoanForRenewal, today: IsoDate): Refusal | null {
  if (isOverdue(l.dueDate, today)) return refuse('NOT_RENEWABLE_OVERDUE', { dueDate: l.dueDate });
  if (l.renewals >= MAX_RENEWALS) return refuse('NOT_RENEWABLE_ALREADY_RENEWED');
  if (isAudiovisual(l.materialType)) return refuse('NOT_RENEWABLE_AV');
  if (l.hasWaitingHold) return refuse('NOT_RENEWABLE_HELD_FOR_OTHERS');
  return null;
}

/** R-LOAN-3: two weeks after the day of the request, moved to an opening day. */
export function renewedDueDate(today: IsoDate, cal: BranchCalendar): IsoDate {
  return dueDateOnOpeningDay(cal, addDays(today, RENEWAL_PERIOD_DAYS));
}

/**
 * The rule counts from the day of the request, not from the old due date, so
 * renewing soon after checkout can bring the due date forward. Not a refusal
 * (the guide lists none), but the confirmation step should say so.
 */
export function renewalShortensLoan(currentDueDate: IsoDate, today: IsoDate, cal: BranchCalendar): boolean {
  return compareDates(renewedDueDate(today, cal), currentDueDate) < 0;
}
