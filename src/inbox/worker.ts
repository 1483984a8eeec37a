import { eventLanguage } from './event-language.js';
import { inLanguage, type Language } from '../lib/language.js';
import type { Kysely } from 'kysely';
import {
  attemptKey,
  completeInboxEvent,
  completeInboxEvents,
  failInboxEvent,
  releaseInboxEvents,
  type EventCompletion,
} from '../db/inbox.js';
import { claimInboxEvents, type ClaimedEvent } from '../db/inbox-claim.js';
import type { DB } from '../db/schema.js';
import { Coalescer } from '../lib/coalescer.js';
import { Kicker } from '../lib/kicker.js';
import type { ConversationHandler, EventOutcome } from '../conversation/engine.js';
import type { Input } from '../conversation/input.js';
import type { Messenger } from '../conversation/ports.js';
import { NeedsTransaction } from '../conversation/effects.js';
import { errorText, type Logger } from '../log.js';
import type { MetricsHooks } from '../metrics/metrics.js';
import { backoff, REPLY_LEASE_MS, ReplySender } from './reply-sender.js';
import type { InboxProcessor } from './thread.js';
import { drainInLanes } from './lanes.js';
import type { InboxWorkerDeps } from './worker-deps.js';

export type { InboxWorkerDeps };
import { InboxMaintenance } from './maintenance.js';
import { CLAIM_GATHER_MS, EVENT_LEASE_MS, MAX_EVENT_ATTEMPTS } from './timings.js';

class LeaseLost extends Error {}

/**
 * Processes the webhook inbox: each event once, in order per user, its reply sent right after the
 * event is marked done. Nothing here depends on the HTTP request that stored the event, so events
 * accepted before a crash are processed after the restart.
 *
 * An event that only reads (a search, a view of one's loans) is decided on the pool and completed
 * by one statement; one that changes library data (a hold, a renewal, a login) is handled again
 * inside a transaction that commits its effects with its completion. Either way the completion is
 * fenced by the claim, so an event whose lease ran out is never completed twice.
 */
export class InboxWorker implements InboxProcessor {
  readonly #deps: InboxWorkerDeps;
  readonly #replies: ReplySender;
  readonly #completions: Coalescer<{ event: ClaimedEvent; completion: EventCompletion }, Set<string>>;
  /** Drains, one at a time; a kick during a drain asks for one more. */
  readonly #drains: Kicker;
  /** The upkeep (due answers, parking, purging), beside the drains. */
  readonly #upkeep: Kicker;
  /** Counts kicks (new events stored), so lanes know a claim may find something new. */
  #kicks = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #maintenance: InboxMaintenance;
  /** When the last claim was made (performance.now()), and whether it took every due event. */
  #lastClaimAt = -Infinity;
  #lastClaimShort = false;
  #unrecorded: { event: ClaimedEvent; error: string; retryAt: Date }[] = [];
  /** Events answered whose completion could not be written (the database was away): written first at the next drain. */
  #uncompleted: { event: ClaimedEvent; completion: EventCompletion }[] = [];

