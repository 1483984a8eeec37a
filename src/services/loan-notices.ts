import type { Tx } from '../db/executor.js';
import { findHold, type HoldRow } from '../db/holds.js';
import { insertNotices } from '../db/notices.js';
import { openLoansOfTitle } from '../db/reminders.js';
import { loanNoticeChannel } from '../domain/notices.js';
import { previewRenewal } from './renewal.js';

export type LoanOfTitle = Awaited<ReturnType<typeof openLoansOfTitle>>[number];

/**
 * "Someone reserved a title you have on loan, so it cannot be renewed." Written when the hold is
 * placed (依頼中 included), because that is when previewRenewal starts refusing (R-LOAN-4: a hold
 * waits for the title). Called in two halves around placing the hold, in its transaction: first
 * the loans that may be renewed now, then, if the new hold still waits (no shelf copy served it),
 * a notice for each of them. Borrowers who could not renew anyway are not told: nothing changed
 * for them. A loan refused only as too soon (R-LOAN-6: renewing today would not move its due date)
 * counts as renewable: from its first useful day it would have been, and now it will not.
 */
export async function renewableLoansOfTitle(tx: Tx, bibId: string, now: Date): Promise<LoanOfTitle[]> {
  const out: LoanOfTitle[] = [];
  for (const l of await openLoansOfTitle(tx, bibId)) {
    const r = await previewRenewal(tx, { loanId: l.loanId, patronId: l.patronId }, now);
    if (r.ok || (r.failure.kind === 'refused' && r.failure.refusal.code === 'NOT_RENEWABLE_NOT_YET')) out.push(l);
  }
  return out;
}

export async function noticeRenewalsBlocked(
  tx: Tx,
  loans: readonly LoanOfTitle[],
  hold: HoldRow,
  now: Date,
): Promise<number> {
  if (loans.length === 0) return 0;
  const current = await findHold(tx, hold.id);
  if (!current || (current.status !== 'requested' && current.status !== 'queued')) return 0;
  return insertNotices(
    tx,
    loans.flatMap((l) => {
      const channel = l.patronId === hold.patronId ? null : loanNoticeChannel(l);
      if (!channel) return [];
      return [
        {
          patronId: l.patronId,
          kind: 'loan_reserved',
          channel,
          holdId: hold.id,
          loanId: l.loanId,
          payload: { title: l.title, dueDate: l.dueDate },
          dedupeKey: `loan_reserved:${l.loanId}:${hold.id}`,
          dueAt: now,
        },
      ];
    }),
  );
}
