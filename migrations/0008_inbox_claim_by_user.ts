import { sql, type Kysely } from 'kysely';

/**
 * The inbox claim takes the oldest pending event (ORDER BY id) whose user has no earlier pending
 * event. Without these two indexes it walked the primary key through every event ever handled
 * (all 'done') before reaching a pending one, and checked each candidate's user against every
 * pending event: the claim grew with the inbox's whole history (bench:webhook found it: 5 ms per
 * claim after a few thousand events). Both are partial, so they hold only the pending events.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX webhook_inbox_pending_order ON webhook_inbox (id) WHERE status = 'pending';
    CREATE INDEX webhook_inbox_pending_by_user ON webhook_inbox (line_user_id, id) WHERE status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX webhook_inbox_pending_by_user;
    DROP INDEX webhook_inbox_pending_order;
  `.execute(db);
}
