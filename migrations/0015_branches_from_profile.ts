import { sql, type Kysely } from 'kysely';

/**
 * Branches now come from the library profile (LIBRARY_PROFILE), synchronised at every start:
 * - pickup_point: whether holds can be collected there (受取館);
 * - in_profile: false for a branch the profile no longer lists. Its row stays, because copies,
 *   loans and holds of the past name it, but it is offered nowhere.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE branches ADD COLUMN pickup_point boolean NOT NULL DEFAULT true;
    ALTER TABLE branches ADD COLUMN in_profile boolean NOT NULL DEFAULT true;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE branches DROP COLUMN in_profile;
    ALTER TABLE branches DROP COLUMN pickup_point;
  `.execute(db);
}
