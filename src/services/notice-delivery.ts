import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { claimDueNotices, settleNotice, type DueNotice } from '../db/notices.js';
import type { DB } from '../db/schema.js';
import { tokyoDate, tokyoHour, tokyoStartOfDay, addDays } from '../domain/dates.js';
import { classifyLineError, type Messenger } from '../line/messenger.js';
import { toLineMessages } from '../line/outbound.js';
import { botMessages } from '../messages/ja.js';
import { text, type Reply } from '../conversation/reply.js';
import { errorText, type Logger } from '../log.js';

const GIVE_UP_AFTER_MS = 24 * 3_600_000;
const QUIET_FROM_HOUR = 21;
const QUIET_UNTIL_HOUR = 8;
const retryDelay = (attempt: number) => Math.min(15 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));

/** The next instant a LINE push may go out: now, or 08:00 Tokyo after quiet hours. */
export function pushAllowedAt(now: Date): Date {
  const h = tokyoHour(now);
  if (h >= QUIET_UNTIL_HOUR && h < QUIET_FROM_HOUR) return now;
  const day = h >= QUIET_FROM_HOUR ? addDays(tokyoDate(now), 1) : tokyoDate(now);
  return new Date(tokyoStartOfDay(day).getTime() + QUIET_UNTIL_HOUR * 3_600_000);
}

/**
 * Sends due LINE notices, each with its stored X-Line-Retry-Key so a retry after a crash is
 * answered 409 by LINE instead of reaching the patron twice. E-mail notices wait for the mail
 * transport (they stay pending, nothing is lost).
 */
export async function deliverLineNotices(db: Kysely<DB>, messenger: Messenger, log: Logger, now: Date): Promise<number> {
  const allowedAt = pushAllowedAt(now);
  if (allowedAt > now) return 0;
  const branches = await listBranches(db);
  const branchName = (code: unknown) => branches.find((b) => b.code === code)?.name ?? String(code ?? '');
  let sent = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const notices = await claimDueNotices(tx, 'line', now, 50);
      for (const n of notices) {
        if (await deliverOne(tx, n)) sent++;
      }
      return notices.length;
    });
    if (batch < 50) break;
  }
  return sent;

  async function deliverOne(tx: Parameters<typeof settleNotice>[0], n: DueNotice): Promise<boolean> {
    if (!n.lineUserId || n.following === false) {
      await settleNotice(tx, n.id, { status: 'dropped', error: n.lineUserId ? 'patron blocked the account' : 'no linked LINE account' });
      return false;
    }
    try {
      await messenger.push(n.lineUserId, toLineMessages(render(n)), n.retryKey);
      await settleNotice(tx, n.id, { status: 'sent', at: new Date() });
      return true;
    } catch (err) {
      const c = classifyLineError(err);
      if (c.outcome === 'delivered') {
        await settleNotice(tx, n.id, { status: 'sent', at: new Date() });
        return true;
      }
      const expired = now.getTime() - n.createdAt.getTime() > GIVE_UP_AFTER_MS;
      log.warn('notice not delivered', { noticeId: n.id, status: c.status, error: errorText(err) });
      if (c.outcome === 'retry' && !expired) {
        await settleNotice(tx, n.id, { status: 'pending', retryAt: new Date(now.getTime() + retryDelay(n.attempts + 1)), error: errorText(err) });
      } else {
        await settleNotice(tx, n.id, { status: 'failed', error: errorText(err) });
      }
      return false;
    }
  }

  function render(n: DueNotice): Reply[] {
    const p = n.payload;
    switch (n.kind) {
      case 'hold_ready':
        return [text(botMessages.holdReady({ title: String(p.title ?? ''), branchName: branchName(p.pickupBranch), deadline: String(p.pickupDeadline ?? '') }))];
      case 'hold_expired':
        return [text(botMessages.holdExpired({ branchName: branchName(p.pickupBranch) }))];
      default:
        return [];
    }
  }
}
