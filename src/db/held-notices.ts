import type { Executor } from './executor.js';

/**
 * LINE notices still to go that come due before `until` (the end of quiet hours): what quiet hours
 * hold back now. Retries due in the night are counted too: they also wait for the morning.
 */
export async function lineNoticesDueBefore(db: Executor, until: Date): Promise<number> {
  const r = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'pending')
    .where('channel', '=', 'line')
    .where('due_at', '<', until)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
