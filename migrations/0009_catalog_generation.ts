import { sql, type Kysely } from 'kysely';

/**
 * A number that changes whenever the catalog's titles change (any statement on bibs, whoever runs
 * it: the staff API, `npm run import`, another instance). A process may keep the ranking of a
 * search (which titles, in which order) while the number stays the same; it reads the number with
 * the copies of the page it shows, so a kept ranking is never used after the catalog changed.
 * Copies and holds are always read fresh: only the ranking, which depends on titles alone, is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE catalog_generation (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      n bigint NOT NULL
    );
    INSERT INTO catalog_generation (n) VALUES (1);
    CREATE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE catalog_generation SET n = n + 1;
      RETURN NULL;
    END $$;
    CREATE TRIGGER bibs_change_catalog_generation
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bibs
      FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER bibs_change_catalog_generation ON bibs;
    DROP FUNCTION bump_catalog_generation();
    DROP TABLE catalog_generation;
  `.execute(db);
}
