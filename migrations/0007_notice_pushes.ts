import { sql, type Kysely } from 'kysely';

/**
 * LINE pushes as rows of their own. A push carries up to five notices of one patron (a digest:
 * LINE counts pushes against a monthly quota), and its membership is fixed when the row is written,
 * before LINE is called: a retry after a crash sends the same notices with the same
 * X-Line-Retry-Key, so LINE's 409 can be trusted to mean "these notices were delivered".
 * E-mail notices never get a push; they keep push_id NULL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE notice_pushes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      retry_key uuid NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','dropped')),
      created_at timestamptz NOT NULL,
      -- When the next attempt may start. A claimed push is due again after a short lease, so a
      -- process that dies mid-push leaves it to be retried (with the same retry key).
      due_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      first_attempt_at timestamptz,
      sent_at timestamptz,
      last_error text
    );
    CREATE INDEX notice_pushes_due ON notice_pushes (due_at, id) WHERE status = 'pending';

    ALTER TABLE notices ADD COLUMN push_id bigint REFERENCES notice_pushes(id);
    CREATE INDEX notices_push ON notices (push_id) WHERE push_id IS NOT NULL;
    -- LINE notices not yet put in a push, grouped by patron for the digest.
    CREATE INDEX notices_line_unassigned ON notices (patron_id, due_at, id)
      WHERE status = 'pending' AND channel = 'line' AND push_id IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX notices_line_unassigned;
    ALTER TABLE notices DROP COLUMN push_id;
    DROP TABLE notice_pushes;
  `.execute(db);
}
