import { sql } from 'kysely';
import { NORMALIZER_VERSION, normalizeForSearch } from '../domain/normalize.js';
import type { Executor } from './executor.js';

const BATCH = 500;

/**
 * Rebuilds the normalised search columns of every title made by another normaliser version
 * (or none), in batches by id. Run at start, after the migrations: bumping NORMALIZER_VERSION
 * is all it takes to re-normalise the catalog. Running it twice at once (two instances
 * starting) only writes the same values twice. Returns the number of titles rewritten.
 */
export async function refreshSearchColumns(db: Executor): Promise<number> {
  let after = '0';
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('bibs')
      .select(['id', 'title', 'author', 'publisher', 'title_kana'])
      .where('norm_version', '<>', NORMALIZER_VERSION)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) return done;
    // One statement per batch: the values travel as five array parameters.
    await sql`
      UPDATE bibs
         SET norm_title = v.title, norm_author = v.author, norm_publisher = v.publisher, norm_kana = v.kana, norm_version = ${NORMALIZER_VERSION}
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => normalizeForSearch(r.title))}::text[],
                    ${rows.map((r) => normalizeForSearch(r.author ?? ''))}::text[],
                    ${rows.map((r) => normalizeForSearch(r.publisher ?? ''))}::text[],
                    ${rows.map((r) => normalizeForSearch(r.title_kana ?? ''))}::text[]) AS v(id, title, author, publisher, kana)
       WHERE bibs.id = v.id`.execute(db);
    done += rows.length;
    after = last.id;
  }
}
