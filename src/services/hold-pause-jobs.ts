import type { Kysely } from 'kysely';
import { auditMany, type AuditActor } from '../db/audit.js';
import { bibsWithShelvedCopies, recordJobRun, tryJobLock } from '../db/jobs.js';
import { cancelLapsedHolds, clearEndedSuspensions } from '../db/hold-pauses.js';
import { insertNotices } from '../db/notices.js';
import { titlesOf } from '../db/reminders.js';
import type { DB } from '../db/schema.js';
import { tokyoDate } from '../domain/dates.js';
import { holdNoticeChannel } from '../domain/notices.js';
import { patronsWithWishes } from '../db/wish-list.js';
import { offerFromWishList } from './hold-manager.js';
import { trapShelfCopies } from './trapping.js';

const JOB = 'pause-holds';
const ACTOR: AuditActor = { kind: 'job', name: JOB };
const LAPSE_BATCH = 5000;

/**
 * Once a day (and at start, to catch up), one transaction under the job's lock:
 * - R-RES-11: suspensions that ended yesterday or before are cleared, and copies standing on a shelf
 *   go to the holds that take copies again (trapping passes over a hold suspended today anyway;
 *   clearing the date is what lets a title's shelf copy be offered to it at once);
 * - R-RES-12: holds still waiting after their 不要日 are cancelled, each with one notice (its dedupe
 *   key makes a second run write nothing), in batches.
 * Answers how many holds it resumed or cancelled.
 */
export async function pauseHoldsJob(db: Kysely<DB>, now: Date): Promise<number> {
  const today = tokyoDate(now);
  let processed = 0;
  const resumed = await db.transaction().execute(async (tx) => {
    if (!(await tryJobLock(tx, JOB))) return -1;
    const bibs = await clearEndedSuspensions(tx, today, now);
    for (const bibId of await bibsWithShelvedCopies(tx, bibs)) await trapShelfCopies(tx, bibId, now, ACTOR);
    return bibs.length;
  });
  if (resumed < 0) return 0;
  processed += resumed;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      if (!(await tryJobLock(tx, JOB))) return 0;
      const lapsed = await cancelLapsedHolds(tx, today, now, LAPSE_BATCH);
      const titles = await titlesOf(tx, [...new Set(lapsed.map((h) => h.bibId))]);
      await insertNotices(
        tx,
        lapsed.flatMap((h) => {
          const channel = holdNoticeChannel(h.contact);
          return channel
            ? [
                {
                  patronId: h.patronId,
                  kind: 'hold_not_needed',
                  channel,
                  holdId: h.id,
                  payload: { title: titles.get(h.bibId) ?? '', notNeededAfter: h.notNeededAfter },
                  dedupeKey: `hold_not_needed:${h.id}`,
                  dueAt: now,
                },
              ]
            : [];
        }),
      );
      await auditMany(
        tx,
        lapsed.map((h) => ({ actor: ACTOR, action: 'hold.not-needed', patronId: h.patronId, holdId: h.id })),
      );
      // R-WISH-3: a hold cancelled after its 不要日 freed a slot of its patron, as an expired one does.
      const offered = await patronsWithWishes(tx, [...new Set(lapsed.map((h) => h.patronId))]);
      for (const h of lapsed.filter((x) => offered.has(x.patronId))) await offerFromWishList(tx, h.patronId, h.id, now);
      await recordJobRun(tx, JOB, now, lapsed.length);
      return lapsed.length;
    });
    if (n <= 0) break;
    processed += n;
  }
  return processed;
}
