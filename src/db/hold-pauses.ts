import type { Executor, Tx } from './executor.js';

/** R-RES-10: the pickup branch of one hold (its officialAt, so its place, is untouched). */
export async function setHoldPickupBranch(db: Executor, holdId: string, branch: string, at: Date): Promise<void> {
  await db.updateTable('holds').set({ pickup_branch: branch, updated_at: at }).where('id', '=', holdId).execute();
}

/** R-RES-11 and R-RES-12: a hold's suspension (null: none) or its 不要日. */
export async function setHoldPause(
  db: Executor,
  holdId: string,
  change: { suspendedUntil?: string | null; notNeededAfter?: string | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable('holds')
    .set({
      ...(change.suspendedUntil !== undefined ? { suspended_until: change.suspendedUntil } : {}),
      ...(change.notNeededAfter !== undefined ? { not_needed_after: change.notNeededAfter } : {}),
      updated_at: at,
    })
    .where('id', '=', holdId)
    .execute();
}

/**
 * R-RES-11 set-based: suspensions that ended before `today` are cleared in one statement; answers
 * the titles of the holds that take copies again (their shelf copies may now be trapped).
 */
export async function clearEndedSuspensions(tx: Tx, today: string, at: Date): Promise<string[]> {
  const rows = await tx
    .updateTable('holds')
    .set({ suspended_until: null, updated_at: at })
    .where('suspended_until', '<', today)
    .returning('bib_id')
    .execute();
  return [...new Set(rows.map((r) => r.bib_id))];
}

/**
 * R-RES-12 set-based: up to `limit` holds still waiting after their 不要日 are cancelled in one
 * statement (rows another transaction holds are skipped, and taken on the next run).
 */
export async function cancelLapsedHolds(
  tx: Tx,
  today: string,
  at: Date,
  limit: number,
): Promise<
  { id: string; patronId: string; bibId: string; contact: string; pickupBranch: string; notNeededAfter: string }[]
> {
  const rows = await tx
    .updateTable('holds')
    .set({ status: 'cancelled', closed_at: at, close_reason: 'not needed after', updated_at: at })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('holds')
        .select('id')
        .where('status', 'in', ['requested', 'queued'])
        .where('not_needed_after', '<', today)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'patron_id', 'bib_id', 'contact', 'pickup_branch', 'not_needed_after'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    bibId: r.bib_id,
    contact: r.contact,
    pickupBranch: r.pickup_branch,
    notNeededAfter: r.not_needed_after ?? '',
  }));
}
