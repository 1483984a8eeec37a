import { listBranches } from '../db/branches.js';
import { findBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { activeHoldsOfBibs, findHold } from '../db/holds.js';
import { findPatron } from '../db/patrons.js';
import { tokyoDate, type IsoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import type { HoldStatus } from '../domain/hold-status.js';
import { cancellationRefusal } from '../domain/holds.js';
import { officialDateFor } from '../domain/promotion.js';
import { isOverdue } from '../domain/loans.js';
import { holdsAheadOfNewOnlineHold } from '../domain/queue.js';
import { refuse, type Refusal } from '../domain/refusals.js';
import { branchCalendar } from './calendar.js';
import { notFound, ok, refused, type Outcome } from './errors.js';
import { checkHold } from './holds.js';
import { patronOverview } from './patrons.js';
import { previewRenewal, type RenewalPreview } from './renewal.js';
import { libraryProfile } from '../profile/active.js';
import type { HoldSlots } from '../domain/hold-slots.js';
import { holdServiceFacts, slotsOf, type HoldServiceFacts } from './hold-service-status.js';

/**
 * What a logged-in patron sees in the chat, assembled from the services and the domain rules;
 * read-only (the actions themselves are placeHold, renewLoan and cancelHold).
 */
export interface PatronStatus {
  name: string;
  holdLimit: number;
  /** R-RES-14: the slots used across the counted channels. */
  slots: HoldSlots;
  /** Why the patron may not reserve (R-ELIG-2), or null: the hold slots are only shown to one who may. */
  reserve: Refusal | null;
  loans: { loanId: string; title: string; dueDate: IsoDate; overdue: boolean; renewal: Outcome<RenewalPreview> }[];
  holds: ({
    holdId: string;
    title: string;
    status: HoldStatus;
    position: number | null;
    branchName: string;
    pickupDeadline: IsoDate | null;
    cancel: Refusal | null;
  } & HoldServiceFacts)[];
}

/** R-LOAN-1, R-RES-7, R-RES-9: the loan list and the hold list. Refusals (R-ELIG-3) come first. */
export async function patronStatus(db: Executor, patronId: string, now: Date): Promise<Outcome<PatronStatus>> {
  const patron = await findPatron(db, patronId);
  if (!patron) return notFound('patron', patronId);
  const today = tokyoDate(now);
  const facts = { ...patron, hasPassword: patron.passwordHash !== null };
  const eligibility = serviceRefusal(facts, 'status', today, libraryProfile().services);
  if (eligibility) return refused(eligibility);
  const o = (await patronOverview(db, patron.cardNumber))!;
  const loans = [];
  for (const l of o.loans) {
    loans.push({
      loanId: l.loanId,
      title: l.title,
      dueDate: l.dueDate,
      overdue: isOverdue(l.dueDate, today),
      renewal: await previewRenewal(db, { loanId: l.loanId, patronId }, now),
    });
  }
  const branches = await listBranches(db);
  const more: HoldServiceFacts[] = [];
  for (const h of o.holds) more.push(await holdServiceFacts(db, h, now));
  return ok({
    name: patron.name,
    holdLimit: libraryProfile().holds.limit,
    slots: slotsOf(o.holds),
    reserve: serviceRefusal(facts, 'reserve', today, libraryProfile().services),
    loans,
    holds: o.holds.map((h, i) => ({
      ...more[i]!,
      holdId: h.holdId,
      title: h.title,
      status: h.status,
      position: h.position,
      branchName: h.pickupBranchName,
      pickupDeadline: h.pickupDeadline,
      cancel: withPhone(
        cancellationRefusal(h.status, true),
        branches.find((b) => b.code === h.pickupBranch),
      ),
    })),
  });
}

function withPhone(r: Refusal | null, branch: { name: string; phone: string } | undefined): Refusal | null {
  if (!r || r.code !== 'HOLD_NOT_CANCELLABLE_READY') return r;
  return refuse(r.code, { branchName: branch?.name ?? '', phone: branch?.phone ?? '' });
}

export interface ReservationOptions {
  bibId: string;
  title: string;
  /** Pickup branches, the patron's last choice first (R-RES-5). */
  branches: { code: string; name: string }[];
  emailConfirmed: boolean;
  /** The contact methods the library offers (profile contactMethods, R-RES-6). */
  contacts: ('none' | 'email' | 'line')[];
}

/** Before the patron chooses anything: may this patron reserve this title now? */
export async function reservationOptions(
  db: Executor,
  patronId: string,
  bibId: string,
  now: Date,
): Promise<Outcome<ReservationOptions>> {
  const patron = await findPatron(db, patronId);
  if (!patron) return notFound('patron', patronId);
  const check = await checkHold(db, patron, bibId, 'online', now);
  if (!check.ok) return check;
  // Only pickup points (受取館) are offered; the one the patron chose last comes first.
  const all = (await listBranches(db)).filter((b) => b.pickupPoint);
  const last = all.find((b) => b.code === patron.lastPickupBranch);
  const branches = [...(last ? [last] : []), ...all.filter((b) => b !== last)].map((b) => ({
    code: b.code,
    name: b.name,
  }));
  return ok({
    bibId,
    title: check.value.bib.title,
    branches,
    emailConfirmed: patron.emailConfirmed,
    contacts: [...libraryProfile().contactMethods],
  });
}

/**
 * R-RES-3 for the confirmation: the morning the hold would become official at that branch, and
 * how many holds of the title are ahead of it now (read here, not guessed by the chat).
 */
export async function reservationPreview(
  db: Executor,
  bibId: string,
  branch: string,
  now: Date,
): Promise<Outcome<{ title: string; branchName: string; officialDate: IsoDate; holdsAhead: number }>> {
  const b = (await listBranches(db)).find((x) => x.code === branch);
  if (!b) return refused(refuse('PICKUP_BRANCH_UNKNOWN'));
  const bib = await findBib(db, bibId);
  if (!bib) return notFound('bib', bibId);
  const officialDate = officialDateFor(now, await branchCalendar(db, branch, tokyoDate(now)));
  const holdsAhead = holdsAheadOfNewOnlineHold(await activeHoldsOfBibs(db, [bibId]));
  return ok({ title: bib.title, branchName: b.name, officialDate, holdsAhead });
}

export async function renewalOffer(
  db: Executor,
  patronId: string,
  loanId: string,
  now: Date,
): Promise<Outcome<RenewalPreview>> {
  return previewRenewal(db, { loanId, patronId }, now);
}

/** R-CAN-1/2: the patron's own hold, and whether it may be cancelled here. */
export async function cancellableHold(
  db: Executor,
  patronId: string,
  holdId: string,
): Promise<Outcome<{ holdId: string; title: string; branchName: string }>> {
  const hold = await findHold(db, holdId);
  if (!hold || hold.patronId !== patronId) return notFound('hold', holdId);
  const branch = (await listBranches(db)).find((b) => b.code === hold.pickupBranch);
  const refusal = withPhone(cancellationRefusal(hold.status, true), branch);
  if (refusal) return refused(refusal);
  const bib = await findBib(db, hold.bibId);
  return ok({ holdId: hold.id, title: bib?.title ?? '', branchName: branch?.name ?? hold.pickupBranch });
}

export async function cardNumberOf(db: Executor, patronId: string): Promise<string | undefined> {
  return (await findPatron(db, patronId))?.cardNumber;
}
