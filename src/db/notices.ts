import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './executor.js';

export interface NewNotice {
  patronId: string;
  kind: string;
  channel: 'line' | 'email';
  holdId?: string | null;
  loanId?: string | null;
  payload: Record<string, unknown>;
  /** The same change never makes two notices (e.g. 'hold_ready:<holdId>:<securedOn>'). */
  dedupeKey: string;
  dueAt: Date;
  /** Only for a notice to one LINE user rather than the card's link (card_moved, docs/family-cards.md). */
  lineUserId?: string;
}

export async function insertNotice(db: Executor, n: NewNotice): Promise<void> {
  await insertNotices(db, [n]);
}

/** Inserts the notices; a dedupe key already there is skipped. Answers how many were new. */
export async function insertNotices(db: Executor, notices: NewNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await db
    .insertInto('notices')
    .values(
      notices.map((n) => ({
        patron_id: n.patronId,
        kind: n.kind,
        channel: n.channel,
        hold_id: n.holdId ?? null,
        loan_id: n.loanId ?? null,
        payload: JSON.stringify(n.payload),
        dedupe_key: n.dedupeKey,
        due_at: n.dueAt,
        retry_key: randomUUID(),
        line_user_id: n.lineUserId ?? null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export async function settleNotice(
  db: Executor,
  id: string,
  outcome:
    | { status: 'sent'; at: Date }
    | { status: 'pending'; retryAt: Date; error: string }
    | { status: 'failed' | 'dropped'; error: string },
): Promise<void> {
  const attempts = sql<number>`attempts + 1`;
  if (outcome.status === 'sent') {
    await db
      .updateTable('notices')
      .set({ status: 'sent', sent_at: outcome.at, attempts })
      .where('id', '=', id)
      .execute();
  } else if (outcome.status === 'pending') {
    await db
      .updateTable('notices')
      .set({ due_at: outcome.retryAt, last_error: outcome.error.slice(0, 500), attempts })
      .where('id', '=', id)
      .execute();
  } else {
    await db
      .updateTable('notices')
      .set({ status: outcome.status, last_error: outcome.error.slice(0, 500), attempts })
      .where('id', '=', id)
      .execute();
  }
}
