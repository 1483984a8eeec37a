import { sql, type Kysely } from 'kysely';

/**
 * Catalog search matches normalised text (domain/normalize.ts), kept beside the original in
 * columns, so that a search is plain SQL over them (and an n-gram index can be added later).
 * norm_version says which normaliser made a row's values; 0 = not made yet.
 *
 * The values are not filled here: a migration never imports application code (a later change of
 * the normaliser would silently change what this migration did). Every start, and `npm run
 * migrate`, runs refreshSearchColumns (src/db/search-columns.ts) after the migrations, and it
 * fills every row whose norm_version is not the current normaliser's.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs
      ADD COLUMN norm_title text NOT NULL DEFAULT '',
      ADD COLUMN norm_author text NOT NULL DEFAULT '',
      ADD COLUMN norm_publisher text NOT NULL DEFAULT '',
      ADD COLUMN norm_version integer NOT NULL DEFAULT 0
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bibs
      DROP COLUMN norm_title, DROP COLUMN norm_author, DROP COLUMN norm_publisher, DROP COLUMN norm_version
  `.execute(db);
}
