import { sql, type Kysely } from 'kysely';

/**
 * The language each LINE user is answered in (docs/translating.md): set from the LINE profile's
 * language on first contact and changed by the patron with 「言語 / Language」. NULL until known.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE line_users ADD COLUMN language text CHECK (language IN ('ja', 'en', 'easy'))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE line_users DROP COLUMN language`.execute(db);
}
