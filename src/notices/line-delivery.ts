import { branchName as localBranchName } from '../messages/local-names.js';
import { inLanguage, isLanguage } from '../lib/language.js';
import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { tryJobLock } from '../db/jobs.js';
import {
  claimDuePushes,
  closeEmptyPushes,
  dropNotices,
  insertPushes,
  moveNoticesToEmail,
  noticesOfPushes,
  settlePushes,
  unassignedLineNotices,
  type ClaimedPush,
  type PushOutcomes,
} from '../db/notice-pushes.js';
import type { DB } from '../db/schema.js';
import { digests, dropReason, givesUp, lineRoute, pushAllowedAt, retryDelayMs } from '../domain/notices.js';
import { noticeReply } from './cards.js';
import { cardMovedReply, forHolder } from './family-notices.js';
import type { Reply } from '../conversation/reply.js';
import { type Messenger, SEND_DEADLINE_MS, sendVerdict } from '../conversation/ports.js';
import { errorText, type Logger } from '../log.js';
import { libraryProfile } from '../profile/active.js';

export { pushAllowedAt } from '../domain/notices.js';

/** Notices put into pushes per transaction. */
const ASSEMBLE_BATCH = 1000;
/** Pushes claimed per transaction; they are then sent PUSH_CONCURRENCY at a time. */
const CLAIM_BATCH = 100;
export const PUSH_CONCURRENCY = 16;
/** A claimed push is due again after this (a crash mid-push); longer than a push may take. */
const LEASE_MS = Math.max(2 * 60_000, 2 * SEND_DEADLINE_MS);

/**
 * Sends the LINE notices due at `now`; answers how many notices LINE took. E-mail notices are left
 * to the e-mail sender, which runs beside this in the deliver-notices job.
 *
 * 1. Outside quiet hours only (21:00–08:00 nothing is pushed; what came due overnight goes at 08:00).
 * 2. Digests: due notices without a push are grouped by patron, up to five a push, and the pushes
 *    are written before LINE is called (one instance at a time, under an advisory lock, so one
 *    patron's notices are not split between two instances' digests).
 * 3. Claims (SKIP LOCKED, committed with a lease), then checks each notice again: a cancelled hold
 *    or a returned loan drops it, a patron who blocked the account gets no push (a loan notice
 *    goes by e-mail instead, when there is an address).
 * 4. Pushes with the push's retry key; 409 means LINE already took it. 5xx, 429 and timeouts are
 *    retried with backoff (Retry-After honoured) for 24 hours, then given up with the reason.
 */
export async function deliverLineNotices(
  db: Kysely<DB>,
  messenger: Messenger,
  log: Logger,
  now: Date,
): Promise<number> {
  if (pushAllowedAt(now, libraryProfile().quietHours) > now) return 0;
  await assembleDigests(db, now);
  const branches = await listBranches(db);
  // Called while a notice is written, in its reader's language (messages/local-names.ts).
  const branchName = (code: string) => localBranchName(branches.find((b) => b.code === code)?.name ?? code);
  let delivered = 0;
  // The next batch is claimed while this one is on the wire: the database and LINE work side by side.
  const prepare = () => {
    const p = prepareBatch(db, log, now, branchName);
    // Handled here so a failure while the previous batch is on the wire is not an unhandled
    // rejection (which ends the process); it is thrown when awaited below.
    p.catch(() => undefined);
    return p;
  };
  let next: ReturnType<typeof prepareBatch> | undefined = prepare();
  while (next) {
    const batch: Awaited<ReturnType<typeof prepareBatch>> = await next;
    next = batch.claimed < CLAIM_BATCH ? undefined : prepare();
    try {
      delivered += await sendBatch(db, messenger, log, now, batch.sends);
    } catch (err) {
      // Settle the claim in flight before giving up, so no transaction is left running.
      await next?.catch(() => undefined);
      throw err;
    }
  }
  return delivered;
}

async function assembleDigests(db: Kysely<DB>, now: Date): Promise<void> {
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      if (!(await tryJobLock(tx, 'deliver-notices:digest'))) return 0;
      const due = await unassignedLineNotices(tx, now, ASSEMBLE_BATCH);
      // A notice addressed to one LINE user goes alone: a digest goes to the card's own LINE user.
      const addressed = due.filter((n) => n.addressed);
      const groups = [...digests(due.filter((n) => !n.addressed)), ...addressed.map((n) => [n])].map((g) => ({
        patronId: g[0]!.patronId,
        retryKey: g[0]!.retryKey,
        noticeIds: g.map((n) => n.id),
      }));
      await insertPushes(tx, groups, now);
      return due.length;
    });
    if (n < ASSEMBLE_BATCH) return;
  }
}

