import type { Kysely } from 'kysely';
import type { Tx } from '../db/executor.js';
import { recordJobRun, tryJobLock } from '../db/jobs.js';
import { insertNotices, type NewNotice } from '../db/notices.js';
import { openLoansDueBetween, readyHoldsWithDeadlineBetween } from '../db/reminders.js';
import type { DB } from '../db/schema.js';
import type { BranchCalendar } from '../domain/calendar.js';
import { addDays, tokyoDate } from '../domain/dates.js';
import { holdNoticeChannel, loanNoticeChannel } from '../domain/notices.js';
import { dueReminderDay, inReminderWindow, pickupReminderDay } from '../domain/reminders.js';
import { DUE_REMINDER_CHOICES, dueReminderDays } from '../domain/overdue.js';
import { branchCalendar } from './calendar.js';
import { previewRenewal } from './renewal.js';
import { libraryProfile } from '../profile/active.js';

/** A deadline this far ahead is never 2 opening days away, even across the year-end closure. */
const PICKUP_LOOKAHEAD_DAYS = 31;

/**
 * The send-reminders job: once a day (and at start, to catch up), writes the reminders due today.
 * One transaction under the job's advisory lock; each reminder has a dedupe key, so running it
 * again, on any instance, writes nothing twice. The notices go out with the next delivery.
 */
export async function sendReminders(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    if (!(await tryJobLock(tx, 'send-reminders'))) return 0;
    const written = await writeReminders(tx, now);
    await recordJobRun(tx, 'send-reminders', now, written);
    return written;
  });
}

export async function writeReminders(tx: Tx, now: Date): Promise<number> {
  const today = tokyoDate(now);
  return insertNotices(tx, [...(await pickupReminders(tx, today, now)), ...(await dueReminders(tx, today, now))]);
}

/** R-RES-8: a ready hold's deadline is the profile's opening days of the pickup branch away (or closer: caught up). */
async function pickupReminders(tx: Tx, today: string, now: Date): Promise<NewNotice[]> {
  const calendars = new Map<string, BranchCalendar>();
  const timings = libraryProfile().reminders;
  const out: NewNotice[] = [];
  for (const h of await readyHoldsWithDeadlineBetween(tx, today, addDays(today, PICKUP_LOOKAHEAD_DAYS))) {
    const channel = holdNoticeChannel(h.contact);
    if (!channel) continue;
    let cal = calendars.get(h.pickupBranch);
    if (!cal) {
      cal = await branchCalendar(tx, h.pickupBranch, today);
      calendars.set(h.pickupBranch, cal);
    }
    if (!inReminderWindow(today, pickupReminderDay(cal, h.pickupDeadline, timings), h.pickupDeadline)) continue;
    out.push({
      patronId: h.patronId,
      kind: 'pickup_reminder',
      channel,
      holdId: h.id,
      payload: { title: h.title, pickupBranch: h.pickupBranch, pickupDeadline: h.pickupDeadline },
      dedupeKey: `pickup_reminder:${h.id}:${h.pickupDeadline}`,
      dueAt: now,
    });
  }
  return out;
}

/**
 * R-LOAN-2..4: 2 days before the due date. Whether renewal is allowed is asked of the same rule the
 * renew flow uses (previewRenewal) now, when the reminder is written: 延長する only when it is, else
 * the reason. The tap itself is checked again by the renew flow.
 */
async function dueReminders(tx: Tx, today: string, now: Date): Promise<NewNotice[]> {
  const out: NewNotice[] = [];
  const timings = libraryProfile().reminders;
  const lookahead = Math.max(timings.dueDaysBefore, ...DUE_REMINDER_CHOICES);
  for (const l of await openLoansDueBetween(tx, today, addDays(today, lookahead))) {
    const channel = loanNoticeChannel(l);
    // R-NOTE-2: the patron's own choice of days before (0: no reminder), else the library's.
    const dueDaysBefore = dueReminderDays(l.dueReminderDays, timings.dueDaysBefore);
    if (!channel || l.dueReminderDays === 0) continue;
    if (!inReminderWindow(today, dueReminderDay(l.dueDate, { dueDaysBefore }), l.dueDate)) continue;
    const preview = await previewRenewal(tx, { loanId: l.loanId, patronId: l.patronId }, now);
    const refusal = !preview.ok && preview.failure.kind === 'refused' ? preview.failure.refusal : null;
    out.push({
      patronId: l.patronId,
      kind: 'due_reminder',
      channel,
      loanId: l.loanId,
      payload: { title: l.title, dueDate: l.dueDate, renewable: preview.ok, refusal },
      dedupeKey: `due_reminder:${l.loanId}:${l.dueDate}`,
      dueAt: now,
    });
  }
  return out;
}
