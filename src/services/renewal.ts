import type { Kysely } from 'kysely';
import { activeHoldsOfBibs } from '../db/holds.js';
import { openLoan, renewLoanRow } from '../db/loans.js';
import { findPatron } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { audit } from '../db/audit.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import type { MaterialType } from '../domain/holds.js';
import { renewalRefusal, renewedDueDate } from '../domain/loans.js';
import { branchCalendar } from './calendar.js';
import { inTransaction, notFound, ok, refused, type Outcome } from './errors.js';

/**
 * R-LOAN-2..4: renews a patron's own loan. A hold "waits for" the title when another patron's
 * hold on it is not yet served by a copy (依頼中 or N位 without a trapped copy).
 */
export async function renewLoan(db: Kysely<DB>, req: { loanId: string; patronId: string; actor: string }, now: Date): Promise<Outcome<{ loanId: string; dueDate: IsoDate }>> {
  const today = tokyoDate(now);
  return inTransaction(db, async (tx) => {
    const loan = await openLoan(tx, req.loanId, { forUpdate: true });
    // Another patron's loan id is answered like an unknown one (no hint that it exists).
    if (!loan || loan.patronId !== req.patronId) return notFound('loan', req.loanId);
    const patron = await findPatron(tx, loan.patronId);
    if (!patron) return notFound('patron', loan.patronId);
    const eligibility = serviceRefusal({ ...patron, hasPassword: patron.passwordHash !== null }, 'renew', today);
    if (eligibility) return refused(eligibility);
    const waiting = (await activeHoldsOfBibs(tx, [loan.bibId])).some((h) => h.patronId !== loan.patronId && (h.status === 'requested' || h.status === 'queued'));
    const refusal = renewalRefusal({ dueDate: loan.dueDate, renewals: loan.renewals, materialType: loan.materialType as MaterialType, hasWaitingHold: waiting }, today);
    if (refusal) return refused(refusal);
    const dueDate = renewedDueDate(today, await branchCalendar(tx, loan.branchCode, today));
    await renewLoanRow(tx, loan.id, dueDate, now);
    await audit(tx, { actor: req.actor, action: 'loan.renew', patronId: loan.patronId, loanId: loan.id, details: { dueDate } });
    return ok({ loanId: loan.id, dueDate });
  });
}
