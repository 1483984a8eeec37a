import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type AnnouncementRow,
  announcementById,
  announcementRecipients,
  type BatchRow,
  batchesOfAnnouncement,
  insertAnnouncement,
  recentAnnouncements,
  setAnnouncementStatus,
  settleBatch,
} from '../db/announcements.js';
import { audit, type AuditActor } from '../db/audit.js';
import type { DB } from '../db/schema.js';
import { ANNOUNCEMENT_MAX_LENGTH, batchesOf, quotaShortfall } from '../domain/announcements.js';
import { conflict, ok, type Outcome } from './errors.js';

export type { AnnouncementRow, BatchRow };
export { recentAnnouncements };

/** What one multicast call came to: accepted (a repeated retry key counts), worth retrying, or refused for good. */
export type MulticastResult = { ok: true } | { ok: false; retry: boolean; error: string };

/** The port an announcement is sent through; the LINE adapter implements it (src/line/multicast.ts). */
export interface Multicaster {
  /** Recipients per call: LINE's 500 unless a stand-in says fewer. */
  readonly batchSize?: number;
  multicast(to: string[], text: string, retryKey: string): Promise<MulticastResult>;
  /** This month's message quota: `limit` null when the plan has none. */
  quota(): Promise<{ limit: number | null; used: number }>;
}

export type Audience = { kind: 'all' } | { kind: 'branch'; branch: string };
export const audienceText = (a: Audience) => (a.kind === 'all' ? 'all' : `branch:${a.branch}`);
export const audienceOf = (text: string): Audience =>
  text.startsWith('branch:') ? { kind: 'branch', branch: text.slice('branch:'.length) } : { kind: 'all' };

/** How many would receive it now. */
export async function countRecipients(db: Kysely<DB>, audience: Audience): Promise<number> {
  return (await announcementRecipients(db, audience.kind === 'branch' ? audience.branch : null)).length;
}

/**
 * Writes an announcement with its recipients fixed now, in batches of at most 500, each with a
 * retry key of its own (S-ANN-2): sending it, and resuming it after a failure, calls LINE with
 * exactly these batches and keys.
 */
export async function writeAnnouncement(
  db: Kysely<DB>,
  a: { body: string; audience: Audience },
  actor: AuditActor & { kind: 'staff' },
  batchSize?: number,
): Promise<Outcome<{ id: string }>> {
  const body = a.body.replace(/\r\n/g, '\n').trim();
  if (body === '' || body.length > ANNOUNCEMENT_MAX_LENGTH || body.includes('\0'))
    return conflict('ANNOUNCEMENT_BODY_INVALID', `the message must have 1 to ${ANNOUNCEMENT_MAX_LENGTH} characters`);
  return db.transaction().execute(async (tx) => {
    const to = await announcementRecipients(tx, a.audience.kind === 'branch' ? a.audience.branch : null);
    const batches = batchesOf(to, batchSize).map((ids) => ({ ids, retryKey: randomUUID() }));
    const id = await insertAnnouncement(tx, {
      body,
      audience: audienceText(a.audience),
      createdBy: actor.staffName ?? 'staff',
      batches,
    });
    await audit(tx, { actor, action: 'announcement.write', details: { announcementId: id, recipients: to.length } });
    return ok({ id });
  });
}

export interface AnnouncementView {
  announcement: AnnouncementRow;
  batches: BatchRow[];
  sentTo: number;
  pendingTo: number;
  failedTo: number;
}

export async function announcementView(db: Kysely<DB>, id: string): Promise<AnnouncementView | undefined> {
  const announcement = await announcementById(db, id);
  if (!announcement) return undefined;
  const batches = await batchesOfAnnouncement(db, id);
  const count = (s: BatchRow['status']) =>
    batches.filter((b) => b.status === s).reduce((n, b) => n + b.lineUserIds.length, 0);
  return { announcement, batches, sentTo: count('sent'), pendingTo: count('pending'), failedTo: count('failed') };
}

/**
 * Sends the batches not yet sent, in order (S-ANN-2). A batch LINE accepted (or had accepted: 409
 * on its retry key) is sent; one refused for good is failed and the next goes on; a failure worth
 * retrying stops the run with the batch still pending, for "resume" to send again with its key.
 * S-ANN-1: a run that the month's quota cannot carry is not started.
 */
export async function sendAnnouncement(
  db: Kysely<DB>,
  mc: Multicaster,
  id: string,
  actor: AuditActor,
  now: () => Date,
): Promise<Outcome<{ sent: number; stoppedBy: string | null }>> {
  const view = await announcementView(db, id);
  if (!view) return conflict('UNKNOWN_ANNOUNCEMENT', `no announcement ${id}`);
  const pending = view.batches.filter((b) => b.status === 'pending');
  // A quota LINE does not tell is not checked here: LINE itself refuses a call over it (429).
  const quota = await mc.quota().catch(() => null);
  const shortfall = quota ? quotaShortfall(quota, view.pendingTo) : 0;
  if (shortfall > 0) return conflict('QUOTA_EXCEEDED', String(shortfall));
  await setAnnouncementStatus(db, id, 'sending', now());
  let sent = 0;
  let stoppedBy: string | null = null;
  for (const b of pending) {
    const r = await mc.multicast(b.lineUserIds, view.announcement.body, b.retryKey);
    if (r.ok) {
      await settleBatch(db, b.id, { status: 'sent', at: now() });
      sent += b.lineUserIds.length;
    } else if (r.retry) {
      await settleBatch(db, b.id, { status: 'pending', error: r.error });
      stoppedBy = r.error;
      break;
    } else await settleBatch(db, b.id, { status: 'failed', error: r.error });
  }
  if (stoppedBy === null) await setAnnouncementStatus(db, id, 'done', now());
  await audit(db, { actor, action: 'announcement.send', details: { announcementId: id, sent, stoppedBy } });
  return ok({ sent, stoppedBy });
}
