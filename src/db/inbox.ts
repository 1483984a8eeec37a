import { sql } from 'kysely';
import { anyBigint, type Executor } from './executor.js';
import type { StoredConversation } from './conversation-states.js';

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

interface StoredConversationRow {
  flow: string;
  step: string;
  version: number;
  data: Record<string, unknown>;
  updated_at: string;
  expires_at: string;
}

/** A claimed event with what its handling needs to know about its user, read in the same statement. */
export interface ClaimedEvent extends InboxRow {
  patronId: string | null;
  conversation: StoredConversation | undefined;
}

/**
 * Claims up to `limit` due events, at most one per user: the oldest of each user whose earlier
 * events are all handled, so one user's events are handled in order, one at a time, on whichever
 * instance claims them. A claim is a lease: the event stays 'pending' with next_attempt_at moved
 * to `leaseUntil` and attempts counted, so an event whose handler died is claimed again after the
 * lease, and `attempts` is the fencing token completion checks. The user's linked card and
 * conversation come back with the event: a search needs no further reads about its user.
 */
export async function claimInboxEvents(db: Executor, now: Date, leaseUntil: Date, limit: number, maxAttempts: number): Promise<ClaimedEvent[]> {
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
    patron_id: string | null;
    conversation: StoredConversationRow | null;
  }>`
    WITH picked AS (
      SELECT id FROM webhook_inbox e
       WHERE status = 'pending' AND next_attempt_at <= ${now} AND attempts < ${maxAttempts}
         AND NOT EXISTS (
           SELECT 1 FROM webhook_inbox earlier
            WHERE earlier.status = 'pending' AND earlier.line_user_id = e.line_user_id AND earlier.id < e.id)
       ORDER BY id
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED)
    UPDATE webhook_inbox w
       SET attempts = w.attempts + 1, next_attempt_at = ${leaseUntil}
      FROM picked
     WHERE w.id = picked.id
    RETURNING w.id, w.webhook_event_id, w.line_user_id, w.event_type, w.mode, w.reply_token,
              w.event_timestamp, w.received_at, w.payload, w.attempts,
              (SELECT patron_id FROM line_users u WHERE u.line_user_id = w.line_user_id) AS patron_id,
              (SELECT jsonb_build_object('flow', c.flow, 'step', c.step, 'version', c.version, 'data', c.data,
                                         'updated_at', c.updated_at, 'expires_at', c.expires_at)
                 FROM conversation_states c WHERE c.line_user_id = w.line_user_id) AS conversation`.execute(db);
  return r.rows
    .sort((x, y) => Number(x.id) - Number(y.id))
    .map((row) => ({
      id: String(row.id),
      webhookEventId: row.webhook_event_id,
      lineUserId: row.line_user_id,
      eventType: row.event_type,
      mode: row.mode,
      replyToken: row.reply_token,
      eventTimestamp: new Date(row.event_timestamp),
      receivedAt: new Date(row.received_at),
      payload: row.payload,
      attempts: row.attempts,
      patronId: row.patron_id === null ? null : String(row.patron_id),
      conversation: row.conversation
        ? {
            flow: row.conversation.flow,
            step: row.conversation.step,
            version: row.conversation.version,
            data: row.conversation.data,
            updatedAt: new Date(row.conversation.updated_at),
            expiresAt: new Date(row.conversation.expires_at),
          }
        : undefined,
    }));
}

/** What handling an event decided, written with its completion in one statement. */
export interface EventCompletion {
  /** LINE messages to send; empty = no reply. */
  messages: unknown[];
  retryKey: string;
  /** Remember the LINE user (last seen); `following` is set on follow and unfollow. */
  touch: { following: boolean | undefined } | null;
  conversation: ConversationChange;
  /** The reply is sent right after this statement; another attempt may take it only after this. */
  replyLeaseUntil: Date;
}

export type ConversationChange =
  | { kind: 'keep' }
  | { kind: 'clear' }
  | { kind: 'save'; flow: string; step: string; version: number; data: Record<string, unknown>; expiresAt: Date };

