import type { Selectable, Updateable } from 'kysely';
import { ACTIVE_HOLD_STATUSES } from '../domain/holds.js';
import type { HoldStatus } from '../domain/hold-status.js';
import { camelized, type Camelized } from './camelized.js';
import { anyBigint, isRowId, type Executor, type LockOption, type Tx } from './executor.js';
import { rowBy, type RowOf } from './row-by.js';
import type { HoldsTable } from './schema.js';

/** A copy is trapped for the hold: on its way, or on the hold shelf. */
const TRAPPED: readonly HoldStatus[] = ['in_transit', 'ready'];

const columns = [
  'id',
  'patron_id',
  'bib_id',
  'pickup_branch',
  'channel',
  'contact',
  'status',
  'requested_at',
  'official_at',
  'item_id',
  'secured_on',
  'pickup_deadline',
  'suspended_until',
  'not_needed_after',
] as const;
export type HoldRow = Camelized<RowOf<'holds', (typeof columns)[number]>>;

export type NewHold = Camelized<
  Pick<
    Selectable<HoldsTable>,
    'patron_id' | 'bib_id' | 'pickup_branch' | 'channel' | 'contact' | 'status' | 'requested_at' | 'official_at'
  >
>;

export type HoldChange = Partial<
  Camelized<
    Pick<
      Selectable<HoldsTable>,
      | 'status'
      | 'official_at'
      | 'item_id'
      | 'trapped_at'
      | 'secured_on'
      | 'pickup_deadline'
      | 'closed_at'
      | 'close_reason'
    >
  >
>;

export async function insertHold(db: Executor, h: NewHold): Promise<HoldRow> {
  const r = await db
    .insertInto('holds')
    .values({
      patron_id: h.patronId,
      bib_id: h.bibId,
      pickup_branch: h.pickupBranch,
      channel: h.channel,
      contact: h.contact,
      status: h.status,
      requested_at: h.requestedAt,
      official_at: h.officialAt,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return camelized(r);
}

/** A hold id comes in a postback: one that cannot be an id finds no hold. */
export const findHold = rowBy('holds', 'id', columns, { accepts: isRowId });

export async function activeHoldsOfPatron(db: Executor, patronId: string): Promise<HoldRow[]> {
  const rows = await db
    .selectFrom('holds')
    .select(columns)
    .where('patron_id', '=', patronId)
    .where('status', 'in', ACTIVE_HOLD_STATUSES)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  return rows.map(camelized);
}

/** Active holds of the titles, in no particular order (positions come from the domain). */
export function activeHoldsOfBibs(db: Executor, bibIds: string[]): Promise<HoldRow[]>;
export function activeHoldsOfBibs(tx: Tx, bibIds: string[], lock: LockOption): Promise<HoldRow[]>;
export async function activeHoldsOfBibs(db: Executor, bibIds: string[], lock?: LockOption): Promise<HoldRow[]> {
  if (bibIds.length === 0) return [];
  let q = db
    .selectFrom('holds')
    .select(columns)
    .where('bib_id', '=', anyBigint(bibIds))
    .where('status', 'in', ACTIVE_HOLD_STATUSES)
    .orderBy('id');
  if (lock?.forUpdate) q = q.forUpdate();
  return (await q.execute()).map(camelized);
}

export function holdTrappingItem(db: Executor, itemId: string): Promise<HoldRow | undefined>;
export function holdTrappingItem(tx: Tx, itemId: string, lock: LockOption): Promise<HoldRow | undefined>;
export async function holdTrappingItem(db: Executor, itemId: string, lock?: LockOption): Promise<HoldRow | undefined> {
  let q = db.selectFrom('holds').select(columns).where('item_id', '=', itemId).where('status', 'in', TRAPPED);
  if (lock?.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && camelized(r);
}

export async function updateHold(db: Executor, id: string, change: HoldChange, at: Date): Promise<void> {
  const set: Updateable<HoldsTable> = { updated_at: at };
  if (change.status !== undefined) set.status = change.status;
  if (change.officialAt !== undefined) set.official_at = change.officialAt;
  if (change.itemId !== undefined) set.item_id = change.itemId;
  if (change.trappedAt !== undefined) set.trapped_at = change.trappedAt;
  if (change.securedOn !== undefined) set.secured_on = change.securedOn;
  if (change.pickupDeadline !== undefined) set.pickup_deadline = change.pickupDeadline;
  if (change.closedAt !== undefined) set.closed_at = change.closedAt;
  if (change.closeReason !== undefined) set.close_reason = change.closeReason;
  await db.updateTable('holds').set(set).where('id', '=', id).execute();
}

/** R-RES-3 set-based: every requested hold for the branch placed before `cutoff` becomes official. */
export async function promoteRequestedHolds(
  db: Executor,
  branch: string,
  cutoff: Date,
  now: Date,
): Promise<{ id: string; bibId: string }[]> {
  const rows = await db
    .updateTable('holds')
    .set({ status: 'queued', official_at: now, updated_at: now })
    .where('status', '=', 'requested')
    .where('pickup_branch', '=', branch)
    .where('requested_at', '<', cutoff)
    .returning(['id', 'bib_id'])
    .execute();
  return rows.map((r) => ({ id: r.id, bibId: r.bib_id }));
}

/**
 * R-RES-8 set-based: up to `limit` ready holds whose last pickup day is before `today` become
 * expired in one statement. Rows locked by another transaction are skipped (another instance, or
 * a checkout of that copy right now).
 */
export async function expireOverdueReadyHolds(tx: Tx, today: string, now: Date, limit: number): Promise<HoldRow[]> {
  const rows = await tx
    .updateTable('holds')
    .set({ status: 'expired', closed_at: now, close_reason: 'not collected', updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('holds')
        .select('id')
        .where('status', '=', 'ready')
        .where('pickup_deadline', '<', today)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(columns)
    .execute();
  return rows.map(camelized);
}

/** Of the given titles, those with a hold waiting for a copy. */
export async function bibsWithWaitingHolds(db: Executor, bibIds: string[]): Promise<Set<string>> {
  if (bibIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('holds')
    .select('bib_id')
    .distinct()
    .where('bib_id', '=', anyBigint(bibIds))
    .where('status', '=', 'queued')
    .execute();
  return new Set(rows.map((r) => r.bib_id));
}
