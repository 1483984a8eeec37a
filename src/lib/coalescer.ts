/**
 * Calls that arrive while one is in flight go out together in the next one: under load many
 * small statements become a few larger ones (each a round trip and, for writes, a WAL flush);
 * when idle a call goes out at once, so nothing waits for a timer. If a combined call fails,
 * each caller's part is tried alone, so one bad part fails only its own caller. With
 * `inFlight` > 1, that many writes may be out at once (each needs a connection of its own).
 */
export class Coalescer<T, R> {
  readonly #write: (items: T[]) => Promise<R>;
  readonly #inFlight: number;
  #queue: { items: T[]; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  readonly #flushing = new Set<Promise<void>>();

  constructor(write: (items: T[]) => Promise<R>, inFlight = 1) {
    this.#write = write;
    this.#inFlight = inFlight;
  }

  /** Resolves with the result of the write that carried these items. */
  add(items: T[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ items, resolve, reject });
      if (this.#flushing.size < this.#inFlight) {
        const flushing: Promise<void> = this.#flush().finally(() => this.#flushing.delete(flushing));
        this.#flushing.add(flushing);
      }
    });
  }

  /** Resolves when everything added so far has been written (or has failed). */
  async settled(): Promise<void> {
    while (this.#flushing.size > 0) await Promise.all(this.#flushing);
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      try {
        const r = await this.#write(batch.flatMap((b) => b.items));
        for (const b of batch) b.resolve(r);
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else for (const b of batch) await this.#write(b.items).then(b.resolve, b.reject);
      }
    }
  }
}
