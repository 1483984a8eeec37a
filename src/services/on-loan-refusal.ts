import type { Executor } from '../db/executor.js';
import { openLoansOfPatron } from '../db/loans.js';
import { refuse, type Refusal } from '../domain/refusals.js';
import { previewRenewal } from './renewal.js';

/**
 * TITLE_ON_LOAN_TO_PATRON with what the patron can do instead: renew the loan when R-LOAN-4
 * allows it (`renewal: 'possible'`), else the renewal's own refusal (`renewal: <its code>`, with
 * its params), so a patron is never sent to 延長する only to be refused there.
 */
export async function titleOnLoanRefusal(db: Executor, patronId: string, bibId: string, now: Date): Promise<Refusal> {
  const loan = (await openLoansOfPatron(db, patronId)).find((l) => l.bibId === bibId);
  if (!loan) return refuse('TITLE_ON_LOAN_TO_PATRON');
  const renewal = await previewRenewal(db, { loanId: loan.id, patronId }, now);
  if (renewal.ok) return refuse('TITLE_ON_LOAN_TO_PATRON', { renewal: 'possible', dueDate: loan.dueDate });
  if (renewal.failure.kind !== 'refused') return refuse('TITLE_ON_LOAN_TO_PATRON');
  const r = renewal.failure.refusal;
  return refuse('TITLE_ON_LOAN_TO_PATRON', { dueDate: loan.dueDate, ...r.params, renewal: r.code });
}
