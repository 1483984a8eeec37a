import type { Executor } from '../db/executor.js';
import { lineNoticesDueBefore } from '../db/held-notices.js';
import { pushAllowedAt } from '../domain/notices.js';
import { formatDateTimeJa } from '../messages/ja/index.js';
import { libraryProfile } from '../profile/active.js';

/** LINE notices quiet hours hold back at `now`, and when they may go; null outside quiet hours. */
export async function heldForQuietHours(db: Executor, now: Date): Promise<{ count: number; until: Date } | null> {
  const until = pushAllowedAt(now, libraryProfile().quietHours);
  if (until <= now) return null;
  return { count: await lineNoticesDueBefore(db, until), until };
}

/**
 * What the jobs button says about them, so that a run at night that pushes nothing is not taken for
 * a fault: how many wait, and from when the deliver-notices run sends them.
 */
export function quietHoursNote(held: { count: number; until: Date }): string {
  const q = libraryProfile().quietHours;
  const hours = `夜間（${q.from}時〜${q.from > q.until ? '翌' : ''}${q.until}時）はLINEの通知を送りません。`;
  return held.count === 0
    ? `${hours}${formatDateTimeJa(held.until)}以降の実行で送ります。`
    : `${hours}送信を控えている通知：${held.count}件（${formatDateTimeJa(held.until)}以降の実行で送ります）。`;
}
