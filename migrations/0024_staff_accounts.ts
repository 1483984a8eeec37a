import { sql, type Kysely } from 'kysely';

/**
 * Staff accounts of the staff console (issue 29): one row per librarian or administrator, with an
 * argon2id hash, and their sessions. A session is kept by the hash of its id only (the cookie holds
 * the id), so the table alone opens no session. Login failures are counted in login_throttle under
 * the subject 'staff:<name>', the patrons' table and rule (domain/lockout.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE staff (
      id bigserial PRIMARY KEY,
      name text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('librarian','admin')),
      password_hash text NOT NULL,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      password_set_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE staff_sessions (
      id_hash text PRIMARY KEY,
      staff_id bigint NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    );
    CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
    CREATE INDEX staff_sessions_seen ON staff_sessions (last_seen_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE staff_sessions, staff`.execute(db);
}
