/**
 * Calls that arrive while one is in flight go out together in the next one: under load many
 * small statements become a few larger ones (each a round trip and, for writes, a WAL flush);
 * when idle a call goes out at once, so nothing waits for a timer. If a combined call fails,
 * each caller's part is tried alone, so one bad part fails only its own caller.
 */
export class Coalescer<T, R> {
  readonly #write: (items: T[]) => Promise<R>;
  #queue: { items: T[]; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  constructor(write: (items: T[]) => Promise<R>) {
    this.#write = write;
  }

  /** Resolves with the result of the write that carried these items. */
  add(items: T[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ items, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /** Resolves when everything added so far has been written (or has failed). */
  async settled(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    try {
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
    } finally {
      this.#flushing = undefined;
    }
  }
}