interface PushToSend {
  push: ClaimedPush;
  to: string;
  replies: Reply[];
}

/** Claims a batch of due pushes and decides, notice by notice, what still goes. */
async function prepareBatch(
  db: Kysely<DB>,
  log: Logger,
  now: Date,
  branchName: (code: string) => string,
): Promise<{ claimed: number; sends: PushToSend[] }> {
  return db.transaction().execute(async (tx) => {
    const pushes = await claimDuePushes(tx, now, new Date(now.getTime() + LEASE_MS), CLAIM_BATCH);
    const notices = await noticesOfPushes(
      tx,
      pushes.map((p) => p.id),
    );
    const drops: { id: string; reason: string }[] = [];
    const toEmail: string[] = [];
    const byPush = new Map<string, { to: string; replies: Reply[] }>();
    for (const n of notices) {
      const payloadDueDate = typeof n.payload.dueDate === 'string' ? n.payload.dueDate : null;
      const stale = dropReason({
        kind: n.kind,
        holdStatus: n.holdStatus,
        loanReturned: n.loanReturned,
        loanDueDate: n.loanDueDate,
        payloadDueDate,
      });
      const route = lineRoute(n.kind, {
        lineLinked: n.lineUserId !== null,
        following: n.following,
        emailConfirmed: n.emailConfirmed,
      });
      // In the language the LINE user is answered in (Japanese before it is known); with several
      // cards on one LINE user, naming whose card it is about (docs/family-cards.md).
      const reply = inLanguage(isLanguage(n.language) ? n.language : 'ja', () => {
        const own = n.kind === 'card_moved' ? cardMovedReply(n) : noticeReply(n, branchName);
        return own && forHolder(own, n);
      });
      if (stale) drops.push({ id: n.id, reason: stale });
      else if (route.to === 'email') toEmail.push(n.id);
      else if (route.to === 'drop') drops.push({ id: n.id, reason: route.reason });
      else if (!reply) drops.push({ id: n.id, reason: `no LINE message for notice kind ${n.kind}` });
      else {
        const entry = byPush.get(n.pushId) ?? { to: n.lineUserId!, replies: [] };
        entry.replies.push(reply);
        byPush.set(n.pushId, entry);
      }
    }
    for (const d of drops) log.info('notice dropped', { noticeId: d.id, reason: d.reason });
    await dropNotices(tx, drops);
    await moveNoticesToEmail(tx, toEmail, now);
    await closeEmptyPushes(
      tx,
      pushes.filter((p) => !byPush.has(p.id)).map((p) => p.id),
      'nothing left to send',
    );
    const sends = pushes.flatMap((push) => {
      const entry = byPush.get(push.id);
      return entry ? [{ push, ...entry }] : [];
    });
    return { claimed: pushes.length, sends };
  });
}

/** Pushes the batch a few at a time and records every outcome in one transaction. */
async function sendBatch(
  db: Kysely<DB>,
  messenger: Messenger,
  log: Logger,
  now: Date,
  sends: PushToSend[],
): Promise<number> {
  if (sends.length === 0) return 0;
  const outcomes: PushOutcomes = { sent: [], retry: [], failed: [] };
  let delivered = 0;
  await eachLimited(sends, PUSH_CONCURRENCY, async (s) => {
    try {
      await messenger.push(s.to, messenger.render(s.replies), s.push.retryKey);
      outcomes.sent.push(s.push.id);
      delivered += s.replies.length;
    } catch (err) {
      const c = sendVerdict(err);
      if (c.outcome === 'delivered') {
        outcomes.sent.push(s.push.id);
        delivered += s.replies.length;
        return;
      }
      const error = `${c.status ?? 'no answer'}: ${errorText(err)}`;
      const retry = c.outcome === 'retry' && !givesUp(s.push.firstAttemptAt, now);
      log.warn('push not delivered', {
        pushId: s.push.id,
        status: c.status,
        attempt: s.push.attempts,
        retry,
        error: errorText(err),
      });
      if (retry)
        outcomes.retry.push({
          id: s.push.id,
          dueAt: new Date(now.getTime() + retryDelayMs(s.push.attempts, c.retryAfterMs)),
          error,
        });
      else
        outcomes.failed.push({
          id: s.push.id,
          error:
            c.outcome === 'retry'
              ? `gave up after 24 hours of retries; last: ${error}`
              : `LINE refused the push: ${error}`,
        });
    }
  });
  await db.transaction().execute((tx) => settlePushes(tx, outcomes, now));
  return delivered;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
