import { sql } from 'kysely';
import type { Executor, Tx } from './executor.js';

export interface NewInboxEvent {
  webhookEventId: string;
  lineUserId: string | null;
  eventType: string;
  mode: string;
  replyToken: string | null;
  timestamp: Date;
  payload: Record<string, unknown>;
}

export interface InboxRow {
  id: string;
  webhookEventId: string;
  lineUserId: string | null;
  eventType: string;
  mode: string;
  replyToken: string | null;
  eventTimestamp: Date;
  receivedAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

// PostgreSQL text cannot hold U+0000, nor jsonb a lone UTF-16 surrogate; LINE never sends either,
// so dropping the one and replacing the other with U+FFFD loses nothing real, and one odd string
// cannot make a whole webhook body unstorable (LINE would redeliver it, failing, for ever).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableString = (_key: string, v: unknown) => (typeof v === 'string' ? v.replaceAll('\0', '').replace(LONE_SURROGATE, '\uFFFD') : v);
// The text columns too: a NUL in a (malformed) event id or type made the insert fail, a 500 (found by fuzzing).
const storable = <T extends string | null>(v: T): T => storableString('', v) as T;

/** Stores each event once; a redelivered webhookEventId is ignored. Returns how many were new. */
export async function insertInboxEvents(db: Executor, events: NewInboxEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const r = await db
    .insertInto('webhook_inbox')
    .values(
      events.map((e) => ({
        webhook_event_id: storable(e.webhookEventId),
        line_user_id: storable(e.lineUserId),
        event_type: storable(e.eventType),
        mode: e.mode,
        reply_token: storable(e.replyToken),
        event_timestamp: e.timestamp,
        payload: JSON.stringify(e.payload, storableString),
      })),
    )
    .onConflict((oc) => oc.column('webhook_event_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n);
}

/**
 * Claims the oldest due event whose user has no earlier event still pending, so one user's
 * events are handled in order while other users' events go ahead on other instances.
 */
export async function claimNextInboxEvent(tx: Tx, now: Date): Promise<InboxRow | undefined> {
  const r = await sql<{
    id: string;
    webhook_event_id: string;
    line_user_id: string | null;
    event_type: string;
    mode: string;
    reply_token: string | null;
    event_timestamp: Date;
    received_at: Date;
    payload: Record<string, unknown>;
    attempts: number;
  }>`
    SELECT id, webhook_event_id, line_user_id, event_type, mode, reply_token, event_timestamp,
           received_at, payload, attempts
      FROM webhook_inbox e
     WHERE status = 'pending' AND next_attempt_at <= ${now}
       AND NOT EXISTS (
         SELECT 1 FROM webhook_inbox earlier
          WHERE earlier.status = 'pending' AND earlier.line_user_id = e.line_user_id AND earlier.id < e.id)
     ORDER BY id
     LIMIT 1
     FOR UPDATE SKIP LOCKED`.execute(tx);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    webhookEventId: row.webhook_event_id,
    lineUserId: row.line_user_id,
    eventType: row.event_type,
    mode: row.mode,
    replyToken: row.reply_token,
    eventTimestamp: row.event_timestamp,
    receivedAt: row.received_at,
    payload: row.payload,
    attempts: row.attempts,
  };
}

/** Marks the event handled; replies (LINE messages) are kept on the row until sent. */
export async function completeInboxEvent(tx: Tx, id: string, replies: unknown[] | null, retryKey: string, now: Date): Promise<void> {
  await tx
    .updateTable('webhook_inbox')
    .set({
      status: 'done',
      processed_at: now,
      attempts: sql`attempts + 1`,
      replies: replies && replies.length > 0 ? JSON.stringify(replies) : null,
      reply_status: replies && replies.length > 0 ? 'pending' : 'none',
      reply_retry_key: replies && replies.length > 0 ? retryKey : null,
      reply_next_attempt_at: replies && replies.length > 0 ? now : null,
    })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt; after `maxAttempts` the event is parked as failed for an operator. */
export async function failInboxEvent(db: Executor, id: string, error: string, nextAttemptAt: Date, maxAttempts: number): Promise<void> {
  await db
    .updateTable('webhook_inbox')
    .set({
      attempts: sql`attempts + 1`,
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      status: sql`CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'failed' ELSE 'pending' END`,
    })
    .where('id', '=', id)
    .execute();
}

export interface PendingReply {
  id: string;
  lineUserId: string | null;
  replyToken: string | null;
  receivedAt: Date;
  replies: unknown[];
  retryKey: string;
  attempts: number;
  status: 'pending' | 'sending';
}

/**
 * Claims a reply to send. The row goes to 'sending' before the LINE call: if the process dies
 * during the call, the retry uses push with the same retry key instead of the reply token.
 */
export async function claimReply(db: Executor, now: Date, id?: string): Promise<PendingReply | undefined> {
  return db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('webhook_inbox')
      .select(['id', 'line_user_id', 'reply_token', 'received_at', 'replies', 'reply_retry_key', 'reply_attempts', 'reply_status'])
      .where('reply_status', 'in', ['pending', 'sending'])
      .where('reply_next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked();
    if (id !== undefined) q = q.where('id', '=', id);
    const r = await q.executeTakeFirst();
    if (!r) return undefined;
    await tx
      .updateTable('webhook_inbox')
      .set({
        reply_status: 'sending',
        reply_attempts: sql`reply_attempts + 1`,
        // Another instance may pick it up only after this attempt had ample time to finish.
        reply_next_attempt_at: new Date(now.getTime() + 60_000),
      })
      .where('id', '=', r.id)
      .execute();
    return {
      id: r.id,
      lineUserId: r.line_user_id,
      replyToken: r.reply_token,
      receivedAt: r.received_at,
      replies: r.replies ?? [],
      retryKey: r.reply_retry_key!,
      attempts: r.reply_attempts,
      status: r.reply_status as 'pending' | 'sending',
    };
  });
}

export async function finishReply(db: Executor, id: string, outcome: { sent: true; at: Date } | { sent: false; error: string; retryAt: Date | null }): Promise<void> {
  if (outcome.sent) {
    await db.updateTable('webhook_inbox').set({ reply_status: 'sent', replied_at: outcome.at, last_error: null }).where('id', '=', id).execute();
    return;
  }
  await db
    .updateTable('webhook_inbox')
    .set({
      reply_status: outcome.retryAt ? 'pending' : 'failed',
      reply_next_attempt_at: outcome.retryAt,
      last_error: outcome.error.slice(0, 500),
    })
    .where('id', '=', id)
    .execute();
}

export async function inboxCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('webhook_inbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
