import { sql } from 'kysely';
import type { Executor } from './executor.js';

export interface AnnouncementRow {
  id: string;
  body: string;
  audience: string;
  status: 'ready' | 'sending' | 'done';
  recipients: number;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface BatchRow {
  id: string;
  batchNo: number;
  lineUserIds: string[];
  retryKey: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
}

/**
 * LINE users following the account with a card linked; with `branch`, those with a card whose usual
 * pickup branch it is. Any of their cards, not only the active one: a parent holding a child's
 * card that picks up at another branch hears that branch's news (docs/family-cards.md). Each
 * LINE user once.
 */
export async function announcementRecipients(db: Executor, branch: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('line_users as u')
    .select('u.line_user_id')
    .where('u.following', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('line_user_cards as c')
          .innerJoin('patrons as p', 'p.id', 'c.patron_id')
          .select('c.patron_id')
          .whereRef('c.line_user_id', '=', 'u.line_user_id')
          .$if(branch !== null, (q) => q.where('p.last_pickup_branch', '=', branch!)),
      ),
    )
    .orderBy('u.line_user_id')
    .execute();
  return rows.map((r) => r.line_user_id);
}

export async function insertAnnouncement(
  db: Executor,
  a: { body: string; audience: string; createdBy: string; batches: { ids: string[]; retryKey: string }[] },
): Promise<string> {
  const row = await db
    .insertInto('announcements')
    .values({
      body: a.body,
      audience: a.audience,
      recipients: a.batches.reduce((n, b) => n + b.ids.length, 0),
      created_by: a.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.batches.length > 0)
    await db
      .insertInto('announcement_batches')
      .values(
        a.batches.map((b, i) => ({
          announcement_id: row.id,
          batch_no: i + 1,
          line_user_ids: b.ids,
          retry_key: b.retryKey,
        })),
      )
      .execute();
  return row.id;
}

const COLUMNS = ['id', 'body', 'audience', 'status', 'recipients', 'created_by', 'created_at', 'finished_at'] as const;

export async function announcementById(db: Executor, id: string): Promise<AnnouncementRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await db.selectFrom('announcements').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export async function recentAnnouncements(db: Executor, limit: number): Promise<AnnouncementRow[]> {
  const rows = await db.selectFrom('announcements').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRow);
}

const toRow = (r: {
  id: string;
  body: string;
  audience: string;
  status: 'ready' | 'sending' | 'done';
  recipients: number;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}): AnnouncementRow => ({
  id: r.id,
  body: r.body,
  audience: r.audience,
  status: r.status,
  recipients: r.recipients,
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export async function batchesOfAnnouncement(db: Executor, id: string): Promise<BatchRow[]> {
  const rows = await db
    .selectFrom('announcement_batches')
    .select(['id', 'batch_no', 'line_user_ids', 'retry_key', 'status', 'attempts', 'last_error'])
    .where('announcement_id', '=', id)
    .orderBy('batch_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    batchNo: r.batch_no,
    lineUserIds: r.line_user_ids,
    retryKey: r.retry_key,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}

export async function settleBatch(
  db: Executor,
  id: string,
  outcome: { status: 'sent'; at: Date } | { status: 'pending' | 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('announcement_batches')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.at, last_error: null, attempts: sql`attempts + 1` }
        : { status: outcome.status, last_error: outcome.error.slice(0, 500), attempts: sql`attempts + 1` },
    )
    .where('id', '=', id)
    .execute();
}

export async function setAnnouncementStatus(
  db: Executor,
  id: string,
  status: 'sending' | 'done',
  at: Date,
): Promise<void> {
  await db
    .updateTable('announcements')
    .set(status === 'done' ? { status, finished_at: at } : { status })
    .where('id', '=', id)
    .execute();
}
