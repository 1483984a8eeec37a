import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { findItem, shelveItems } from '../db/catalog.js';
import { bibsWithWaitingHolds, expireOverdueReadyHolds, promoteRequestedHolds } from '../db/holds.js';
import { bibsWithShelvedCopies, recordJobRun, tryJobLock } from '../db/jobs.js';
import { insertNotices } from '../db/notices.js';
import { titlesOf } from '../db/reminders.js';
import { patronsWithWishes } from '../db/wish-list.js';
import type { DB } from '../db/schema.js';
import { auditMany, type AuditActor } from '../db/audit.js';
import { tokyoDate } from '../domain/dates.js';
import { assertTransition } from '../domain/holds.js';
import { promotionCutoff } from '../domain/promotion-cutoff.js';
import { branchCalendar } from './calendar.js';
import { pauseHoldsJob } from './hold-pause-jobs.js';
import { sendOverdueNotices } from './overdue-notices.js';
import { sendReminders } from './reminders.js';
import { offerFromWishList } from './hold-manager.js';
import { passCopyOn, trapShelfCopies } from './trapping.js';

const EXPIRY_BATCH = 5000;
const EXPIRE_HOLDS: AuditActor = { kind: 'job', name: 'expire-holds' };

export interface JobContext {
  db: Kysely<DB>;
  promoteHoldsHour: number;
  deliverNotices: (now: Date) => Promise<number>;
}

/** Every job takes `now` and answers how many things it processed. */
export type Job = (ctx: JobContext, now: Date) => Promise<number>;

/**
 * R-RES-3: on each branch's opening-day morning, 依頼中 holds for that branch become official,
 * all at once (one UPDATE per branch), then copies on the shelf are trapped for them.
 */
export const promoteHolds: Job = async (ctx, now) =>
  ctx.db.transaction().execute(async (tx) => {
    if (!(await tryJobLock(tx, 'promote-holds'))) return 0;
    const today = tokyoDate(now);
    let processed = 0;
    const bibs = new Set<string>();
    for (const b of await listBranches(tx)) {
      const cutoff = promotionCutoff(now, await branchCalendar(tx, b.code, today), ctx.promoteHoldsHour);
      if (!cutoff) continue;
      const promoted = await promoteRequestedHolds(tx, b.code, cutoff, now);
      processed += promoted.length;
      for (const p of promoted) bibs.add(p.bibId);
    }
    for (const bibId of await bibsWithShelvedCopies(tx, [...bibs]))
      await trapShelfCopies(tx, bibId, now, { kind: 'job', name: 'promote-holds' });
    await recordJobRun(tx, 'promote-holds', now, processed);
    return processed;
  });

/**
 * R-RES-8: a ready hold not collected by its deadline is cancelled (expired) and its copy goes
 * to the next patron in line. Set-based in batches: the holds expire in one statement, notices
 * and audit rows are written in bulk, and only copies of titles with someone waiting go through
 * trapping one by one.
 */
export const expireHolds: Job = async (ctx, now) => {
  const today = tokyoDate(now);
  let processed = 0;
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      if (!(await tryJobLock(tx, 'expire-holds'))) return -1;
      const expired = await expireOverdueReadyHolds(tx, today, now, EXPIRY_BATCH);
      for (const hold of expired) assertTransition('ready', hold.status);
      const titles = await titlesOf(tx, [...new Set(expired.map((h) => h.bibId))]);
      await insertNotices(
        tx,
        expired
          .filter((h) => h.contact !== 'none')
          .map((h) => ({
            patronId: h.patronId,
            kind: 'hold_expired',
            channel: h.contact === 'email' ? ('email' as const) : ('line' as const),
            holdId: h.id,
            payload: {
              title: titles.get(h.bibId) ?? '',
              pickupBranch: h.pickupBranch,
              pickupDeadline: h.pickupDeadline,
            },
            dedupeKey: `hold_expired:${h.id}`,
            dueAt: now,
          })),
      );
      await auditMany(
        tx,
        expired.map((h) => ({ actor: EXPIRE_HOLDS, action: 'hold.expire', patronId: h.patronId, holdId: h.id })),
      );
      const waiting = await bibsWithWaitingHolds(tx, [...new Set(expired.map((h) => h.bibId))]);
      await shelveItems(
        tx,
        expired.filter((h) => h.itemId && !waiting.has(h.bibId)).map((h) => h.itemId!),
      );
      for (const h of expired.filter((x) => x.itemId && waiting.has(x.bibId))) {
        const item = await findItem(tx, h.itemId!, { forUpdate: true });
        if (item) await passCopyOn(tx, item, now, EXPIRE_HOLDS);
      }
      // R-WISH-3: each expired hold freed a slot of its patron.
      const offered = await patronsWithWishes(tx, [...new Set(expired.map((h) => h.patronId))]);
      for (const h of expired.filter((x) => offered.has(x.patronId)))
        await offerFromWishList(tx, h.patronId, h.id, now);
      await recordJobRun(tx, 'expire-holds', now, expired.length);
      return expired.length;
    });
    if (n <= 0) break;
    processed += n;
  }
  return processed;
};

export const deliverNotices: Job = (ctx, now) => ctx.deliverNotices(now);

/** Pickup-deadline and due-date reminders due today (services/reminders.ts). */
export const remindPatrons: Job = (ctx, now) => sendReminders(ctx.db, now);

export const JOBS: Record<string, Job> = {
  'promote-holds': promoteHolds,
  'expire-holds': expireHolds,
  'deliver-notices': deliverNotices,
  'send-reminders': remindPatrons,
  // R-RES-11, R-RES-12 (issue 26): suspensions that ended, holds past their 不要日.
  'pause-holds': (ctx, now) => pauseHoldsJob(ctx.db, now),
  // R-NOTE-1 (issue 26): the day after the due date, then weekly.
  'overdue-notices': (ctx, now) => sendOverdueNotices(ctx.db, now),
};

export const JOB_NAMES = Object.keys(JOBS);