  constructor(deps: InboxWorkerDeps) {
    this.#deps = deps;
    this.#replies = new ReplySender({ ...deps, clock: () => this.#now() });
    this.#maintenance = new InboxMaintenance(deps.db, this.#replies);
    // Events handled at the same time are completed by one statement (one round trip, one WAL flush).
    this.#completions = new Coalescer((items) => completeInboxEvents(deps.db, items, this.#now()));
    // The database is away for a while: the timer tries again, nothing is lost.
    this.#drains = new Kicker(
      () => this.drain(),
      (err) => deps.log.error('inbox worker paused', { error: errorText(err) }),
    );
    this.#upkeep = new Kicker(
      () => this.#maintenance.run(this.#now(), () => this.#stopped),
      (err) => deps.log.error('inbox upkeep paused', { error: errorText(err) }),
    );
  }

  #now(): Date {
    return this.#deps.clock?.() ?? new Date();
  }

  /** Starts draining now; safe to call often. Resolves when the inbox has nothing due. */
  kick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#kicks++;
    // Retries of answers go beside the new events, not after them: behind a backlog (on PGlite,
    // one connection) a drain can take seconds.
    return Promise.all([this.#drains.kick(), this.#upkeep.kick()]).then(() => {});
  }

  nudge(): void {
    void this.kick();
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
    await Promise.all([this.#drains.stop(), this.#upkeep.stop()]);
    await this.#replies.settled();
  }

  async drain(): Promise<void> {
    if (this.#uncompleted.length > 0) {
      const done = await completeInboxEvents(this.#deps.db, this.#uncompleted, this.#now());
      for (const { event } of this.#uncompleted.splice(0)) {
        if (!done.has(attemptKey(event)))
          this.#deps.log.warn('webhook event answered, but another attempt of it holds it now', {
            inboxId: event.id,
            attempt: event.attempts,
          });
      }
    }
    for (let f = this.#unrecorded[0]; f; f = this.#unrecorded[0]) {
      await failInboxEvent(this.#deps.db, f.event, f.error, f.retryAt, MAX_EVENT_ATTEMPTS);
      this.#unrecorded.shift();
    }
    // Only events handled in a transaction can have written notices (a read-only answer writes
    // none): under load, kicking notice delivery after every drain kept it running without pause.
    const wrote = await this.#handleDueEvents();
    if (wrote > 0) this.#deps.afterEvents?.();
    await this.#replies.settled();
  }

  /** The due events, handled in lanes (inbox-lanes.ts); how many were handled in a transaction that committed. */
  #handleDueEvents(): Promise<number> {
    return drainInLanes(Math.max(1, this.#deps.lanes ?? 1), {
      claim: async (limit) => {
        // Real time, not the clock: the gathering is about load, whatever day a test pretends it is.
        const wait = this.#lastClaimShort ? this.#lastClaimAt + CLAIM_GATHER_MS - performance.now() : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        this.#lastClaimAt = performance.now();
        const now = this.#now();
        const got = await claimInboxEvents(
          this.#deps.db,
          now,
          new Date(now.getTime() + EVENT_LEASE_MS),
          limit,
          MAX_EVENT_ATTEMPTS,
        );
        this.#lastClaimShort = got.length < limit;
        return got;
      },
      handle: (event) => this.#handle(event),
      // Claimed but not handled when the worker stops: due again at once, not after the lease.
      release: (events) => releaseInboxEvents(this.#deps.db, events, this.#now()),
      kicks: () => this.#kicks,
      stopped: () => this.#stopped,
    });
  }

  /** One event, its replies made and rendered in its user's language; true: handled in a committed transaction. */
  async #handle(event: ClaimedEvent): Promise<boolean> {
    const { language, learned } = await eventLanguage(this.#deps, event);
    return inLanguage(language, () => this.#handleInLanguage(event, language, learned));
  }

  async #handleInLanguage(event: ClaimedEvent, language: Language, learned: boolean): Promise<boolean> {
    const { db, handler, log } = this.#deps;
    const now = this.#now();
    const started = performance.now();
    // Made by the event's first claim and stored with it: every attempt, in any process, pushes
    // this answer under the same key, so LINE delivers a repeated push once.
    const retryKey = event.retryKey;
    let messages: unknown[] = [];
    let sentFirst = false;
    let wrote = false;
    // The reply is taken for sending after the completion, unless it is sent first (below).
    const completion = (o: EventOutcome): EventCompletion => {
      messages = this.#deps.messenger.render(o.replies);
      return {
        messages,
        retryKey,
        // A language learned from the LINE profile is stored with the event, or not at all.
        touch: o.touch && learned ? { ...o.touch, language } : o.touch,
        conversation: o.conversation,
        reply: { kind: 'sending', leaseUntil: new Date(now.getTime() + REPLY_LEASE_MS) },
      };
    };
    const reply = () => ({
      id: event.id,
      lineUserId: event.lineUserId,
      replyToken: event.replyToken,
      receivedAt: event.receivedAt,
      replies: messages,
      retryKey,
      // An earlier attempt may have replied with the same token before its process died.
      ...(event.attempts > 1 ? { redoOf: { eventTimestamp: event.eventTimestamp } } : {}),
    });
    try {
      let completed: boolean;
      // Standby events belong to another channel's module: record them, say nothing.
      const complete = async (c: EventCompletion) =>
        (await this.#completions.add([{ event, completion: c }])).has(attemptKey(event));
      if (event.mode !== 'active' || !event.lineUserId) {
        completed = await complete(completion({ replies: [], conversation: { kind: 'keep' }, touch: null }));
      } else {
        const lineUserId = event.lineUserId;
        const input = this.#deps.toInput(event.payload);
        try {
          const outcome = await handler.decide(
            db,
            {
              lineUserId,
              webhookEventId: event.webhookEventId,
              input,
              patronId: event.patronId,
              conversation: event.conversation,
            },
            now,
          );
          const c = completion(outcome);
          // An answer that changed nothing goes to LINE before the completion, which then records
          // how it went: one statement per event instead of two, and the answer is not stored.
          // Only well inside the lease, so no later attempt of this event can be answering too.
          if (messages.length > 0 && this.#now().getTime() < event.leaseUntil.getTime() - EVENT_LEASE_MS / 2) {
            c.reply = await this.#replies.sendBeforeCompletion(reply(), now);
            sentFirst = true;
            // The answer is out: if the database is away now, the completion (not the event) is
            // what is retried, so the patron is not answered twice.
            completed = await complete(c).catch((e: unknown) => {
              this.#uncompleted.push({ event, completion: c });
              throw e;
            });
          } else {
            completed = await complete(c);
          }
        } catch (err) {
          if (!(err instanceof NeedsTransaction)) throw err;
          completed = await db
            .transaction()
            .execute(async (tx) => {
              const outcome = await handler.inTransaction(
                tx,
                { lineUserId, webhookEventId: event.webhookEventId, input, language },
                now,
              );
              // The effects commit only with the completion: a lost lease rolls them back.
              if (!(await completeInboxEvent(tx, event, completion(outcome), now))) throw new LeaseLost();
              wrote = true;
              return true;
            })
            .catch((e: unknown) => {
              if (e instanceof LeaseLost) return false;
              throw e;
            });
        }
      }
      if (!completed) {
        log.warn('webhook event lease lost: a later attempt handles it', {
          inboxId: event.id,
          webhookEventId: event.webhookEventId,
          attempt: event.attempts,
        });
        return false;
      }
      // Identifiers and counts only: the message text stays out of info-level logs.
      log.info('webhook event processed', {
        webhookEventId: event.webhookEventId,
        type: event.eventType,
        flow: 'webhook',
        step: 'handled',
        replies: messages.length,
        attempt: event.attempts,
        durationMs: Math.round(performance.now() - started),
      });
      this.#deps.metrics?.webhookEvent(event.eventType, 'processed');
    } catch (err) {
      log.error('webhook event failed', {
        inboxId: event.id,
        type: event.eventType,
        flow: 'webhook',
        step: 'handled',
        error: errorText(err),
        durationMs: Math.round(performance.now() - started),
      });
      this.#deps.metrics?.webhookEvent(event.eventType, 'failed');
      const failure = { event, error: errorText(err), retryAt: new Date(now.getTime() + backoff(event.attempts)) };
      // The database may be what failed: then the failure is recorded at the next drain, so the
      // event comes due after its backoff rather than after its whole lease.
      if (!sentFirst)
        await failInboxEvent(db, event, failure.error, failure.retryAt, MAX_EVENT_ATTEMPTS).catch(() =>
          this.#unrecorded.push(failure),
        );
      return false;
    }
    if (messages.length > 0 && !sentFirst) await this.#replies.sendNow(reply(), now);
    return wrote;
  }
}
