import { Kicker } from '../lib/kicker.js';
import { errorText, type Logger } from '../log.js';

/**
 * Attempts the notices right after the change that wrote them has committed (CONTRACT.md), in
 * this process, instead of waiting for the minute's deliver-notices run. Kicks coalesce (Kicker):
 * never two deliveries side by side. A failure is logged and left to the scheduled job: nothing
 * is lost, the outbox still holds it.
 */
export class NoticeKicker {
  readonly #kicker: Kicker;

  constructor(deliver: (now: Date) => Promise<number>, clock: () => Date, log: Logger) {
    this.#kicker = new Kicker(
      () => deliver(clock()),
      (err) =>
        log.error('notice delivery after a change failed; the scheduled run will retry', { error: errorText(err) }),
    );
  }

  /** Starts a delivery now (or one more after the running one); resolves when none is left to run. */
  kick(): Promise<void> {
    return this.#kicker.kick();
  }

  /** Resolves when no delivery is running (tests, and shutdown before the database closes). */
  idle(): Promise<void> {
    return this.#kicker.idle();
  }

  stop(): Promise<void> {
    return this.#kicker.stop();
  }
}
