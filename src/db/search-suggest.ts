import { sql } from 'kysely';
import { termGrams } from '../domain/grams.js';
import { normalizeForSearch } from '../domain/normalize.js';
import type { Executor } from './executor.js';

/** A title close to words that found nothing: 「もしかして」. */
export interface CloseTitle {
  bibId: string;
  title: string;
}

/**
 * Share of the words' bigrams a title (or its reading) must have: ぐりとぐろ has 3 of its 4 in
 * ぐりとぐら (0.75), はらぺこあおむじ 6 of 7 in はらぺこあおむし; two unrelated words seldom reach it.
 */
export const CLOSE_SHARE = 0.6;
/** Shorter words have too few bigrams to tell a typo from another word. */
const MIN_CHARS = 4;
/** Candidates read from each GIN shard: the search stays bounded whatever the words. */
const PER_SHARD = 200;
/** As many as migrations/0005 made. */
const SHARDS = 4;

/**
 * Up to `limit` titles whose title or reading has at least CLOSE_SHARE of the bigrams of `words`
 * (joined), closest first: most shared, then nearest in length. Found through the n-gram index:
 * a title sharing m of the n bigrams lacks at most n − m of them, so of any n − m + 2 it has two;
 * the GIN index answers "has both of this pair" for each pair of the rarest n − m + 2 (by
 * search_gram_titles), which names far fewer candidates than any one gram would. Never a hit of
 * the search itself: the caller asks only when the search found nothing.
 */
export async function closeTitles(db: Executor, words: readonly string[], limit = 3): Promise<CloseTitle[]> {
  const term = normalizeForSearch(words.join(''));
  if (Array.from(term).length < MIN_CHARS) return [];
  const wanted = termGrams(term);
  const need = Math.ceil(CLOSE_SHARE * wanted.length);
  const { rows: counted } = await sql<{ gram: string; titles: number }>`
    SELECT gram, titles FROM search_gram_titles WHERE gram = ANY(${wanted}::text[])`.execute(db);
  const titles = new Map(counted.map((r) => [r.gram, Number(r.titles)]));
  const rare = [...wanted].sort((a, b) => (titles.get(a) ?? 0) - (titles.get(b) ?? 0));
  // A gram no title has cannot be one of the two: the pairs are of the others.
  const pool = rare.slice(0, wanted.length - need + 2).filter((g) => (titles.get(g) ?? 0) > 0);
  const pairs = pool.flatMap((a, i) => pool.slice(i + 1).map((b) => [a, b]));
  if (pairs.length === 0) return [];
  const has = sql.join(
    pairs.map((p) => sql`search_grams @> ${p}::text[]`),
    sql` OR `,
  );
  // The shard's condition in the words of its partial index, so that the index is used.
  const shard = (s: number) => sql`(SELECT id, title, norm_title, norm_kana FROM bibs
    WHERE id % ${sql.lit(SHARDS)} = ${sql.lit(s)} AND (${has}) LIMIT ${PER_SHARD})`;
  const { rows } = await sql<{ id: string; title: string; norm_title: string; norm_kana: string }>`
    ${sql.join(
      Array.from({ length: SHARDS }, (_, s) => shard(s)),
      sql` UNION ALL `,
    )}`.execute(db);
  const size = Array.from(term).length;
  const scored = rows
    .map((r) => {
      const best = [r.norm_title, r.norm_kana]
        .map((text) => ({ shared: sharedGrams(wanted, text), length: Array.from(text).length }))
        .sort((a, b) => b.shared - a.shared || Math.abs(a.length - size) - Math.abs(b.length - size))[0]!;
      return { bibId: String(r.id), title: r.title, ...best };
    })
    .filter((c) => c.shared >= need)
    .sort(
      (a, b) =>
        b.shared - a.shared || Math.abs(a.length - size) - Math.abs(b.length - size) || (a.bibId < b.bibId ? -1 : 1),
    );
  const seen = new Set<string>();
  const out: CloseTitle[] = [];
  for (const c of scored) {
    if (seen.has(c.title) || out.length >= limit) continue;
    seen.add(c.title);
    out.push({ bibId: c.bibId, title: c.title });
  }
  return out;
}

function sharedGrams(wanted: readonly string[], text: string): number {
  const have = new Set(termGrams(text));
  return wanted.filter((g) => have.has(g)).length;
}
