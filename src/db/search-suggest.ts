import { sql } from 'kysely';
import { termGrams } from '../domain/grams.js';
import { normalizeForSearch } from '../domain/normalize.js';
import type { Executor } from './executor.js';
import { preparedByText, preparedMarker } from './prepared-statements.js';
import { SHARDS } from './search-queries.js';

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
/** Candidates read from each GIN shard for one number of missing bigrams: bounded whatever the words. */
const PER_SHARD = 50;
/** Grams of a key: the rarest four of those a title has leave few candidates to read from the table. */
const KEY_GRAMS = 4;
/** More keys than this for one number of missing bigrams: the words are too far from any title. */
const MAX_KEYS = 40;

/**
 * Up to `limit` titles whose title or reading has at least CLOSE_SHARE of the bigrams of `words`
 * (joined), closest first: most shared, then nearest in length. Found through the n-gram index,
 * fewest missing bigrams first: a title missing e of the n bigrams has all the others, so it has
 * the rarest KEY_GRAMS of them (by search_gram_titles), and the GIN index answers that `@>`
 * from short posting lists. A bigram no title has is missing from every title, so e starts at
 * their number, and stops at n − m (m = CLOSE_SHARE of n) or once `limit` titles are close
 * enough. Never a hit of the search itself: the caller asks only when the search found nothing.
 */
export async function closeTitles(db: Executor, words: readonly string[], limit = 3): Promise<CloseTitle[]> {
  const term = normalizeForSearch(words.join(''));
  if (Array.from(term).length < MIN_CHARS) return [];
  const wanted = termGrams(term);
  const need = Math.ceil(CLOSE_SHARE * wanted.length);
  const { rows: counted } = await sql<{
    gram: string;
    titles: number;
  }>`${sql.raw(preparedMarker('suggest-gram-titles'))}
    SELECT gram, titles FROM search_gram_titles WHERE gram = ANY(${wanted}::text[])`.execute(db);
  const titles = new Map(counted.map((r) => [r.gram, Number(r.titles)]));
  const held = wanted.filter((g) => (titles.get(g) ?? 0) > 0).sort((a, b) => titles.get(a)! - titles.get(b)!);
  const rows = new Map<string, CandidateRow>();
  for (let missing = wanted.length - held.length; missing <= wanted.length - need; missing++) {
    const keys = keysMissing(held, missing - (wanted.length - held.length));
    if (keys.length === 0 || keys.length > MAX_KEYS) break;
    for (const r of await candidates(db, keys)) rows.set(String(r.id), r);
    if (closeEnough(wanted, need, rows.values()) >= limit) break;
  }
  const size = Array.from(term).length;
  const scored = [...rows.values()]
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

interface CandidateRow {
  id: string;
  title: string;
  norm_title: string;
  norm_kana: string;
}

/**
 * The gram sets of the titles that have every gram of `held` but `drop` of them, each cut to its
 * KEY_GRAMS rarest (`held` is rarest first): necessary, and what the GIN index reads fastest.
 */
function keysMissing(held: readonly string[], drop: number): string[][] {
  const keys = new Map<string, string[]>();
  const visit = (from: number, left: number, kept: string[]) => {
    if (keys.size > MAX_KEYS) return;
    if (left === 0 || from >= held.length) {
      const all = [...kept, ...(left === 0 ? held.slice(from) : [])].slice(0, KEY_GRAMS);
      if (left === 0 && all.length > 0) keys.set(all.join('\u0000'), all);
      return;
    }
    // Drop held[from], or keep it; once KEY_GRAMS are kept, later drops change no key.
    visit(from + 1, left - 1, kept);
    if (kept.length < KEY_GRAMS) visit(from + 1, left, [...kept, held[from]!]);
    else visit(held.length, 0, kept);
  };
  visit(0, drop, []);
  return [...keys.values()];
}

/** Titles having all grams of one of `keys`, a bounded number from each GIN shard. */
async function candidates(db: Executor, keys: readonly string[][]): Promise<CandidateRow[]> {
  const has = sql.join(
    keys.map((k) => sql`search_grams @> ${k}::text[]`),
    sql` OR `,
  );
  // The shard's condition in the words of its partial index, so that the index is used.
  const shard = (s: number) => sql`(SELECT id, title, norm_title, norm_kana FROM bibs
    WHERE id % ${sql.lit(SHARDS)} = ${sql.lit(s)} AND (${has}) LIMIT ${PER_SHARD})`;
  const { rows } = await sql<CandidateRow>`${sql.raw(preparedByText)}${sql.join(
    Array.from({ length: SHARDS }, (_, s) => shard(s)),
    sql` UNION ALL `,
  )}`.execute(db);
  return rows;
}

function closeEnough(wanted: readonly string[], need: number, rows: Iterable<CandidateRow>): number {
  const close = new Set<string>();
  for (const r of rows)
    if (Math.max(sharedGrams(wanted, r.norm_title), sharedGrams(wanted, r.norm_kana)) >= need) close.add(r.title);
  return close.size;
}

function sharedGrams(wanted: readonly string[], text: string): number {
  const have = new Set(termGrams(text));
  return wanted.filter((g) => have.has(g)).length;
}
