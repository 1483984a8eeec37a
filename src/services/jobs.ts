import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { findItem } from '../db/catalog.js';
import { expiredReadyHolds, promoteRequestedHolds, updateHold } from '../db/holds.js';
import { bibsWithShelvedCopies, recordJobRun, tryJobLock } from '../db/jobs.js';
import { insertNotice } from '../db/notices.js';
import type { DB } from '../db/schema.js';
import { audit } from '../db/audit.js';
import { tokyoDate } from '../domain/dates.js';
import { assertTransition } from '../domain/holds.js';
import { promotionCutoff } from '../domain/promotion-cutoff.js';
import { branchCalendar } from './calendar.js';
import { passCopyOn, trapShelfCopies } from './trapping.js';

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
    for (const bibId of await bibsWithShelvedCopies(tx, [...bibs])) await trapShelfCopies(tx, bibId, now, 'job:promote-holds');
    await recordJobRun(tx, 'promote-holds', now, processed);
    return processed;
  });

/**
 * R-RES-8: a ready hold not collected by its deadline is cancelled (expired) and its copy goes
 * to the next patron in line. Runs in batches so a long catch-up never holds one huge transaction.
 */
export const expireHolds: Job = async (ctx, now) => {
  const today = tokyoDate(now);
  let processed = 0;
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      if (!(await tryJobLock(tx, 'expire-holds'))) return -1;
      const holds = await expiredReadyHolds(tx, today, 500);
      for (const hold of holds) {
        assertTransition(hold.status, 'expired');
        await updateHold(tx, hold.id, { status: 'expired', closedAt: now, closeReason: 'not collected' }, now);
        if (hold.contact !== 'none') {
          await insertNotice(tx, {
            patronId: hold.patronId,
            kind: 'hold_expired',
            channel: hold.contact === 'email' ? 'email' : 'line',
            holdId: hold.id,
            payload: { pickupBranch: hold.pickupBranch, pickupDeadline: hold.pickupDeadline },
            dedupeKey: `hold_expired:${hold.id}`,
            dueAt: now,
          });
        }
        const item = hold.itemId ? await findItem(tx, hold.itemId, { forUpdate: true }) : undefined;
        if (item) await passCopyOn(tx, item, now, 'job:expire-holds');
        await audit(tx, { actor: 'job:expire-holds', action: 'hold.expire', patronId: hold.patronId, holdId: hold.id });
      }
      await recordJobRun(tx, 'expire-holds', now, holds.length);
      return holds.length;
    });
    if (n <= 0) break;
    processed += n;
  }
  return processed;
};

export const deliverNotices: Job = (ctx, now) => ctx.deliverNotices(now);

export const JOBS: Record<string, Job> = {
  'promote-holds': promoteHolds,
  'expire-holds': expireHolds,
  'deliver-notices': deliverNotices,
};

export const JOB_NAMES = Object.keys(JOBS);
