import { sql, type Kysely, type Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import { anyBigint, type Executor } from './executor.js';
import type { DB, WebhookInboxTable } from './schema.js';

/**
 * The replies of handled events, kept on their inbox rows until LINE takes them. A reply is taken
 * for sending by the statement that completes its event (db/inbox.ts); these are the marks after a
 * send, and the claims of replies due for a retry.
 */

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

export type PendingReply = Camelized<
  Pick<Selectable<WebhookInboxTable>, 'id' | 'line_user_id' | 'reply_token' | 'received_at'>
> & {
  replies: unknown[];
  retryKey: string;
  attempts: number;
  status: 'pending' | 'sending';
};

/**
 * Claims a reply to send. The row goes to 'sending' before the LINE call: if the process dies
 * during the call, the retry uses push with the same retry key instead of the reply token.
 */
export async function claimReply(db: Kysely<DB>, now: Date): Promise<PendingReply | undefined> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('webhook_inbox')
      .select([
        'id',
        'line_user_id',
        'reply_token',
        'received_at',
        'replies',
        'reply_retry_key',
        'reply_attempts',
        'reply_status',
      ])
      .where('reply_status', 'in', ['pending', 'sending'])
      .where('reply_next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
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

export async function finishReply(
  db: Executor,
  id: string,
  outcome: { sent: true; at: Date } | { sent: false; error: string; retryAt: Date | null },
): Promise<void> {
  if (outcome.sent) {
    await db
      .updateTable('webhook_inbox')
      .set({ reply_status: 'sent', replied_at: outcome.at, last_error: null })
      .where('id', '=', id)
      .execute();
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
