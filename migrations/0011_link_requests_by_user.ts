import { sql, type Kysely } from 'kysely';

/**
 * A patron's live link token is looked up by user (offered again rather than asking LINE for a
 * new one per tap), and their expired ones are deleted by user when a new one is issued.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX account_link_requests_by_user ON account_link_requests (line_user_id, expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX account_link_requests_by_user`.execute(db);
}
