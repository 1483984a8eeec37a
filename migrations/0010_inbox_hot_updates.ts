import { sql, type Kysely } from 'kysely';

/**
 * Each event is written four times (stored, claimed, completed, reply sent). The claim moves only
 * attempts and next_attempt_at; with next_attempt_at in no index (the claim walks
 * webhook_inbox_pending_order since 0008, so the old (next_attempt_at, id) index served nothing)
 * and room left on each page, PostgreSQL can update the row in place (a HOT update) without new
 * entries in every index. bench:webhook measured the difference.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX webhook_inbox_pending;
    ALTER TABLE webhook_inbox SET (fillfactor = 70);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE webhook_inbox RESET (fillfactor);
    CREATE INDEX webhook_inbox_pending ON webhook_inbox (next_attempt_at, id) WHERE status = 'pending';
  `.execute(db);
}
