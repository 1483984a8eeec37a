import { sql, type Kysely } from 'kysely';

/**
 * Announcements of the staff console (issue 29): one message to many LINE users by multicast.
 * The recipients are fixed when the announcement is written, in batches of at most 500 (LINE's
 * multicast limit), each with its own retry key: a send cut off in the middle resumes with the
 * batches not yet sent, and a batch sent again carries the same key, so LINE delivers none twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE announcements (
      id bigserial PRIMARY KEY,
      body text NOT NULL,
      audience text NOT NULL,
      status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready','sending','done')),
      recipients integer NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE TABLE announcement_batches (
      id bigserial PRIMARY KEY,
      announcement_id bigint NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
      batch_no integer NOT NULL,
      line_user_ids text[] NOT NULL,
      retry_key uuid NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      sent_at timestamptz,
      UNIQUE (announcement_id, batch_no)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE announcement_batches, announcements`.execute(db);
}
