import { sql } from 'kysely';
import type { Executor } from './executor.js';

/** A kept ranking: the page's titles in order and how many matched, as of a catalog generation. */
export interface KeptRanking {
  generation: string;
  ids: string[];
  matched: number;
}

/**
 * Rankings of recent searches, for one database, least recently used dropped first. Patrons
 * search the same words often (a new 芥川賞 winner, a school's reading list); the ranking is most
 * of a search's database work and depends on the titles alone, so it is kept while the catalog
 * generation (migrations/0009) is unchanged. The caller must check the generation on every use.
 */
export class RankingCache {
  readonly #entries = new Map<string, KeptRanking>();
  readonly #capacity: number;

  constructor(capacity = 1000) {
    this.#capacity = capacity;
  }

  get(key: string): KeptRanking | undefined {
    const kept = this.#entries.get(key);
    if (kept) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
    }
    return kept;
  }

  set(key: string, kept: KeptRanking): void {
    this.#entries.delete(key);
    this.#entries.set(key, kept);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}

/** The catalog's generation now: it changes with every statement that changes titles. */
export async function catalogGeneration(db: Executor): Promise<string> {
  const r = await sql<{ n: string }>`SELECT n FROM catalog_generation`.execute(db);
  return String(r.rows[0]?.n ?? '0');
}
