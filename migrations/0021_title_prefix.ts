import { sql, type Kysely } from 'kysely';

/**
 * The next volume of a work (issue 26, R-SER-1) is found by its title's beginning: an index on
 * the title folded as the series rule folds it (NFKC, lower case), for LIKE 'stem%', so a checkout
 * does not read the whole catalog.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX bibs_title_prefix ON bibs (lower(normalize(title, NFKC)) text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX bibs_title_prefix`.execute(db);
}
