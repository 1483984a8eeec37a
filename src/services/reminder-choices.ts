import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import type { Executor } from '../db/executor.js';
import { findReminderChoices, updateReminderChoices } from '../db/reminder-choices.js';
import type { DB } from '../db/schema.js';
import { DUE_REMINDER_CHOICES, dueReminderDays } from '../domain/overdue.js';
import { libraryProfile } from '../profile/active.js';
import { conflict, inTransaction, notFound, ok, type Outcome } from './errors.js';

export interface ReminderChoices {
  /** Days before the due date; 0 = no due-date reminder (R-NOTE-2). */
  dueDays: number;
  pickup: boolean;
  /** The choices offered: off, 1, 2, 3 days before. */
  dueOptions: readonly number[];
}

async function read(db: Executor, patronId: string): Promise<ReminderChoices | undefined> {
  const r = await findReminderChoices(db, patronId);
  if (!r) return undefined;
  return {
    dueDays: dueReminderDays(r.dueReminderDays, libraryProfile().reminders.dueDaysBefore),
    pickup: r.pickupReminder,
    dueOptions: DUE_REMINDER_CHOICES,
  };
}

/** R-NOTE-2: the patron's reminder choices (the library's defaults until they choose). */
export async function reminderChoices(db: Executor, patronId: string): Promise<Outcome<ReminderChoices>> {
  const r = await read(db, patronId);
  return r ? ok(r) : notFound('patron', patronId);
}

/** R-NOTE-2: sets the due-date reminder (0–3 days before) and/or the pickup reminder. */
export async function setReminderChoices(
  db: Kysely<DB>,
  req: { patronId: string; dueDays?: number; pickup?: boolean; actor: AuditActor },
  _now: Date,
): Promise<Outcome<ReminderChoices>> {
  return inTransaction(db, async (tx) => {
    if (req.dueDays !== undefined && !DUE_REMINDER_CHOICES.includes(req.dueDays))
      return conflict(
        'REMINDER_CHOICE_INVALID',
        `a due-date reminder is ${DUE_REMINDER_CHOICES.join(', ')} days before`,
      );
    const set = {
      ...(req.dueDays !== undefined ? { due_reminder_days: req.dueDays } : {}),
      ...(req.pickup !== undefined ? { pickup_reminder: req.pickup } : {}),
    };
    await updateReminderChoices(tx, req.patronId, set);
    await audit(tx, { actor: req.actor, action: 'patron.reminders', patronId: req.patronId, details: set });
    const r = await read(tx, req.patronId);
    return r ? ok(r) : notFound('patron', req.patronId);
  });
}
