import { sql } from 'kysely';
import type { StoredConversation } from './conversation-states.js';
import type { Executor } from './executor.js';
import type { InboxRow } from './inbox.js';
import { preparedMarker } from './prepared-statements.js';

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
  /** The language the user is answered in; null before the first event read their LINE profile. */
  language: string | null;
  conversation: StoredConversation | undefined;
  /** The user had later events waiting when this one was claimed: finishing it makes the next claimable. */
  moreWaiting: boolean;
  /**
   * The X-Line-Retry-Key of this event's answer, made by its first claim and stored with it, so
   * every attempt in every process pushes the answer under the same key (LINE answers a repeat 409).
   */
  retryKey: string;
}

/**
 * Claims up to `limit` due events, at most one per user: the oldest of each user whose earlier
 * events are all handled, so one user's events are handled in order, one at a time, on whichever
 * instance claims them. A claim is a lease: the event stays 'pending' with next_attempt_at moved
 * to `leaseUntil` and attempts counted, so an event whose handler died is claimed again after the
 * lease, and `attempts` is the fencing token completion checks. The first claim also makes the
 * retry key of the event's answer (ClaimedEvent.retryKey). The user's linked card and
 * conversation come back with the event: a search needs no further reads about its user.
 *
 * The heads (each user's oldest pending event) are found by a skip scan: one probe of the pending
 * index per user with events waiting, each a plain index scan with LIMIT 1. Plain index scans
 * mark the entries of handled events dead in the index as they pass them; the earlier form (one
 * DISTINCT ON pass, which the planner ran as a bitmap scan) never did, so until autovacuum came
 * every claim visited every event handled since: about 10 ms and 900 heap pages per claim after
 * a few thousand events even with nothing pending (EXPLAIN on a bench:webhook database). Before
 * that, "no earlier pending event of this user" looked up for each candidate cost a look-up per
 * waiting event under a backlog. Invariant: keep every scan of the pending indexes a plain index scan.
 *
 * Not a `Tx`, unlike the other functions that lock (executor.ts): the FOR UPDATE serves this one
 * statement, and the lease it writes is what keeps the events claimed afterwards. Run on its own it
 * commits at once, without the BEGIN and COMMIT round trips a transaction would add to every claim.
 */
export async function claimInboxEvents(
  db: Executor,
  now: Date,
  leaseUntil: Date,
  limit: number,
  maxAttempts: number,
): Promise<ClaimedEvent[]> {
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
    reply_retry_key: string;
    patron_id: string | null;
    language: string | null;
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
       SET attempts = w.attempts + 1, next_attempt_at = ${leaseUntil},
           reply_retry_key = COALESCE(w.reply_retry_key, gen_random_uuid())
      FROM picked
     WHERE w.id = picked.id
    RETURNING w.id, w.webhook_event_id, w.line_user_id, w.event_type, w.mode, w.reply_token,
              w.event_timestamp, w.received_at, w.payload, w.attempts, w.reply_retry_key,
              (SELECT patron_id FROM line_users u WHERE u.line_user_id = w.line_user_id) AS patron_id,
              (SELECT language FROM line_users u WHERE u.line_user_id = w.line_user_id) AS language,
              (SELECT jsonb_build_object('flow', c.flow, 'step', c.step, 'version', c.version, 'data', c.data,
                                         'updated_at', c.updated_at, 'expires_at', c.expires_at)
                 FROM conversation_states c WHERE c.line_user_id = w.line_user_id) AS conversation,
              EXISTS (SELECT 1 FROM webhook_inbox x
                       WHERE x.status = 'pending' AND x.line_user_id = w.line_user_id
                         AND x.id > w.id) AS more_waiting`.execute(db);
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
      retryKey: row.reply_retry_key,
      leaseUntil,
      moreWaiting: row.more_waiting,
      patronId: row.patron_id === null ? null : String(row.patron_id),
      language: row.language,
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
