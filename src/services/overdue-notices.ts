import type { Kysely } from 'kysely';
import { recordJobRun, tryJobLock } from '../db/jobs.js';
import { insertNotices, type NewNotice } from '../db/notices.js';
import { openLoansDueBetween } from '../db/reminders.js';
import type { DB } from '../db/schema.js';
import { addDays, tokyoDate } from '../domain/dates.js';
import { loanNoticeChannel } from '../domain/notices.js';
import { overdueNoticeDay, overdueNoticeNumber } from '../domain/overdue.js';
import { libraryProfile } from '../profile/active.js';

const JOB = 'overdue-notices';
/** A run missed for up to this many days still sends the last notice. */
const CATCH_UP_DAYS = 7;

/**
 * R-NOTE-1: once a day, the overdue notice due today for each loan past its due date (the day after,
 * then weekly, as the profile says), through the notice outbox like every notice: LINE when the
 * patron can be reached there, else a confirmed e-mail address. The dedupe key (loan, due date,
 * number) makes each notice exactly once, whatever the number of runs or instances.
 */
export async function sendOverdueNotices(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    if (!(await tryJobLock(tx, JOB))) return 0;
    const t = libraryProfile().reminders.overdue;
    if (t.times === 0) return 0;
    const today = tokyoDate(now);
    // Loans whose last notice day is at most CATCH_UP_DAYS ago, and whose first has come.
    const oldest = addDays(today, -(t.firstDaysAfter + t.everyDays * (t.times - 1) + CATCH_UP_DAYS));
    const out: NewNotice[] = [];
    for (const l of await openLoansDueBetween(tx, oldest, addDays(today, -t.firstDaysAfter))) {
      const n = overdueNoticeNumber(l.dueDate, today, t);
      const channel = loanNoticeChannel(l);
      if (n === null || !channel) continue;
      if (addDays(overdueNoticeDay(l.dueDate, n, t), CATCH_UP_DAYS) < today) continue;
      out.push({
        patronId: l.patronId,
        kind: 'overdue_notice',
        channel,
        loanId: l.loanId,
        payload: { title: l.title, dueDate: l.dueDate, number: n },
        dedupeKey: `overdue_notice:${l.loanId}:${l.dueDate}:${n}`,
        dueAt: now,
      });
    }
    const written = await insertNotices(tx, out);
    await recordJobRun(tx, JOB, now, written);
    return written;
  });
}
