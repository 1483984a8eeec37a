import type { Kysely } from 'kysely';
import { activeHoldsOfBibs } from '../db/holds.js';
import { openLoan, renewLoanRow, type LoanRow } from '../db/loans.js';
import { findPatron } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { audit, type AuditActor } from '../db/audit.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import { renewalRefusal, renewalShortensLoan, renewalTooSoon, renewedDueDate } from '../domain/loans.js';
import { branchCalendar } from './calendar.js';
import { inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { libraryProfile } from '../profile/active.js';

export interface RenewalPreview {
  loanId: string;
  title: string;
  dueDate: IsoDate;
  newDueDate: IsoDate;
  /** R-LOAN-3 counts from today: renewing early can bring the due date forward. */
  shortens: boolean;
}

/**
 * R-LOAN-2..4: whether the patron's own loan may be renewed today, and to when. A hold "waits
 * for" the title when another patron's hold on it is not yet served by a copy (依頼中 or N位
 * without a trapped copy). Another patron's loan id is answered like an unknown one.
 */
export async function previewRenewal(
  db: Executor,
  req: { loanId: string; patronId: string },
  now: Date,
): Promise<Outcome<RenewalPreview>> {
  return renewalOf(db, await openLoan(db, req.loanId), req, now);
}

/** The checks of previewRenewal on a loan read already (renewLoan reads it under its row lock). */
async function renewalOf(
  db: Executor,
  loan: LoanRow | undefined,
  req: { loanId: string; patronId: string },
  now: Date,
): Promise<Outcome<RenewalPreview>> {
  const today = tokyoDate(now);
  if (!loan || loan.patronId !== req.patronId) return notFound('loan', req.loanId);
  const patron = await findPatron(db, loan.patronId);
  if (!patron) return notFound('patron', loan.patronId);
  const profile = libraryProfile();
  const eligibility = serviceRefusal(
    { ...patron, hasPassword: patron.passwordHash !== null },
    'renew',
    today,
    profile.services,
  );
  if (eligibility) return refused(eligibility);
  const waiting = (await activeHoldsOfBibs(db, [loan.bibId])).some(
    (h) => h.patronId !== loan.patronId && (h.status === 'requested' || h.status === 'queued'),
  );
  const refusal = renewalRefusal(
    {
      dueDate: loan.dueDate,
      renewals: loan.renewals,
      materialType: loan.materialType,
      hasWaitingHold: waiting,
    },
    today,
    profile.loans.renewal,
  );
  if (refusal) return refused(refusal);
  const cal = await branchCalendar(db, loan.branchCode, today);
  const tooSoon = renewalTooSoon(loan.dueDate, today, cal, profile.loans.renewal);
  if (tooSoon) return refused(tooSoon);
  return ok({
    loanId: loan.id,
    title: loan.title,
    dueDate: loan.dueDate,
    newDueDate: renewedDueDate(today, cal, profile.loans.renewal),
    shortens: renewalShortensLoan(loan.dueDate, today, cal, profile.loans.renewal),
  });
}

/** Renews the patron's own loan, checked again under the loan's row lock. */
export async function renewLoan(
  db: Kysely<DB>,
  req: { loanId: string; patronId: string; actor: AuditActor },
  now: Date,
): Promise<Outcome<{ loanId: string; dueDate: IsoDate }>> {
  return inTransaction(db, async (tx) => {
    const preview = await renewalOf(tx, await openLoan(tx, req.loanId, { forUpdate: true }), req, now);
    if (!preview.ok) return preview;
    await renewLoanRow(tx, preview.value.loanId, preview.value.newDueDate, now);
    await audit(tx, {
      actor: req.actor,
      action: 'loan.renew',
      patronId: req.patronId,
      loanId: preview.value.loanId,
      details: { dueDate: preview.value.newDueDate },
    });
    return ok({ loanId: preview.value.loanId, dueDate: preview.value.newDueDate });
  });
}
