import { errorText, type Logger } from '../log.js';

/**
 * Attempts the notices right after the change that wrote them has committed (CONTRACT.md), in
 * this process, instead of waiting for the minute's deliver-notices run. Kicks coalesce: while a
 * delivery runs, further kicks ask for one more run after it, never for runs side by side.
 * A failure is logged and left to the scheduled job: nothing is lost, the outbox still holds it.
 */
export class NoticeKicker {
  readonly #deliver: (now: Date) => Promise<number>;
  readonly #clock: () => Date;
  readonly #log: Logger;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(deliver: (now: Date) => Promise<number>, clock: () => Date, log: Logger) {
    this.#deliver = deliver;
    this.#clock = clock;
    this.#log = log;
  }

  /** Starts a delivery now (or one more after the running one); resolves when none is left to run. */
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
          await this.#deliver(this.#clock());
        } while (this.#again && !this.#stopped);
      } catch (err) {
        this.#log.error('notice delivery after a change failed; the scheduled run will retry', {
          error: errorText(err),
        });
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Resolves when no delivery is running (tests, and shutdown before the database closes). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }
}
