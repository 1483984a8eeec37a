import type { Executor } from './executor.js';

/** A patron's stored reminder choices (R-NOTE-2); null days = not chosen yet (the profile's default). */
export async function findReminderChoices(
  db: Executor,
  patronId: string,
): Promise<{ dueReminderDays: number | null; pickupReminder: boolean } | undefined> {
  const r = await db
    .selectFrom('patrons')
    .select(['due_reminder_days', 'pickup_reminder'])
    .where('id', '=', patronId)
    .executeTakeFirst();
  return r && { dueReminderDays: r.due_reminder_days, pickupReminder: r.pickup_reminder };
}

export async function updateReminderChoices(
  db: Executor,
  patronId: string,
  set: { due_reminder_days?: number; pickup_reminder?: boolean },
): Promise<void> {
  if (Object.keys(set).length > 0) await db.updateTable('patrons').set(set).where('id', '=', patronId).execute();
}
