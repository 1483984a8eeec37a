import { sql, type Kysely } from 'kysely';

/**
 * The title's reading (ヨミ), normalised, so that a patron can find 吾輩は猫である by typing
 * わがはい. Filled by refreshSearchColumns at start (NORMALIZER_VERSION 2 rebuilds every row).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bibs ADD COLUMN norm_kana text NOT NULL DEFAULT ''`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bibs DROP COLUMN norm_kana`.execute(db);
}
