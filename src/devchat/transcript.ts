/**
 * What the chat page shows, in order: the patron's side, what the bot sent (LINE message JSON, as
 * the stand-in received it), rich menu switches and notes. One list for all users, numbered, so a
 * page that reconnects (EventSource sends Last-Event-ID) gets exactly what it missed, and a page
 * switching users needs no second request. In memory only: it is a view of one running process.
 */
export type EntryBody =
  | { kind: 'patron'; user: string; text: string }
  | { kind: 'bot'; user: string; messages: unknown[]; via: 'reply' | 'push' }
  | { kind: 'menu'; user: string; alias: string | null }
  | { kind: 'note'; user: string | null; text: string };

export type Entry = EntryBody & { seq: number; at: string };

/** Passing states that a reconnecting page need not replay (the typing indicator). */
export type Signal = { kind: 'typing'; user: string; on: boolean };

type Listener = (e: Entry | Signal) => void;

/** Enough for a long demo session; the oldest entries go first. */
const MAX_ENTRIES = 5000;

export class Transcript {
  readonly #entries: Entry[] = [];
  readonly #listeners = new Set<Listener>();
  readonly #clock: () => Date;
  #seq = 0;

  constructor(clock: () => Date) {
    this.#clock = clock;
  }

  add(body: EntryBody): Entry {
    const entry = { ...body, seq: ++this.#seq, at: this.#clock().toISOString() } as Entry;
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
    this.#emit(entry);
    return entry;
  }

  signal(s: Signal): void {
    this.#emit(s);
  }

  /** Entries after `seq` (0: all that are kept). */
  since(seq: number): Entry[] {
    return this.#entries.filter((e) => e.seq > seq);
  }

  /** Whether this process has shown anything of this user yet. */
  hasUser(user: string): boolean {
    return this.#entries.some((e) => e.user === user);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #emit(e: Entry | Signal): void {
    for (const l of this.#listeners) l(e);
  }
}
