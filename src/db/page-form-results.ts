import type { Executor } from './executor.js';

export type FormOutcome = 'done' | 'failed';
export interface FormResult {
  outcome: FormOutcome;
  shown: Record<string, string>;
}

/**
 * Records what became of a form, unless something is already recorded for it: the first word
 * stands (a double submission whose second half failed after the first succeeded stays 'done').
 * Answers what is recorded now.
 */
export async function recordFormResult(
  db: Executor,
  r: { resultHash: string; purpose: string; outcome: FormOutcome; shown: Record<string, string>; expiresAt: Date },
  now: Date,
): Promise<FormResult> {
  // Expired rows go as new ones come: the table holds a day's submissions, not every one ever made.
  await db.deleteFrom('page_form_results').where('expires_at', '<=', now).execute();
  await db
    .insertInto('page_form_results')
    .values({
      result_hash: r.resultHash,
      purpose: r.purpose,
      outcome: r.outcome,
      shown: JSON.stringify(r.shown),
      created_at: now,
      expires_at: r.expiresAt,
    })
    .onConflict((oc) => oc.column('result_hash').doNothing())
    .execute();
  return (await formResultOf(db, r.resultHash, r.purpose, now)) ?? { outcome: r.outcome, shown: r.shown };
}

export async function formResultOf(
  db: Executor,
  resultHash: string,
  purpose: string,
  now: Date,
): Promise<FormResult | undefined> {
  const r = await db
    .selectFrom('page_form_results')
    .select(['outcome', 'shown'])
    .where('result_hash', '=', resultHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r && { outcome: r.outcome, shown: r.shown };
}
