import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Tx } from './executor.js';

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
}

export async function insertNotice(db: Executor, n: NewNotice): Promise<void> {
  await insertNotices(db, [n]);
}

export async function insertNotices(db: Executor, notices: NewNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await db
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
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface DueNotice {
  id: string;
  patronId: string;
  kind: string;
  channel: 'line' | 'email';
  payload: Record<string, unknown>;
  attempts: number;
  retryKey: string;
  createdAt: Date;
  lineUserId: string | null;
  following: boolean | null;
}

/** Claims due notices of one channel; rows stay locked (SKIP LOCKED for other instances) until commit. */
export async function claimDueNotices(tx: Tx, channel: 'line' | 'email', now: Date, limit: number): Promise<DueNotice[]> {
  const rows = await tx
    .selectFrom('notices')
    .leftJoin('line_users', 'line_users.patron_id', 'notices.patron_id')
    .select(['notices.id', 'notices.patron_id', 'notices.kind', 'notices.channel', 'notices.payload', 'notices.attempts', 'notices.retry_key', 'notices.created_at', 'line_users.line_user_id', 'line_users.following'])
    .where('notices.status', '=', 'pending')
    .where('notices.channel', '=', channel)
    .where('notices.due_at', '<=', now)
    .orderBy('notices.due_at')
    .orderBy('notices.id')
    .limit(limit)
    .forUpdate(['notices'])
    .skipLocked()
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    kind: r.kind,
    channel: r.channel,
    payload: r.payload,
    attempts: r.attempts,
    retryKey: r.retry_key,
    createdAt: r.created_at,
    lineUserId: r.line_user_id,
    following: r.following,
  }));
}

export async function settleNotice(
  db: Executor,
  id: string,
  outcome: { status: 'sent'; at: Date } | { status: 'pending'; retryAt: Date; error: string } | { status: 'failed' | 'dropped'; error: string },
): Promise<void> {
  const attempts = sql<number>`attempts + 1`;
  if (outcome.status === 'sent') {
    await db.updateTable('notices').set({ status: 'sent', sent_at: outcome.at, attempts }).where('id', '=', id).execute();
  } else if (outcome.status === 'pending') {
    await db.updateTable('notices').set({ due_at: outcome.retryAt, last_error: outcome.error.slice(0, 500), attempts }).where('id', '=', id).execute();
  } else {
    await db.updateTable('notices').set({ status: outcome.status, last_error: outcome.error.slice(0, 500), attempts }).where('id', '=', id).execute();
  }
}
