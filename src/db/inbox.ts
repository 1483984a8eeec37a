import { sql } from 'kysely';
import type { Executor } from './executor.js';
import { preparedMarker } from './prepared-statements.js';
import type { StoredConversation } from './conversation-states.js';

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
  /** Until then no other attempt takes the event. */
  leaseUntil: Date;
  patronId: string | null;
  conversation: StoredConversation | undefined;
  /** The user had later events waiting when this one was claimed: finishing it makes the next claimable. */
  moreWaiting: boolean;
}

/**
 * Claims up to `limit` due events, at most one per user: the oldest of each user whose earlier
 * events are all handled, so one user's events are handled in order, one at a time, on whichever
 * instance claims them. A claim is a lease: the event stays 'pending' with next_attempt_at moved
 * to `leaseUntil` and attempts counted, so an event whose handler died is claimed again after the
 * lease, and `attempts` is the fencing token completion checks. The user's linked card and
 * conversation come back with the event: a search needs no further reads about its user.
 *
 * The heads (each user's oldest pending event) are found by a skip scan: one probe of the pending
 * index per user with events waiting, each a plain index scan with LIMIT 1. Plain index scans
 * mark the entries of handled events dead in the index as they pass them; the earlier form (one
 * DISTINCT ON pass, which the planner ran as a bitmap scan) never did, so until autovacuum came
 * every claim visited every event handled since: about 10 ms and 900 heap pages per claim after
 * a few thousand events even with nothing pending, and most of PostgreSQL's CPU in bench:webhook
 * at any rate (the same ~600 ms/s at 100 events/s as at 500). Before that, "no earlier pending
 * event of this user" looked up for each candidate cost a look-up per waiting event under a
 * backlog. Invariant: keep every scan of the pending indexes a plain index scan.
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
    more_waiting: boolean;
  }>`${sql.raw(preparedMarker('inbox-claim'))}
    WITH RECURSIVE heads AS (
      (SELECT id, line_user_id, next_attempt_at, attempts FROM webhook_inbox
        WHERE status = 'pending' AND line_user_id IS NOT NULL
        ORDER BY line_user_id, id
        LIMIT 1)
      UNION ALL
      SELECT n.id, n.line_user_id, n.next_attempt_at, n.attempts
        FROM heads h
       CROSS JOIN LATERAL (
             SELECT id, line_user_id, next_attempt_at, attempts FROM webhook_inbox
              WHERE status = 'pending' AND line_user_id > h.line_user_id
              ORDER BY line_user_id, id
              LIMIT 1) n),
    due AS (
      SELECT id FROM heads WHERE next_attempt_at <= ${now} AND attempts < ${maxAttempts}
      UNION ALL
      -- Events without a user (none of LINE's user events) have no order to keep.
      (SELECT id FROM webhook_inbox
        WHERE status = 'pending' AND line_user_id IS NULL AND next_attempt_at <= ${now} AND attempts < ${maxAttempts}
        ORDER BY id
        LIMIT ${limit})),
    picked AS (
      -- Checked again on the locked row: another instance may have claimed it meanwhile.
      SELECT e.id FROM webhook_inbox e
       WHERE e.id IN (SELECT id FROM due ORDER BY id LIMIT ${limit})
         AND e.status = 'pending' AND e.next_attempt_at <= ${now} AND e.attempts < ${maxAttempts}
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
                 FROM conversation_states c WHERE c.line_user_id = w.line_user_id) AS conversation,
              EXISTS (SELECT 1 FROM webhook_inbox x
                       WHERE x.status = 'pending' AND x.line_user_id = w.line_user_id AND x.id > w.id) AS more_waiting`.execute(db);
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
      leaseUntil,
      moreWaiting: row.more_waiting,
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
  /** Where the reply stands (ignored when there are no messages). */
  reply: ReplyState;
}

/**
 * A reply not yet tried is stored as being sent (the caller sends it right after the statement;
 * another attempt may take it, by push, only after `leaseUntil`). A reply already tried before
 * the completion is recorded as what came of it: sent (its messages are not kept), to be tried
 * again by push at `retryAt` (kept), or given up.
 */
export type ReplyState =
  | { kind: 'sending'; leaseUntil: Date }
  | { kind: 'sent' }
  | { kind: 'retry'; error: string; retryAt: Date }
  | { kind: 'failed'; error: string };

export type ConversationChange =
  | { kind: 'keep' }
  | { kind: 'clear' }
  | { kind: 'save'; flow: string; step: string; version: number; data: Record<string, unknown>; expiresAt: Date };

/**
 * A LINE user's "last seen" (line_users.updated_at) is written at most this often: rewriting the
 * row on every message cost a row version and its WAL per event, for a figure nobody needs to
 * the second. Following, unfollowing and linking still write at once.
 */
const LAST_SEEN_PRECISION_MINUTES = 60;

/** An event to complete: its id and the attempt (claim) that handled it. */
export interface CompletingEvent {
  id: string;
  attempts: number;
  lineUserId: string | null;
}

/** The key of one attempt in the set completeInboxEvents answers. */
export const attemptKey = (e: { id: string; attempts: number }) => `${e.id}:${e.attempts}`;

