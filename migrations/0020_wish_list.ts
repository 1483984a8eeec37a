import { sql, type Kysely } from 'kysely';

/**
 * 読みたいリスト (issue 26): the titles a patron saved to read later, in the order saved. One row per
 * patron and title (saving again changes nothing); the cap of 100 is the service's, under the
 * patron row's lock.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE wish_list (
      patron_id bigint NOT NULL REFERENCES patrons(id),
      bib_id bigint NOT NULL REFERENCES bibs(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (patron_id, bib_id)
    );
    CREATE INDEX wish_list_by_patron ON wish_list (patron_id, added_at, bib_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE wish_list`.execute(db);
}