/**
 * Marks the event done, stores its reply as being sent, and writes the user's row and
 * conversation, in one statement, so a search needs no transaction of its own. Fenced by
 * `attempts`: if the lease ran out and a later attempt claimed the event, nothing is written and
 * false comes back (inside a transaction the caller must then roll back its effects).
 */
export async function completeInboxEvent(db: Executor, event: { id: string; attempts: number; lineUserId: string | null }, c: EventCompletion, now: Date): Promise<boolean> {
  const hasReply = c.messages.length > 0;
  const user = event.lineUserId;
  const touch =
    c.touch && user
      ? sql`, touched AS (
          INSERT INTO line_users (line_user_id, following, created_at, updated_at)
          SELECT ${user}::text, ${c.touch.following ?? true}::boolean, ${now}::timestamptz, ${now}::timestamptz FROM done
          ON CONFLICT (line_user_id) DO UPDATE SET updated_at = excluded.updated_at
          ${c.touch.following === undefined ? sql`` : sql`, following = excluded.following`})`
      : sql``;
  const cv = c.conversation;
  const conversation =
    !user || cv.kind === 'keep'
      ? sql``
      : cv.kind === 'clear'
        ? sql`, cleared AS (DELETE FROM conversation_states WHERE line_user_id = ${user} AND EXISTS (SELECT 1 FROM done))`
        : sql`, saved AS (
            INSERT INTO conversation_states (line_user_id, flow, step, version, data, updated_at, expires_at)
            SELECT ${user}::text, ${cv.flow}::text, ${cv.step}::text, ${cv.version}::int, ${JSON.stringify(cv.data)}::jsonb, ${now}::timestamptz, ${cv.expiresAt}::timestamptz FROM done
            ON CONFLICT (line_user_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, version = excluded.version,
              data = excluded.data, updated_at = excluded.updated_at, expires_at = excluded.expires_at)`;
  const r = await sql<{ n: number }>`
    WITH done AS (
      UPDATE webhook_inbox
         SET status = 'done', processed_at = ${now}, last_error = NULL,
             replies = ${hasReply ? JSON.stringify(c.messages) : null}::jsonb,
             reply_status = ${hasReply ? 'sending' : 'none'},
             reply_retry_key = ${hasReply ? c.retryKey : null}::uuid,
             reply_attempts = ${hasReply ? 1 : 0},
             reply_next_attempt_at = ${hasReply ? c.replyLeaseUntil : null}::timestamptz
       WHERE id = ${event.id} AND status = 'pending' AND attempts = ${event.attempts}
      RETURNING id)
    ${touch}
    ${conversation}
    SELECT count(*)::int AS n FROM done`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** Events whose handler died on every attempt: parked as failed, so the user's later events go ahead. */
export async function parkExhaustedEvents(db: Executor, now: Date, maxAttempts: number): Promise<number> {
  const r = await db
    .updateTable('webhook_inbox')
    .set({ status: 'failed', last_error: sql`coalesce(last_error, 'gave up: no attempt finished')` })
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Replies LINE accepted, marked in one statement for all of them. */
export async function markRepliesSent(db: Executor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_inbox')
    .set({ reply_status: 'sent', replied_at: at, last_error: null })
    .where('id', '=', anyBigint(ids))
    .where('reply_status', '=', 'sending')
    .execute();
}

/**
 * Records a failed attempt (the claim counted it); after `maxAttempts` the event is parked as
 * failed for an operator. Fenced like completion: a stale attempt records nothing.
 */
export async function failInboxEvent(db: Executor, event: { id: string; attempts: number }, error: string, nextAttemptAt: Date, maxAttempts: number): Promise<void> {
  await db
    .updateTable('webhook_inbox')
    .set({
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      status: sql`CASE WHEN attempts >= ${maxAttempts} THEN 'failed' ELSE 'pending' END`,
    })
    .where('id', '=', event.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', event.attempts)
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
