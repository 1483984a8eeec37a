import { sql } from 'kysely';
import type { Executor } from './executor.js';
import { preparedMarker } from './prepared-statements.js';

// Storing webhook events in the inbox: what LINE waits for before its 200. Claiming, completing
// and retrying them is inbox.ts.

export interface NewInboxEvent {
  webhookEventId: string;
  lineUserId: string | null;
  eventType: string;
  mode: string;
  replyToken: string | null;
  timestamp: Date;
  payload: Record<string, unknown>;
}

// PostgreSQL text cannot hold U+0000, nor jsonb a lone UTF-16 surrogate; LINE never sends either,
// so dropping the one and replacing the other with U+FFFD loses nothing real, and one odd string
// cannot make a whole webhook body unstorable (LINE would redeliver it, failing, for ever).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// The text columns too (they go in the same JSON): a NUL in a (malformed) event id or type made
// the insert fail, a 500 (found by fuzzing).
const storableString = (_key: string, v: unknown) =>
  typeof v === 'string' ? v.replaceAll('\0', '').replace(LONE_SURROGATE, '\uFFFD') : v;

/** Stores each event once; a redelivered webhookEventId is ignored. Returns how many were new. */
export async function insertInboxEvents(db: Executor, events: NewInboxEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    webhook_event_id: e.webhookEventId,
    line_user_id: e.lineUserId,
    event_type: e.eventType,
    mode: e.mode,
    reply_token: e.replyToken,
    event_timestamp: e.timestamp.toISOString(),
    payload: e.payload,
  }));
  // One text for any number of events, so it is a prepared statement (parsed and planned once per
  // connection): storing is what LINE waits for. Insertion follows the array's order.
  const r = await sql`${sql.raw(preparedMarker('inbox-insert'))}
    INSERT INTO webhook_inbox (webhook_event_id, line_user_id, event_type, mode, reply_token, event_timestamp, payload)
    SELECT webhook_event_id, line_user_id, event_type, mode, reply_token, event_timestamp, payload
      FROM ROWS FROM (jsonb_to_recordset(${storableJson(rows)}::jsonb) AS (
        webhook_event_id text, line_user_id text, event_type text, mode text, reply_token text,
        event_timestamp timestamptz, payload jsonb)) WITH ORDINALITY AS t(
        webhook_event_id, line_user_id, event_type, mode, reply_token, event_timestamp, payload, n)
     ORDER BY n
    ON CONFLICT (webhook_event_id) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}

/**
 * JSON that PostgreSQL will store. Most bodies need no change, and JSON.stringify with a replacer
 * is several times slower, so it is used only when the plain text shows \u0000 or a lone
 * surrogate escape (JSON.stringify writes both as \uXXXX).
 */
function storableJson(value: unknown): string {
  const plain = JSON.stringify(value);
  return /\\u(0000|d[89a-f])/i.test(plain) ? JSON.stringify(value, storableString) : plain;
}
