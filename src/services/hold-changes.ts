import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import { listBranches } from '../db/branches.js';
import { findBib } from '../db/catalog.js';
import type { Executor, Tx } from '../db/executor.js';
import { setHoldPause, setHoldPickupBranch } from '../db/hold-pauses.js';
import { findHold, type HoldRow } from '../db/holds.js';
import { findPatron } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { pauseRefusal, pickupChangeRefusal, resumeRefusal } from '../domain/hold-pauses.js';
import { refuse, type Refusal } from '../domain/refusals.js';
import { libraryProfile } from '../profile/active.js';
import { inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { trapShelfCopies } from './trapping.js';

/** Who asks: the patron for their own hold (patronId), or staff at the counter for any hold. */
export interface HoldChangeRequest {
  holdId: string;
  patronId?: string;
  actor: AuditActor;
}

export interface ChangedHold {
  holdId: string;
  title: string;
  pickupBranch: string;
  branchName: string;
  suspendedUntil: IsoDate | null;
  notNeededAfter: IsoDate | null;
}

/**
 * The hold, locked after its patron's row: the order placeHold locks in, so a change and a new
 * hold of one patron run one after the other (R-RES-2 is counted on a settled list).
 */
async function lockedHold(tx: Tx, req: HoldChangeRequest): Promise<HoldRow | undefined> {
  const seen = await findHold(tx, req.holdId);
  if (!seen || (req.patronId !== undefined && seen.patronId !== req.patronId)) return undefined;
  await findPatron(tx, seen.patronId, { forUpdate: true });
  return findHold(tx, req.holdId, { forUpdate: true });
}

async function changed(tx: Executor, hold: HoldRow, change: Partial<ChangedHold> = {}): Promise<ChangedHold> {
  const pickupBranch = change.pickupBranch ?? hold.pickupBranch;
  const branch = (await listBranches(tx)).find((b) => b.code === pickupBranch);
  return {
    holdId: hold.id,
    title: (await findBib(tx, hold.bibId))?.title ?? '',
    pickupBranch,
    branchName: branch?.name ?? pickupBranch,
    suspendedUntil: change.suspendedUntil !== undefined ? change.suspendedUntil : hold.suspendedUntil,
    notNeededAfter: change.notNeededAfter !== undefined ? change.notNeededAfter : hold.notNeededAfter,
  };
}

/** A refusal about a copy already trapped names the pickup branch and its phone (from the profile). */
async function withBranchPhone(tx: Executor, r: Refusal, branchCode: string): Promise<Refusal> {
  const b = (await listBranches(tx)).find((x) => x.code === branchCode);
  return refuse(r.code, { ...r.params, branchName: b?.name ?? '', phone: b?.phone ?? '' });
}

/** R-RES-10: what a pickup change would do, without doing it (the chat's confirmation). */
export async function checkPickupChange(
  tx: Executor,
  hold: HoldRow,
  branch: string,
): Promise<Outcome<{ from: string; to: { code: string; name: string } }>> {
  const branches = await listBranches(tx);
  const to = branches.find((b) => b.code === branch && b.pickupPoint);
  if (!to) return refused(refuse('PICKUP_BRANCH_UNKNOWN'));
  const r = pickupChangeRefusal(hold.status, hold.pickupBranch, branch);
  if (r) return refused(await withBranchPhone(tx, r, hold.pickupBranch));
  return ok({ from: hold.pickupBranch, to: { code: to.code, name: to.name } });
}

/** R-RES-10: the hold goes to another pickup branch and keeps its place in line. */
export async function changePickupBranch(
  db: Kysely<DB>,
  req: HoldChangeRequest & { branch: string },
  now: Date,
): Promise<Outcome<ChangedHold>> {
  return inTransaction(db, async (tx) => {
    const hold = await lockedHold(tx, req);
    if (!hold) return notFound('hold', req.holdId);
    const check = await checkPickupChange(tx, hold, req.branch);
    if (!check.ok) return check;
    await setHoldPickupBranch(tx, hold.id, req.branch, now);
    await audit(tx, {
      actor: req.actor,
      action: 'hold.pickup',
      patronId: hold.patronId,
      holdId: hold.id,
      details: { from: hold.pickupBranch, to: req.branch },
    });
    return ok(await changed(tx, hold, { pickupBranch: req.branch }));
  });
}

export type PauseKind = 'suspend' | 'notNeededAfter';

/** R-RES-11 / R-RES-12: whether the hold may be suspended until, or given a 不要日 of, `date`. */
export async function checkPause(tx: Executor, hold: HoldRow, kind: PauseKind, date: IsoDate, now: Date) {
  const r = pauseRefusal(hold.status, kind, date, tokyoDate(now), libraryProfile().holds.suspendMaxDays);
  return r ? refused(await withBranchPhone(tx, r, hold.pickupBranch)) : ok(await changed(tx, hold));
}

/**
 * R-RES-11: suspended through `date` (it keeps its place, takes no copy, counts towards the limit,
 * and takes copies again the day after); R-RES-12: cancelled if still waiting after `date`.
 */
export async function pauseHold(
  db: Kysely<DB>,
  req: HoldChangeRequest & { kind: PauseKind; date: IsoDate },
  now: Date,
): Promise<Outcome<ChangedHold>> {
  return inTransaction(db, async (tx) => {
    const hold = await lockedHold(tx, req);
    if (!hold) return notFound('hold', req.holdId);
    const check = await checkPause(tx, hold, req.kind, req.date, now);
    if (!check.ok) return check;
    const change = req.kind === 'suspend' ? { suspendedUntil: req.date } : { notNeededAfter: req.date };
    await setHoldPause(tx, hold.id, change, now);
    await audit(tx, {
      actor: req.actor,
      action: req.kind === 'suspend' ? 'hold.suspend' : 'hold.not-needed-after',
      patronId: hold.patronId,
      holdId: hold.id,
      details: { date: req.date },
    });
    return ok(await changed(tx, hold, change));
  });
}

/** R-RES-11: whether the hold is suspended now, so it may be resumed early. */
export async function checkResume(tx: Executor, hold: HoldRow, now: Date) {
  const r = resumeRefusal(hold, tokyoDate(now));
  return r ? refused(r) : ok(await changed(tx, hold));
}

/** R-RES-11: resumed early; a copy on a shelf goes to it now if it is first in line. */
export async function resumeHold(db: Kysely<DB>, req: HoldChangeRequest, now: Date): Promise<Outcome<ChangedHold>> {
  return inTransaction(db, async (tx) => {
    const hold = await lockedHold(tx, req);
    if (!hold) return notFound('hold', req.holdId);
    const check = await checkResume(tx, hold, now);
    if (!check.ok) return check;
    await setHoldPause(tx, hold.id, { suspendedUntil: null }, now);
    await audit(tx, { actor: req.actor, action: 'hold.resume', patronId: hold.patronId, holdId: hold.id });
    if (hold.status === 'queued') await trapShelfCopies(tx, hold.bibId, now, req.actor);
    return ok(await changed(tx, hold, { suspendedUntil: null }));
  });
}

/** The patron's own hold for the chat's confirmations (read, not locked). */
export async function ownHold(tx: Executor, patronId: string, holdId: string): Promise<HoldRow | undefined> {
  const hold = await findHold(tx, holdId);
  return hold && hold.patronId === patronId ? hold : undefined;
}
