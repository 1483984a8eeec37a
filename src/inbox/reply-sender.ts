import type { Kysely } from 'kysely';
import { claimReply, finishReply, markRepliesSent, type PendingReply } from '../db/inbox-replies.js';
import type { ReplyState } from '../db/inbox.js';
import type { DB } from '../db/schema.js';
import { Coalescer } from '../lib/coalescer.js';
import { errorText, type Logger } from '../log.js';
import type { MetricsHooks } from '../metrics/metrics.js';
import { type Messenger, sendVerdict } from '../conversation/ports.js';

/** A reply token is good for about a minute; past this age the answer goes by push. */
const REPLY_TOKEN_MAX_AGE_MS = 50_000;
const MAX_REPLY_ATTEMPTS = 12;
/** A reply being sent is left to its sender this long before a retry may take it (by push). */
export const REPLY_LEASE_MS = 60_000;

/** Retries of events and replies: 2 s, 4 s, 8 s … up to 15 minutes. */
export const backoff = (attempt: number) => Math.min(15 * 60_000, 2_000 * 2 ** Math.max(0, attempt - 1));

/**
 * The backoff, or LINE's own Retry-After (on 429) when it asks for longer, at most 15 minutes as
 * for notices: a retry sooner than LINE asked for would only be refused again.
 */
export const retryDelay = (attempt: number, retryAfterMs: number | undefined) =>
  Math.min(15 * 60_000, Math.max(backoff(attempt), retryAfterMs ?? 0));

/** What one call to LINE came to: taken, to be tried again (by push) at `retryAt`, or given up. */
export type SendOutcome = Exclude<ReplyState, { kind: 'sending' }>;

/**
 * A reply to send: the stored one, whatever its attempts so far. `redoOf`: this answers an event
 * an earlier attempt may already have answered by its reply token; LINE's timestamp of the event.
 */
type Reply = Omit<PendingReply, 'attempts' | 'status'> & { redoOf?: { eventTimestamp: Date } };

interface ReplySenderDeps {
  db: Kysely<DB>;
  messenger: Messenger;
  log: Logger;
  clock: () => Date;
  metrics?: MetricsHooks | undefined;
}

/**
 * Hands the answers of handled events to LINE: by reply token while it is fresh, else (or when
 * LINE says the token is no good) by push with the reply's retry key, so a repeated push is not
 * delivered twice. Marking "sent" is batched: if a mark is lost, the reply is retried by push.
 */
export class ReplySender {
  readonly #deps: ReplySenderDeps;
  readonly #sent: Coalescer<string, void>;

  constructor(deps: ReplySenderDeps) {
    this.#deps = deps;
    this.#sent = new Coalescer((ids) => markRepliesSent(deps.db, ids, deps.clock()));
  }

  /** The reply of an event just completed (its completion took it for sending): the first attempt. */
  sendNow(r: Reply, now: Date): Promise<void> {
    return this.#deliver({ ...r, attempts: 1 }, this.#fresh(r, now));
  }

  /**
   * The first attempt at the reply of an event not yet completed: LINE is called, nothing is
   * written. The caller records the outcome with the event's completion (one statement for both).
   */
  sendBeforeCompletion(r: Reply, now: Date): Promise<SendOutcome> {
    return this.#attempt({ ...r, attempts: 1 }, this.#fresh(r, now));
  }

  #fresh(r: Reply, now: Date): boolean {
    return r.replyToken !== null && now.getTime() - r.receivedAt.getTime() < REPLY_TOKEN_MAX_AGE_MS;
  }

  /** Sends one reply that is due for a retry (or was left by a process that died). Returns false when none was due. */
  async sendDue(): Promise<boolean> {
    const r = await claimReply(this.#deps.db, this.#deps.clock());
    if (!r) return false;
    const fresh =
      r.status === 'pending' &&
      r.attempts === 0 &&
      r.replyToken !== null &&
      this.#deps.clock().getTime() - r.receivedAt.getTime() < REPLY_TOKEN_MAX_AGE_MS;
    await this.#deliver({ ...r, attempts: r.attempts + 1 }, fresh);
    return true;
  }

  /** Resolves when every "sent" mark so far is written (or failed). */
  settled(): Promise<void> {
    return this.#sent.settled();
  }

  /** One attempt, its outcome recorded on the reply's row. */
  async #deliver(r: Reply & { attempts: number }, fresh: boolean): Promise<void> {
    const outcome = await this.#attempt(r, fresh);
    if (outcome.kind === 'sent') {
      void this.#sent.add([r.id]).catch((err: unknown) =>
        this.#deps.log.warn('reply sent but not marked: it is retried by push with its retry key', {
          inboxId: r.id,
          error: errorText(err),
        }),
      );
    } else {
      await finishReply(this.#deps.db, r.id, {
        sent: false,
        error: outcome.error,
        retryAt: outcome.kind === 'retry' ? outcome.retryAt : null,
      });
    }
  }

  /** Calls LINE once; a failure LINE may recover from comes back with when to try again (by push). */
  async #attempt(r: Reply & { attempts: number }, fresh: boolean): Promise<SendOutcome> {
    const { messenger, log } = this.#deps;
    let via: 'reply' | 'push' = fresh ? 'reply' : 'push';
    try {
      if (fresh) {
        try {
          await messenger.reply(r.replyToken!, r.replies);
        } catch (err) {
          if (sendVerdict(err).outcome !== 'invalid_token' || !r.lineUserId) throw err;
          // A token LINE issued less than REPLY_TOKEN_MAX_AGE_MS ago is refused only once used, and
          // only this event's attempts use it: the earlier attempt's reply reached the patron, who
          // must not get it again by push. (A token cannot carry a retry key: this is how a redo
          // recognises its own answer.)
          if (r.redoOf && this.#deps.clock().getTime() - r.redoOf.eventTimestamp.getTime() < REPLY_TOKEN_MAX_AGE_MS) {
            log.info('reply token used by an earlier attempt of the event: its answer was delivered', {
              inboxId: r.id,
            });
            return { kind: 'sent' };
          }
          via = 'push';
          await messenger.push(r.lineUserId, r.replies, r.retryKey);
        }
      } else {
        if (!r.lineUserId) throw new Error('no user to push to');
        await messenger.push(r.lineUserId, r.replies, r.retryKey);
      }
      this.#deps.metrics?.replySent((this.#deps.clock().getTime() - r.receivedAt.getTime()) / 1000, via);
      return { kind: 'sent' };
    } catch (err) {
      const c = sendVerdict(err);
      if (c.outcome === 'delivered') return { kind: 'sent' };
      const retry = c.outcome === 'retry' && r.attempts < MAX_REPLY_ATTEMPTS;
      log.warn('reply not sent', { inboxId: r.id, status: c.status, retry, error: errorText(err) });
      return retry
        ? {
            kind: 'retry',
            error: errorText(err),
            retryAt: new Date(this.#deps.clock().getTime() + retryDelay(r.attempts, c.retryAfterMs)),
          }
        : { kind: 'failed', error: errorText(err) };
    }
  }
}
