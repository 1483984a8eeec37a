import { sql, type Kysely } from 'kysely';

/**
 * Issue 26, the catch-up half:
 * - holds.suspended_until: the hold keeps its place but takes no copy until the day after this date
 *   (R-RES-11); cleared by the patron (resume early) or by the resume-holds job.
 * - holds.not_needed_after: a waiting hold still waiting after this date is cancelled with a notice
 *   (R-RES-12).
 * - patrons.due_reminder_days: the due-date reminder, 0 (off) to 3 days before (R-NOTE-2);
 *   patrons.pickup_reminder: the pickup reminder on or off.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE holds ADD COLUMN suspended_until date;
    ALTER TABLE holds ADD COLUMN not_needed_after date;
    CREATE INDEX holds_suspended ON holds (suspended_until) WHERE suspended_until IS NOT NULL;
    CREATE INDEX holds_not_needed_after ON holds (not_needed_after)
      WHERE not_needed_after IS NOT NULL AND status IN ('requested','queued');
    ALTER TABLE patrons ADD COLUMN due_reminder_days integer CHECK (due_reminder_days BETWEEN 0 AND 3);
    ALTER TABLE patrons ADD COLUMN pickup_reminder boolean NOT NULL DEFAULT true;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE patrons DROP COLUMN pickup_reminder;
    ALTER TABLE patrons DROP COLUMN due_reminder_days;
    DROP INDEX holds_not_needed_after;
    DROP INDEX holds_suspended;
    ALTER TABLE holds DROP COLUMN not_needed_after;
    ALTER TABLE holds DROP COLUMN suspended_until;
  `.execute(db);
}
