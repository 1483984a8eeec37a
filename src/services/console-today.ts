import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import {
  type FailedNotice,
  failedNotices,
  type HoldExpiring,
  type HoldToPull,
  holdsExpiringOn,
  holdsToPull,
  type InboxBacklog,
  inboxBacklog,
  requeueFailedNotice,
} from '../db/console-today.js';
import type { DB } from '../db/schema.js';
import { tokyoDate } from '../domain/dates.js';
import { conflict, ok, type Outcome } from './errors.js';

export type { FailedNotice, HoldExpiring, HoldToPull, InboxBacklog };

export interface TodayView {
  today: string;
  toPull: HoldToPull[];
  expiring: HoldExpiring[];
  failed: FailedNotice[];
  inbox: InboxBacklog;
}

const FAILED_SHOWN = 50;

/** The staff console's Today: the day's work at every branch, read in one go. */
export async function todayView(db: Kysely<DB>, now: Date): Promise<TodayView> {
  const today = tokyoDate(now);
  const [toPull, expiring, failed, inbox] = await Promise.all([
    holdsToPull(db, today),
    holdsExpiringOn(db, today),
    failedNotices(db, FAILED_SHOWN),
    inboxBacklog(db),
  ]);
  return { today, toPull, expiring, failed, inbox };
}

/** Staff send a failed notice again (the retry button); the audit log names them. */
export async function retryFailedNotice(
  db: Kysely<DB>,
  noticeId: string,
  actor: AuditActor,
  now: Date,
): Promise<Outcome<{ retried: true }>> {
  return db.transaction().execute(async (tx) => {
    const r = await requeueFailedNotice(tx, noticeId, now);
    if (!r) return conflict('NOTICE_NOT_FAILED', 'this notice is not a failed one (sent, pending, or unknown)');
    await audit(tx, { actor, action: 'notice.retry', patronId: r.patronId, details: { noticeId } });
    return ok({ retried: true as const });
  });
}
