import type { Kysely } from 'kysely';
import { parkExhaustedEvents, purgeHandledEvents } from '../db/inbox.js';
import type { DB } from '../db/schema.js';
import type { ReplySender } from './reply-sender.js';
import { INBOX_RETENTION_MS, MAX_EVENT_ATTEMPTS, PURGE_BATCH, PURGE_EVERY_MS, SWEEP_EVERY_MS } from './timings.js';

/**
 * What a drain does besides handling new events, each at most so often: park events that ran out
 * of attempts, send the replies that came due for a retry (or were left by a process that died),
 * and delete handled events past their retention.
 */
export class InboxMaintenance {
  readonly #db: Kysely<DB>;
  readonly #replies: ReplySender;
  #nextSweep = 0;
  #nextPurge = 0;

  constructor(db: Kysely<DB>, replies: ReplySender) {
    this.#db = db;
    this.#replies = replies;
  }

  async run(now: Date, stopped: () => boolean): Promise<void> {
    const t = now.getTime();
    if (t >= this.#nextSweep && !stopped()) {
      this.#nextSweep = t + SWEEP_EVERY_MS;
      await parkExhaustedEvents(this.#db, now, MAX_EVENT_ATTEMPTS);
      while (!stopped() && (await this.#replies.sendDue())) {
        /* send every reply that is due */
      }
    }
    if (t >= this.#nextPurge && !stopped()) {
      this.#nextPurge = t + PURGE_EVERY_MS;
      // In batches, so no statement holds many rows; what is left goes at the next purge.
      for (let i = 0; i < 20 && !stopped(); i++) {
        const purged = await purgeHandledEvents(this.#db, new Date(t - INBOX_RETENTION_MS), PURGE_BATCH);
        if (purged < PURGE_BATCH) break;
      }
    }
  }
}
