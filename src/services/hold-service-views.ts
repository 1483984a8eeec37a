import type { Kysely } from 'kysely';
import type { AuditActor } from '../db/audit.js';
import { listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import { openLoansOfPatron } from '../db/loans.js';
import type { DB } from '../db/schema.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { notNeededChoices, suspensionChoices } from '../domain/hold-pauses.js';
import type { Refusal } from '../domain/refusals.js';
import { libraryProfile } from '../profile/active.js';
import { notFound, ok, type Outcome } from './errors.js';
import {
  checkPause,
  checkPickupChange,
  checkResume,
  ownHold,
  type ChangedHold,
  type PauseKind,
} from './hold-changes.js';
import { previewRenewal, renewLoan, type RenewalPreview } from './renewal.js';
import { withPhoneOfPickup } from './hold-phone.js';

/** What the chat reads before it asks: the patron's own hold and the choices it has. */

export interface PickupChoices {
  holdId: string;
  title: string;
  current: string;
  branches: { code: string; name: string }[];
}

/** R-RES-10: the other pickup points the hold may move to, or why it may not move. */
export async function pickupChoices(db: Executor, patronId: string, holdId: string): Promise<Outcome<PickupChoices>> {
  const hold = await ownHold(db, patronId, holdId);
  if (!hold) return notFound('hold', holdId);
  const branches = (await listBranches(db)).filter((b) => b.pickupPoint);
  const other = branches.find((b) => b.code !== hold.pickupBranch);
  const check = await checkPickupChange(db, hold, other?.code ?? hold.pickupBranch);
  if (!check.ok) return check;
  const view = await withPhoneOfPickup(db, hold);
  return ok({
    holdId: hold.id,
    title: view.title,
    current: view.branchName,
    branches: branches.filter((b) => b.code !== hold.pickupBranch).map((b) => ({ code: b.code, name: b.name })),
  });
}

/** `holdId~branch`: what the pickup confirmation names (one id, so a repeated tap can be recognised). */
export const pickupId = (holdId: string, branch: string) => `${holdId}~${branch}`;
export function parsePickupId(id: string): { holdId: string; branch: string } | undefined {
  const m = /^(\d{1,18})~([A-Za-z0-9_-]{1,32})$/.exec(id);
  return m ? { holdId: m[1]!, branch: m[2]! } : undefined;
}

export interface PickupOffer {
  id: string;
  title: string;
  from: string;
  to: string;
}

export async function pickupOffer(db: Executor, patronId: string, id: string): Promise<Outcome<PickupOffer>> {
  const p = parsePickupId(id);
  const hold = p && (await ownHold(db, patronId, p.holdId));
  if (!p || !hold) return notFound('hold', p?.holdId ?? id);
  const check = await checkPickupChange(db, hold, p.branch);
  if (!check.ok) return check;
  const view = await withPhoneOfPickup(db, hold);
  return ok({ id, title: view.title, from: view.branchName, to: check.value.to.name });
}

export interface PauseChoices {
  holdId: string;
  title: string;
  suspend: IsoDate[];
  notNeeded: IsoDate[];
}

/** R-RES-11, R-RES-12: the dates offered, or why the hold may not be paused. */
export async function pauseChoices(
  db: Executor,
  patronId: string,
  holdId: string,
  now: Date,
): Promise<Outcome<PauseChoices>> {
  const hold = await ownHold(db, patronId, holdId);
  if (!hold) return notFound('hold', holdId);
  const today = tokyoDate(now);
  const max = libraryProfile().holds.suspendMaxDays;
  const check = await checkPause(db, hold, 'suspend', suspensionChoices(today, max)[0] ?? today, now);
  if (!check.ok) return check;
  return ok({
    holdId: hold.id,
    title: check.value.title,
    suspend: suspensionChoices(today, max),
    notNeeded: notNeededChoices(today, max),
  });
}

/** `holdId~s~date` (suspend) or `holdId~n~date` (不要日). */
export const pauseId = (holdId: string, kind: PauseKind, date: IsoDate) =>
  `${holdId}~${kind === 'suspend' ? 's' : 'n'}~${date}`;
export function parsePauseId(id: string): { holdId: string; kind: PauseKind; date: IsoDate } | undefined {
  const m = /^(\d{1,18})~([sn])~(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m ? { holdId: m[1]!, kind: m[2] === 's' ? 'suspend' : 'notNeededAfter', date: m[3]! } : undefined;
}

export interface PauseOffer {
  id: string;
  title: string;
  kind: PauseKind;
  date: IsoDate;
}

export async function pauseOffer(db: Executor, patronId: string, id: string, now: Date): Promise<Outcome<PauseOffer>> {
  const p = parsePauseId(id);
  const hold = p && (await ownHold(db, patronId, p.holdId));
  if (!p || !hold) return notFound('hold', p?.holdId ?? id);
  const check = await checkPause(db, hold, p.kind, p.date, now);
  if (!check.ok) return check;
  return ok({ id, title: check.value.title, kind: p.kind, date: p.date });
}

export async function resumeOffer(
  db: Executor,
  patronId: string,
  holdId: string,
  now: Date,
): Promise<Outcome<ChangedHold & { until: IsoDate }>> {
  const hold = await ownHold(db, patronId, holdId);
  if (!hold) return notFound('hold', holdId);
  const check = await checkResume(db, hold, now);
  if (!check.ok) return check;
  return ok({ ...check.value, until: hold.suspendedUntil ?? '' });
}

// R-LOAN-5: renew all.

export interface RenewAllOffer {
  /** Always 'all': the confirmation's one id. */
  all: string;
  renewable: RenewalPreview[];
  refused: { title: string; refusal: Refusal | null }[];
}

/** Every open loan of the patron, in due-date order: renewable ones with their new due date, others with the reason. */
export async function renewAllOffer(db: Executor, patronId: string, now: Date): Promise<Outcome<RenewAllOffer>> {
  const loans = [...(await openLoansOfPatron(db, patronId))].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
  const renewable: RenewalPreview[] = [];
  const refused: RenewAllOffer['refused'] = [];
  for (const l of loans) {
    const r = await previewRenewal(db, { loanId: l.id, patronId }, now);
    if (r.ok) renewable.push(r.value);
    else refused.push({ title: l.title, refusal: r.failure.kind === 'refused' ? r.failure.refusal : null });
  }
  return ok({ all: 'all', renewable, refused });
}

export type RenewAllResult = {
  title: string;
  dueDate: IsoDate | null;
  refusal: Refusal | null;
}[];

/**
 * R-LOAN-5: one tap renews every loan that may be renewed now, each by renewLoan (its own rule check
 * under the loan's lock, in its own savepoint): one refused does not stop the others. Answers, per
 * loan, the new due date or the reason.
 */
export async function renewAll(
  db: Kysely<DB>,
  req: { patronId: string; actor: AuditActor },
  now: Date,
): Promise<Outcome<{ all: string; results: RenewAllResult }>> {
  const loans = [...(await openLoansOfPatron(db, req.patronId))].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
  const results: RenewAllResult = [];
  for (const l of loans) {
    const r = await renewLoan(db, { loanId: l.id, patronId: req.patronId, actor: req.actor }, now);
    results.push(
      r.ok
        ? { title: l.title, dueDate: r.value.dueDate, refusal: null }
        : { title: l.title, dueDate: null, refusal: r.failure.kind === 'refused' ? r.failure.refusal : null },
    );
  }
  return ok({ all: 'all', results });
}
