import type { ThrottleState } from '../domain/lockout.js';
import type { Executor, LockOption, Tx } from './executor.js';

export function throttleOf(db: Executor, subject: string): Promise<ThrottleState | undefined>;
export function throttleOf(tx: Tx, subject: string, lock: LockOption): Promise<ThrottleState | undefined>;
export async function throttleOf(db: Executor, subject: string, lock?: LockOption): Promise<ThrottleState | undefined> {
  let q = db
    .selectFrom('login_throttle')
    .select(['failures', 'window_started_at', 'locked_until'])
    .where('subject', '=', subject);
  if (lock?.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && { failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until };
}

export async function saveThrottle(db: Executor, subject: string, s: ThrottleState): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ subject, failures: s.failures, window_started_at: s.windowStartedAt, locked_until: s.lockedUntil })
    .onConflict((oc) =>
      oc
        .column('subject')
        .doUpdateSet({ failures: s.failures, window_started_at: s.windowStartedAt, locked_until: s.lockedUntil }),
    )
    .execute();
}

export async function clearThrottle(db: Executor, subject: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('subject', '=', subject).execute();
}
