import { sql, type Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Executor } from './executor.js';
import { preparedMarker } from './prepared-statements.js';
import type { WebhookInboxTable } from './schema.js';

export type InboxRow = Camelized<
  Pick<
    Selectable<WebhookInboxTable>,
    | 'id'
    | 'webhook_event_id'
    | 'line_user_id'
    | 'event_type'
    | 'mode'
    | 'reply_token'
    | 'event_timestamp'
    | 'received_at'
    | 'payload'
    | 'attempts'
  >
>;

/** What handling an event decided, written with its completion in one statement. */
export interface EventCompletion {
  /** LINE messages to send; empty = no reply. */
  messages: unknown[];
  retryKey: string;
  /** Remember the LINE user (last seen); `following` is set on follow and unfollow. */
  /** `language`: learned from the LINE profile at first contact; stored unless one is set already. */
  touch: { following: boolean | undefined; language?: string } | null;
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
export async function completeInboxEvents(
  db: Executor,
  items: readonly { event: CompletingEvent; completion: EventCompletion }[],
  now: Date,
): Promise<Set<string>> {
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
      language: c.touch?.language ?? null,
      conversation: cv.kind,
      ...(cv.kind === 'save'
        ? { flow: cv.flow, step: cv.step, version: cv.version, data: cv.data, expires_at: cv.expiresAt }
        : {}),
    };
  });
  const r = await sql<{ id: string; attempts: number }>`${sql.raw(preparedMarker('inbox-complete'))}
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        id bigint, attempts int, reply_status text, replies jsonb, retry_key uuid, reply_until timestamptz,
          reply_error text, line_user_id text,
        touch boolean, following boolean, language text, conversation text, flow text, step text, version int,
          data jsonb, expires_at timestamptz)),
    done AS (
      UPDATE webhook_inbox w
         SET status = 'done', processed_at = ${now.toISOString()}::timestamptz, last_error = i.reply_error,
           replies = i.replies,
             reply_status = i.reply_status,
             reply_retry_key = CASE WHEN i.reply_status = 'none' THEN NULL ELSE i.retry_key END,
             reply_attempts = CASE WHEN i.reply_status = 'none' THEN 0 ELSE 1 END,
             reply_next_attempt_at = i.reply_until,
             replied_at = CASE WHEN i.reply_status = 'sent' THEN ${now.toISOString()}::timestamptz END
        FROM input i
       -- The ids again as an array: so each row is found by its key, not by a merge join walking
       -- every pending event up to the newest one completed (the whole backlog, under load).
       WHERE w.id = ANY(${rows.map((r) => r.id)}::bigint[]) AND w.id = i.id AND w.status = 'pending'
         AND w.attempts = i.attempts
      RETURNING w.id, w.attempts),
    ok AS (SELECT i.* FROM input i JOIN done d ON d.id = i.id AND d.attempts = i.attempts
      WHERE i.line_user_id IS NOT NULL),
    seen AS (
      INSERT INTO line_users (line_user_id, following, language, created_at, updated_at)
      SELECT line_user_id, true, language, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz FROM ok
        WHERE touch AND following IS NULL
      ON CONFLICT (line_user_id) DO UPDATE SET updated_at = excluded.updated_at,
        language = coalesce(line_users.language, excluded.language)
        WHERE line_users.updated_at < excluded.updated_at
                                    - interval '${sql.raw(String(LAST_SEEN_PRECISION_MINUTES))} minutes'
           OR (line_users.language IS NULL AND excluded.language IS NOT NULL)),
    followed AS (
      INSERT INTO line_users (line_user_id, following, language, created_at, updated_at)
      SELECT line_user_id, following, language, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM ok WHERE touch AND following IS NOT NULL
      ON CONFLICT (line_user_id) DO UPDATE SET updated_at = excluded.updated_at, following = excluded.following,
        language = coalesce(line_users.language, excluded.language)),
    saved AS (
      INSERT INTO conversation_states (line_user_id, flow, step, version, data, updated_at, expires_at)
      SELECT line_user_id, flow, step, version, data, ${now.toISOString()}::timestamptz, expires_at FROM ok
        WHERE conversation = 'save'
      ON CONFLICT (line_user_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, version = excluded.version,
        data = excluded.data, updated_at = excluded.updated_at, expires_at = excluded.expires_at),
    cleared AS (
      DELETE FROM conversation_states c USING ok WHERE c.line_user_id = ok.line_user_id AND ok.conversation = 'clear')
    SELECT id, attempts FROM done`.execute(db);
  return new Set(r.rows.map((row) => attemptKey({ id: String(row.id), attempts: Number(row.attempts) })));
}

/** One event's completion (inside its transaction, for events whose effects write). */
export async function completeInboxEvent(
  db: Executor,
  event: CompletingEvent,
  c: EventCompletion,
  now: Date,
): Promise<boolean> {
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
export async function failInboxEvent(
  db: Executor,
  event: { id: string; attempts: number },
  error: string,
  nextAttemptAt: Date,
  maxAttempts: number,
): Promise<void> {
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

/**
 * Gives back events claimed but not handled (the process is stopping): due again at once, their
 * unused attempt not counted, instead of waiting for their lease to run out after a restart.
 * Fenced like completion: an event claimed again meanwhile is left alone.
 */
export async function releaseInboxEvents(
  db: Executor,
  events: readonly { id: string; attempts: number }[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await sql`
    UPDATE webhook_inbox w SET attempts = w.attempts - 1, next_attempt_at = ${now}
      FROM unnest(${events.map((e) => e.id)}::bigint[], ${events.map((e) => e.attempts)}::int[]) AS e(id, attempts)
     WHERE w.id = e.id AND w.attempts = e.attempts AND w.status = 'pending'`.execute(db);
}

export async function inboxCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('webhook_inbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
