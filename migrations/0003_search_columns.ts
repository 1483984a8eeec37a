import { sql, type Kysely } from 'kysely';
import { normalizeForSearch } from '../src/domain/normalize.js';

/**
 * Catalog search matches normalised text (domain/normalize.ts), kept beside the original in
 * columns, so that a search is plain SQL over them (and an n-gram index can be added later).
 * norm_version says which normaliser made a row's values; 0 = not made yet.
 */
const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs
      ADD COLUMN norm_title text NOT NULL DEFAULT '',
      ADD COLUMN norm_author text NOT NULL DEFAULT '',
      ADD COLUMN norm_publisher text NOT NULL DEFAULT '',
      ADD COLUMN norm_version integer NOT NULL DEFAULT 0
  `.execute(db);

  // The normaliser is TypeScript (NFKC, kana folding), not SQL, so existing rows are filled
  // here, in batches by id, each batch one UPDATE over arrays.
  let after = '0';
  for (;;) {
    const { rows } = await sql<{ id: string; title: string; author: string | null; publisher: string | null }>`
      -- Ordered by the bigint column, not by the text alias of the same name.
      SELECT id::text AS id, title, author, publisher FROM bibs WHERE bibs.id > ${after}::bigint ORDER BY bibs.id LIMIT ${BATCH}`.execute(
      db,
    );
    const last = rows.at(-1);
    if (!last) break;
    await sql`
      UPDATE bibs
         SET norm_title = v.title, norm_author = v.author, norm_publisher = v.publisher, norm_version = 1
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => normalizeForSearch(r.title))}::text[],
                    ${rows.map((r) => normalizeForSearch(r.author ?? ''))}::text[],
                    ${rows.map((r) => normalizeForSearch(r.publisher ?? ''))}::text[]) AS v(id, title, author, publisher)
       WHERE bibs.id = v.id`.execute(db);
    after = last.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs DROP COLUMN norm_title, DROP COLUMN norm_author, DROP COLUMN norm_publisher, DROP COLUMN norm_version
  `.execute(db);
}
