import { sql, type Kysely } from 'kysely';
import { anyBigint, type Executor } from './executor.js';
import { settleNotice } from './notices.js';
import type { DB } from './schema.js';

/** An e-mail notice taken for sending, with the patron's confirmed address (null when there is none). */
export interface DueMail {
  id: string;
  patronId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  retryKey: string;
  createdAt: Date;
  confirmedEmail: string | null;
}

/**
 * Takes due e-mail notices and leases them: their due_at moves to `leaseUntil` in the same short
 * transaction, so the mail is sent with no row lock held (PGlite has one connection, and an SMTP
 * server may take seconds), and no other run or instance picks them up meanwhile. A process that
 * dies while sending leaves the notice to be tried again when the lease ends.
 */
export async function leaseDueMail(
  db: Kysely<DB>,
  now: Date,
  leaseUntil: Date,
  limit: number,
  onlyId?: string,
): Promise<DueMail[]> {
  return db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('notices')
      .innerJoin('patrons', 'patrons.id', 'notices.patron_id')
      .select([
        'notices.id',
        'notices.patron_id',
        'notices.kind',
        'notices.payload',
        'notices.attempts',
        'notices.retry_key',
        'notices.created_at',
        'patrons.email',
        'patrons.email_confirmed_at',
      ])
      .where('notices.status', '=', 'pending')
      .where('notices.channel', '=', 'email')
      .where('notices.due_at', '<=', now);
    if (onlyId !== undefined) q = q.where('notices.id', '=', onlyId);
    const rows = await q
      .orderBy('notices.due_at')
      .orderBy('notices.id')
      .limit(limit)
      .forUpdate(['notices'])
      .skipLocked()
      .execute();
    if (rows.length > 0)
      await tx
        .updateTable('notices')
        .set({ due_at: leaseUntil })
        .where('id', '=', anyBigint(rows.map((r) => r.id)))
        .execute();
    return rows.map((r) => ({
      id: r.id,
      patronId: r.patron_id,
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      retryKey: r.retry_key,
      createdAt: r.created_at,
      confirmedEmail: r.email !== null && r.email_confirmed_at !== null ? r.email : null,
    }));
  });
}

/**
 * Records an attempt. Once a mail is done with (sent, or given up), the secret it carried (a
 * confirmation token) is taken out of the payload: the outbox keeps no live link.
 */
export async function settleMail(db: Executor, id: string, outcome: Parameters<typeof settleNotice>[2]): Promise<void> {
  await settleNotice(db, id, outcome);
  if (outcome.status !== 'pending')
    await db.updateTable('notices').set({ payload: sql`payload - 'token'` }).where('id', '=', id).execute();
}
