import { sql } from 'kysely';
import { searchGrams } from '../domain/grams.js';
import { NORMALIZER_VERSION, normalizeForSearch } from '../domain/normalize.js';
import type { Executor } from './executor.js';

const BATCH = 500;

export interface SearchSource {
  title: string;
  titleKana?: string | null | undefined;
  author?: string | null | undefined;
  publisher?: string | null | undefined;
  classification?: string | null | undefined;
  materialType: string;
}

export interface SearchColumns {
  norm_title: string;
  norm_kana: string;
  norm_author: string;
  norm_publisher: string;
  search_grams: string[];
  norm_version: number;
}

/** The searchable columns of one title, as insertRecords (staff API, import) and the refresh write them. */
export function searchColumnsOf(b: SearchSource): SearchColumns {
  const norm = {
    norm_title: normalizeForSearch(b.title),
    norm_kana: normalizeForSearch(b.titleKana ?? ''),
    norm_author: normalizeForSearch(b.author ?? ''),
    norm_publisher: normalizeForSearch(b.publisher ?? ''),
  };
  const grams = searchGrams({
    title: norm.norm_title,
    kana: norm.norm_kana,
    author: norm.norm_author,
    publisher: norm.norm_publisher,
    classification: b.classification ?? null,
    materialType: b.materialType,
  });
  return { ...norm, search_grams: grams, norm_version: NORMALIZER_VERSION };
}

/**
 * A list of gram arrays as one parameter: PostgreSQL arrays must be rectangular, so unnest()
 * cannot take an array of arrays; each title's grams travel as a JSON array text instead.
 */
export const gramsParam = (rows: readonly SearchColumns[]) => rows.map((r) => JSON.stringify(r.search_grams));
/** A column of JSON array texts (gramsParam, marksParam) read back as one text[] per row. */
export const textArrayFromJson = (column: string) =>
  sql<string[]>`ARRAY(SELECT jsonb_array_elements_text(${sql.ref(column)}::jsonb))`;

/**
 * Rebuilds the searchable columns (norm_*, search_grams) of every title made by another
 * normaliser version (or none), in batches by id. Run at start, after the migrations: bumping
 * NORMALIZER_VERSION is all it takes to rebuild them. Running it twice at once (two instances
 * starting) only writes the same values twice. Returns the number of titles rewritten.
 */
export async function refreshSearchColumns(db: Executor): Promise<number> {
  let after = '0';
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('bibs')
      .select(['id', 'title', 'author', 'publisher', 'title_kana', 'classification', 'material_type'])
      .where('norm_version', '<>', NORMALIZER_VERSION)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) {
      if (done > 0) {
        await recountGrams(db);
        // Every row was rewritten: without a vacuum the search's index-only walk reads the table.
        if (!db.isTransaction) await vacuumCatalog(db);
      }
      return done;
    }
    const cols = rows.map((r) => searchColumnsOf({ ...r, titleKana: r.title_kana, materialType: r.material_type }));
    // One statement per batch: the values travel as array parameters.
    await sql`
      UPDATE bibs
         SET norm_title = v.title, norm_author = v.author, norm_publisher = v.publisher, norm_kana = v.kana,
             search_grams = ${textArrayFromJson('v.grams')}, norm_version = ${NORMALIZER_VERSION}
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${cols.map((c) => c.norm_title)}::text[],
                    ${cols.map((c) => c.norm_author)}::text[], ${cols.map((c) => c.norm_publisher)}::text[],
                    ${cols.map((c) => c.norm_kana)}::text[], ${gramsParam(cols)}::text[]) AS v(id, title, author,
                      publisher, kana, grams)
       WHERE bibs.id = v.id`.execute(db);
    done += rows.length;
    after = last.id;
  }
}

/**
 * Adds titles' grams to search_gram_titles, in the transaction that adds the titles: one
 * statement, grams in sorted order so that two imports at once lock rows in the same order.
 */
export async function countGrams(db: Executor, grams: readonly (readonly string[])[]): Promise<void> {
  const flat = grams.flat();
  if (flat.length === 0) return;
  await sql`
    INSERT INTO search_gram_titles (gram, titles)
    SELECT g, count(*) FROM unnest(${flat}::text[]) AS g GROUP BY g ORDER BY g
    ON CONFLICT (gram) DO UPDATE SET titles = search_gram_titles.titles + excluded.titles`.execute(db);
}

/** search_gram_titles made again from every title's grams (after the grams were rebuilt). */
export async function recountGrams(db: Executor): Promise<void> {
  await sql`DELETE FROM search_gram_titles`.execute(db);
  await sql`INSERT INTO search_gram_titles (gram, titles) SELECT g, count(*) FROM bibs,
    unnest(search_grams) AS g GROUP BY g`.execute(db);
}

/**
 * After a bulk load or a rebuild: statistics for the planner, and the visibility map that lets the
 * search read its index alone.
 */
export async function vacuumCatalog(db: Executor): Promise<void> {
  await sql`VACUUM (ANALYZE) bibs, items`.execute(db);
}
