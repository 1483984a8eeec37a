import { sql, type Kysely } from 'kysely';

/**
 * Search keys of a title that are not words (db/catalog-keys.ts fills them, at insert and at start
 * for titles made before this migration or by an older CATALOG_KEYS_VERSION):
 * - isbn13: the record's ISBN as 13 digits (an ISBN-10 converted), NULL when it is no valid ISBN.
 *   Searched by equality only, through its own btree: ISBN digits in the n-gram index or in the
 *   walk index cost every other query (an earlier attempt measured multi-word p95 at 19.7–31 ms
 *   at 1M titles with them there, against 12.8 ms without).
 * - marks: what a copy's call number marks on the title (youngAdult: `YA`, R-SRCH-3; largePrint:
 *   `大活字`). Few titles carry one, so the marked titles have an index of their own, in result
 *   order and carrying what the conditions read: a query naming a mark reads only them. Entries
 *   must stay under the btree limit, hence `search_short`, as for bibs_search_walk.
 * - keys_version: the version of the code that made them; 0 = not made yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs
      ADD COLUMN isbn13 text,
      ADD COLUMN marks text[] NOT NULL DEFAULT '{}',
      ADD COLUMN keys_version smallint NOT NULL DEFAULT 0
  `.execute(db);
  await sql`CREATE INDEX bibs_search_isbn13 ON bibs (isbn13) WHERE isbn13 IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX bibs_search_marked ON bibs (year DESC NULLS LAST, id DESC)
      INCLUDE (norm_title, norm_kana, norm_author, norm_publisher, classification, material_type, marks)
      WHERE cardinality(marks) > 0 AND search_short
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX bibs_search_marked, bibs_search_isbn13`.execute(db);
  await sql`ALTER TABLE bibs DROP COLUMN keys_version, DROP COLUMN marks, DROP COLUMN isbn13`.execute(db);
}
