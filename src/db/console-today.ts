import { sql } from 'kysely';
import type { Executor } from './executor.js';

/** What the staff console's Today page reads (issue 29): shelves to pull, deadlines, failures, backlog. */

export interface HoldToPull {
  holdId: string;
  status: 'in_transit' | 'ready';
  /** Where the copy stands: the branch whose staff pull it. */
  atBranch: string;
  pickupBranch: string;
  barcode: string;
  callNumber: string;
  title: string;
  cardNumber: string;
}

/**
 * Copies trapped for a hold that staff must take off the open shelves: in transit (pull and send
 * to the pickup branch), or made ready today at their own branch (pull and put on the hold shelf).
 */
export async function holdsToPull(db: Executor, today: string): Promise<HoldToPull[]> {
  const rows = await db
    .selectFrom('holds as h')
    .innerJoin('items as i', 'i.id', 'h.item_id')
    .innerJoin('bibs as b', 'b.id', 'h.bib_id')
    .innerJoin('patrons as p', 'p.id', 'h.patron_id')
    .select([
      'h.id',
      'h.status',
      'i.location_branch',
      'h.pickup_branch',
      'i.barcode',
      'i.call_number',
      'b.title',
      'p.card_number',
    ])
    .where((eb) =>
      eb.or([
        eb('h.status', '=', 'in_transit'),
        eb.and([eb('h.status', '=', 'ready'), eb('h.secured_on', '=', today)]),
      ]),
    )
    .orderBy('i.location_branch')
    .orderBy('i.call_number')
    .execute();
  return rows.map((r) => ({
    holdId: r.id,
    status: r.status as 'in_transit' | 'ready',
    atBranch: r.location_branch,
    pickupBranch: r.pickup_branch,
    barcode: r.barcode,
    callNumber: r.call_number,
    title: r.title,
    cardNumber: r.card_number,
  }));
}

export interface HoldExpiring {
  holdId: string;
  pickupBranch: string;
  title: string;
  cardNumber: string;
  name: string;
}

/** Ready holds whose pickup deadline is `day` (R-RES-8): the last day on the hold shelf. */
export async function holdsExpiringOn(db: Executor, day: string): Promise<HoldExpiring[]> {
  const rows = await db
    .selectFrom('holds as h')
    .innerJoin('bibs as b', 'b.id', 'h.bib_id')
    .innerJoin('patrons as p', 'p.id', 'h.patron_id')
    .select(['h.id', 'h.pickup_branch', 'b.title', 'p.card_number', 'p.name'])
    .where('h.status', '=', 'ready')
    .where('h.pickup_deadline', '=', day)
    .orderBy('h.pickup_branch')
    .orderBy('p.card_number')
    .execute();
  return rows.map((r) => ({
    holdId: r.id,
    pickupBranch: r.pickup_branch,
    title: r.title,
    cardNumber: r.card_number,
    name: r.name,
  }));
}

export interface FailedNotice {
  id: string;
  kind: string;
  channel: 'line' | 'email';
  cardNumber: string;
  createdAt: Date;
  lastError: string | null;
}

/** Notices given up on (status failed), newest first. */
export async function failedNotices(db: Executor, limit: number): Promise<FailedNotice[]> {
  const rows = await db
    .selectFrom('notices as n')
    .innerJoin('patrons as p', 'p.id', 'n.patron_id')
    .select(['n.id', 'n.kind', 'n.channel', 'p.card_number', 'n.created_at', 'n.last_error'])
    .where('n.status', '=', 'failed')
    .orderBy('n.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    cardNumber: r.card_number,
    createdAt: r.created_at,
    lastError: r.last_error,
  }));
}

/**
 * A failed notice goes back to the outbox, due now, out of the push that failed: the next delivery
 * puts it in a new push, which takes this notice's own retry key when it comes first, so LINE
 * answers 409 rather than deliver it twice if the first push did arrive. Only a failed notice.
 */
export async function requeueFailedNotice(
  db: Executor,
  id: string,
  now: Date,
): Promise<{ patronId: string } | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await db
    .updateTable('notices')
    .set({ status: 'pending', push_id: null, due_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('patron_id')
    .executeTakeFirst();
  return r && { patronId: r.patron_id };
}

export interface InboxBacklog {
  pending: number;
  oldestPendingAt: Date | null;
}

/** Webhook events not yet handled: the chat is behind. Read through the pending rows' partial index only. */
export async function inboxBacklog(db: Executor): Promise<InboxBacklog> {
  const r = await db
    .selectFrom('webhook_inbox')
    .select([sql<string>`count(*)`.as('pending'), sql<Date | null>`min(received_at)`.as('oldest')])
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { pending: Number(r.pending), oldestPendingAt: r.oldest === null ? null : new Date(r.oldest) };
}
