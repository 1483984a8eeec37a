import { sql, type Kysely } from 'kysely';

/**
 * What became of a submitted patron-page form (password change, e-mail registration, 確定), so
 * that the same form posted again (Back, reload) is answered with its result instead of being
 * done, or refused, a second time; and what the result page shown after the redirect (POST →
 * 303 → GET) needs. Keyed by a hash of the result id, which is a MAC of the form's id: the table
 * alone neither names a form nor opens a result page. Rows go when they expire.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE page_form_results (
      result_hash text PRIMARY KEY,
      purpose text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('done','failed')),
      -- What the result page shows besides its fixed words (the address a mail went to).
      shown jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX page_form_results_expiry ON page_form_results (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE page_form_results`.execute(db);
}
