import type { Kysely } from 'kysely';
import type { Tx } from '../db/executor.js';
import { claimNextInboxEvent, claimReply, completeInboxEvent, failInboxEvent, finishReply } from '../db/inbox.js';
import type { DB } from '../db/schema.js';
import type { Reply } from '../conversation/reply.js';
import { errorText, type Logger } from '../log.js';
import { toInput, type Input } from './inbound.js';
import { classifyLineError, type Messenger } from './messenger.js';
import { toLineMessages } from './outbound.js';
import { randomUUID } from 'node:crypto';
import type { MetricsHooks } from '../metrics/metrics.js';

/** Handles one event inside the transaction that marks it done; effects and state share it. */
export type EventHandler = (tx: Tx, event: { lineUserId: string; input: Input; webhookEventId: string }, now: Date) => Promise<Reply[]>;

/** A reply token is good for about a minute; past this age the answer goes by push. */
const REPLY_TOKEN_MAX_AGE_MS = 50_000;
const MAX_EVENT_ATTEMPTS = 8;
const MAX_REPLY_ATTEMPTS = 12;

const backoff = (attempt: number) => Math.min(15 * 60_000, 2_000 * 2 ** Math.max(0, attempt - 1));

export interface InboxWorkerDeps {
  db: Kysely<DB>;
  handler: EventHandler;
  messenger: Messenger;
  log: Logger;
  clock?: () => Date;
  /** Called after events were handled (committed): notices they wrote can go out now. */
  afterEvents?: () => void;
  metrics?: MetricsHooks;
  /**
   * Events handled at once. One lane spends most of its time waiting on the database, so with a
   * pool several lanes multiply throughput; the claim query keeps each user's events in order.
   */
  lanes?: number;
}

/**
 * Processes the webhook inbox: each event once, in order per user, its replies sent after the
 * transaction commits. Nothing here depends on the HTTP request that stored the event, so events
 * accepted before a crash are processed after the restart.
 */
export class InboxWorker {
  readonly #deps: InboxWorkerDeps;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(deps: InboxWorkerDeps) {
    this.#deps = deps;
  }

  #now(): Date {
    return this.#deps.clock?.() ?? new Date();
  }

  /** Starts draining now; safe to call often. Resolves when the inbox has nothing due. */
  kick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.drain();
        } while (this.#again && !this.#stopped);
      } catch (err) {
        // The database is away for a while: the timer tries again, nothing is lost.
        this.#deps.log.error('inbox worker paused', { error: errorText(err) });
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Polls for retries that come due (failed events, replies waiting for LINE). */
  start(intervalMs = 1000): void {
    this.#timer = setInterval(() => void this.kick(), intervalMs);
    this.#timer.unref();
    void this.kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  async drain(): Promise<void> {
    // allSettled: a failing lane must not leave the others running after kick() thinks it is done.
    const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, this.#deps.lanes ?? 1) }, () => this.#drainLane()));
    const processed = lanes.reduce((n, l) => n + (l.status === 'fulfilled' ? l.value : 0), 0);
    if (processed > 0) this.#deps.afterEvents?.();
    const failed = lanes.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
    while (!this.#stopped && (await this.sendReply())) {
      /* send every reply that is due */
    }
  }

  async #drainLane(): Promise<number> {
    let processed = 0;
    while (!this.#stopped) {
      const handled = await this.processNextEvent();
      if (handled === undefined) break;
      processed++;
      if (handled !== null) await this.sendReply(handled);
    }
    return processed;
  }

  /** undefined: nothing to do; null: handled without a reply; string: inbox id with a reply to send. */
  async processNextEvent(): Promise<string | null | undefined> {
    const { db, handler, log } = this.#deps;
    const now = this.#now();
    let claimedId: string | undefined;
    let attempts = 0;
    let type = '';
    const started = performance.now();
    try {
      return await db.transaction().execute(async (tx) => {
        const event = await claimNextInboxEvent(tx, now);
        if (!event) return undefined;
        claimedId = event.id;
        attempts = event.attempts;
        type = event.eventType;
        let replies: Reply[] = [];
        // Standby events belong to another channel's module: record them, say nothing.
        if (event.mode === 'active' && event.lineUserId) {
          replies = await handler(tx, { lineUserId: event.lineUserId, input: toInput(event.payload), webhookEventId: event.webhookEventId }, now);
        }
        const messages = toLineMessages(replies);
        await completeInboxEvent(tx, event.id, messages, randomUUID(), now);
        // Identifiers and counts only: the message text stays out of info-level logs.
        log.info('webhook event processed', { webhookEventId: event.webhookEventId, type: event.eventType, flow: 'webhook', step: 'handled', replies: messages.length, attempt: attempts + 1, durationMs: Math.round(performance.now() - started) });
        this.#deps.metrics?.webhookEvent(event.eventType, 'processed');
        return messages.length > 0 ? event.id : null;
      });
    } catch (err) {
      if (claimedId === undefined) throw err;
      log.error('webhook event failed', { inboxId: claimedId, type, flow: 'webhook', step: 'handled', error: errorText(err), durationMs: Math.round(performance.now() - started) });
      this.#deps.metrics?.webhookEvent(type, 'failed');
      await failInboxEvent(db, claimedId, errorText(err), new Date(now.getTime() + backoff(attempts + 1)), MAX_EVENT_ATTEMPTS);
      return null;
    }
  }

  /** Sends one due reply (the given one, or any). Returns false when none was due. */
  async sendReply(inboxId?: string): Promise<boolean> {
    const { db, messenger, log } = this.#deps;
    const now = this.#now();
    const r = await claimReply(db, now, inboxId);
    if (!r) return false;
    const fresh = r.status === 'pending' && r.attempts === 0 && r.replyToken !== null && now.getTime() - r.receivedAt.getTime() < REPLY_TOKEN_MAX_AGE_MS;
    let via: 'reply' | 'push' = fresh ? 'reply' : 'push';
    try {
      if (fresh) {
        try {
          await messenger.reply(r.replyToken!, r.replies);
        } catch (err) {
          if (classifyLineError(err).outcome !== 'invalid_token' || !r.lineUserId) throw err;
          via = 'push';
          await messenger.push(r.lineUserId, r.replies, r.retryKey);
        }
      } else {
        if (!r.lineUserId) throw new Error('no user to push to');
        await messenger.push(r.lineUserId, r.replies, r.retryKey);
      }
      await finishReply(db, r.id, { sent: true, at: this.#now() });
      this.#deps.metrics?.replySent((this.#now().getTime() - r.receivedAt.getTime()) / 1000, via);
    } catch (err) {
      const c = classifyLineError(err);
      if (c.outcome === 'delivered') {
        await finishReply(db, r.id, { sent: true, at: this.#now() });
        return true;
      }
      const retry = c.outcome === 'retry' && r.attempts + 1 < MAX_REPLY_ATTEMPTS;
      log.warn('reply not sent', { inboxId: r.id, status: c.status, retry, error: errorText(err) });
      await finishReply(db, r.id, { sent: false, error: errorText(err), retryAt: retry ? new Date(now.getTime() + backoff(r.attempts + 1)) : null });
    }
    return true;
  }
}
