/**
 * Runs a piece of work now, on demand, never twice side by side: a kick while the work runs asks
 * for one more run after it (however many kicks came), so whatever was stored meanwhile is seen.
 * A failed run is handed to `onError` and left to the next kick (or the caller's timer): the work
 * reads what is due from the database, so nothing is lost by giving up a run.
 */
export class Kicker {
  readonly #run: () => Promise<unknown>;
  readonly #onError: (err: unknown) => void;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(run: () => Promise<unknown>, onError: (err: unknown) => void) {
    this.#run = run;
    this.#onError = onError;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Starts a run now (or one more after the running one); resolves when none is left to run. */
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
          await this.#run();
        } while (this.#again && !this.#stopped);
      } catch (err) {
        this.#onError(err);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Resolves when no run is going on. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** No run starts after this; resolves when the one going on (if any) has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }
}
