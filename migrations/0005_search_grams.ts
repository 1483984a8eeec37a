import { sql, type Kysely } from 'kysely';

/** GIN shards: bibs_search_grams_0 .. _3, one for the titles whose id % 4 is its number. */
const SHARDS = 4;

/**
 * Catalog search at a million titles (db/search-*.ts says how each index is used):
 * - search_grams: the title's n-grams (domain/grams.ts) under GIN indexes: the candidates of a
 *   term that few titles contain. Filled in TypeScript by refreshSearchColumns at start
 *   (NORMALIZER_VERSION 3 rebuilds every row) and by insertRecords (staff API, import). One GIN
 *   index per quarter of the titles (by id), because a GIN scan reads a gram's whole posting
 *   list before it returns a row (a bigram in 4% of a million titles: 40,000 postings, ~12 ms):
 *   counting to 1001 hits of a common term then stops after a shard. More shards read less but
 *   cost the planner more (16 shards: 3–6 ms of planning a query, measured at 1M titles).
 * - bibs_search_walk: the titles in result order (newest first), carrying the normalised
 *   columns, so that a term that many titles contain is found by reading the index in order
 *   until a page is full, without touching the table. A btree entry must stay under ~2.7 kB, so
 *   a title whose texts are longer is left out of it (search_short) and found by
 *   bibs_search_long instead; there are next to none.
 * - Hash indexes for "title is exactly the term" (hash: no length limit on the key).
 * - search_gram_titles: how many titles have each gram, kept with the titles in the same
 *   transaction: a one- or two-character term is its gram, so the count of a common term is
 *   read here (more than 1000 → 「1000件以上」) instead of from a thousand rows of the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs
      ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}',
      ADD COLUMN search_short boolean NOT NULL GENERATED ALWAYS AS (
        octet_length(norm_title) + octet_length(norm_kana) + octet_length(norm_author) + octet_length(norm_publisher)
          + octet_length(coalesce(classification, '')) <= 2000) STORED
  `.execute(db);
  for (let s = 0; s < SHARDS; s++) {
    await sql`
      CREATE INDEX ${sql.id(`bibs_search_grams_${s}`)} ON bibs USING gin (search_grams)
        WHERE id % ${sql.lit(SHARDS)} = ${sql.lit(s)}`.execute(db);
  }
  await sql`
    CREATE INDEX bibs_search_walk ON bibs (year DESC NULLS LAST, id)
      INCLUDE (norm_title, norm_kana, norm_author, norm_publisher, classification, material_type)
      WHERE search_short
  `.execute(db);
  await sql`CREATE INDEX bibs_search_long ON bibs (id) WHERE NOT search_short`.execute(db);
  await sql`
    CREATE TABLE search_gram_titles (gram text PRIMARY KEY, titles integer NOT NULL CHECK (titles >= 0))
  `.execute(db);
  await sql`CREATE INDEX bibs_norm_title_exact ON bibs USING hash (norm_title)`.execute(db);
  await sql`CREATE INDEX bibs_norm_kana_exact ON bibs USING hash (norm_kana)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_gram_titles`.execute(db);
  await sql`DROP INDEX bibs_norm_kana_exact, bibs_norm_title_exact, bibs_search_long, bibs_search_walk`.execute(db);
  for (let s = 0; s < SHARDS; s++) await sql`DROP INDEX ${sql.id(`bibs_search_grams_${s}`)}`.execute(db);
  await sql`ALTER TABLE bibs DROP COLUMN search_short, DROP COLUMN search_grams`.execute(db);
}