/**
 * Marks events done, stores each reply as being sent, and writes each user's row and
 * conversation, in one statement for all of them: under load, events handled at the same time
 * cost one round trip and one WAL flush together. Fenced by `attempts`: an attempt whose lease
 * ran out (a later attempt claimed the event) writes nothing. Returns the attemptKeys completed.
 * One user appears at most once: the claim hands out a user's next event only after this one.
 */
export async function completeInboxEvents(db: Executor, items: readonly { event: CompletingEvent; completion: EventCompletion }[], now: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = items.map(({ event: e, completion: c }) => {
    const cv = c.conversation;
    const reply = c.messages.length === 0 ? undefined : c.reply;
    return {
      id: e.id,
      attempts: e.attempts,
      reply_status: reply?.kind === 'retry' ? 'pending' : (reply?.kind ?? 'none'),
      replies: reply && reply.kind !== 'sent' ? c.messages : null,
      retry_key: c.retryKey,
      reply_until: reply?.kind === 'sending' ? reply.leaseUntil : reply?.kind === 'retry' ? reply.retryAt : null,
      reply_error: reply?.kind === 'retry' || reply?.kind === 'failed' ? reply.error.slice(0, 500) : null,
      line_user_id: e.lineUserId,
      touch: c.touch !== null,
      following: c.touch?.following ?? null,
      conversation: cv.kind,
      ...(cv.kind === 'save' ? { flow: cv.flow, step: cv.step, version: cv.version, data: cv.data, expires_at: cv.expiresAt } : {}),
    };
  });
  const r = await sql<{ id: string; attempts: number }>`${sql.raw(preparedMarker('inbox-complete'))}
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        id bigint, attempts int, reply_status text, replies jsonb, retry_key uuid, reply_until timestamptz, reply_error text, line_user_id text,
        touch boolean, following boolean, conversation text, flow text, step text, version int, data jsonb, expires_at timestamptz)),
    done AS (
      UPDATE webhook_inbox w
         SET status = 'done', processed_at = ${now.toISOString()}::timestamptz, last_error = i.reply_error, replies = i.replies,
             reply_status = i.reply_status,
             reply_retry_key = CASE WHEN i.reply_status = 'none' THEN NULL ELSE i.retry_key END,
             reply_attempts = CASE WHEN i.reply_status = 'none' THEN 0 ELSE 1 END,
             reply_next_attempt_at = i.reply_until,
             replied_at = CASE WHEN i.reply_status = 'sent' THEN ${now.toISOString()}::timestamptz END
        FROM input i
       -- The ids again as an array: so each row is found by its key, not by a merge join walking
       -- every pending event up to the newest one completed (the whole backlog, under load).
       WHERE w.id = ANY(${rows.map((r) => r.id)}::bigint[]) AND w.id = i.id AND w.status = 'pending' AND w.attempts = i.attempts
      RETURNING w.id, w.attempts),
    ok AS (SELECT i.* FROM input i JOIN done d ON d.id = i.id AND d.attempts = i.attempts WHERE i.line_user_id IS NOT NULL),
    seen AS (
      INSERT INTO line_users (line_user_id, following, created_at, updated_at)
      SELECT line_user_id, true, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz FROM ok WHERE touch AND following IS NULL
      ON CONFLICT (line_user_id) DO UPDATE SET updated_at = excluded.updated_at
        WHERE line_users.updated_at < excluded.updated_at - interval '${sql.raw(String(LAST_SEEN_PRECISION_MINUTES))} minutes'),
    followed AS (
      INSERT INTO line_users (line_user_id, following, created_at, updated_at)
      SELECT line_user_id, following, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz FROM ok WHERE touch AND following IS NOT NULL
      ON CONFLICT (line_user_id) DO UPDATE SET updated_at = excluded.updated_at, following = excluded.following),
    saved AS (
      INSERT INTO conversation_states (line_user_id, flow, step, version, data, updated_at, expires_at)
      SELECT line_user_id, flow, step, version, data, ${now.toISOString()}::timestamptz, expires_at FROM ok WHERE conversation = 'save'
      ON CONFLICT (line_user_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, version = excluded.version,
        data = excluded.data, updated_at = excluded.updated_at, expires_at = excluded.expires_at),
    cleared AS (
      DELETE FROM conversation_states c USING ok WHERE c.line_user_id = ok.line_user_id AND ok.conversation = 'clear')
    SELECT id, attempts FROM done`.execute(db);
  return new Set(r.rows.map((row) => attemptKey({ id: String(row.id), attempts: Number(row.attempts) })));
}

/** One event's completion (inside its transaction, for events whose effects write). */
export async function completeInboxEvent(db: Executor, event: CompletingEvent, c: EventCompletion, now: Date): Promise<boolean> {
  return (await completeInboxEvents(db, [{ event, completion: c }], now)).has(attemptKey(event));
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

/**
 * Deletes up to `limit` handled events received before `before` whose answers are sent or given
 * up. Oldest first, so the scan stops at the first young row. Returns how many went.
 */
export async function purgeHandledEvents(db: Executor, before: Date, limit: number): Promise<number> {
  const r = await sql`
    DELETE FROM webhook_inbox WHERE id IN (
      SELECT id FROM webhook_inbox
       WHERE received_at < ${before} AND status IN ('done', 'failed') AND reply_status NOT IN ('pending', 'sending')
       ORDER BY id LIMIT ${limit})`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
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

export async function inboxCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('webhook_inbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
