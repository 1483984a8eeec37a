import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import type { Executor } from '../db/executor.js';
import { activeHoldsOfBibs, activeHoldsOfPatron } from '../db/holds.js';
import { openLoansOfPatron } from '../db/loans.js';
import { findPatronByCard, insertPatron, setPasswordHash, type NewPatron, type PatronRow } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { tokyoDate } from '../domain/dates.js';
import type { HoldStatus } from '../domain/hold-status.js';
import type { ContactMethod, HoldChannel } from '../domain/holds.js';
import { queuePositions } from '../domain/queue.js';
import { passwordSchoolYear } from '../domain/eligibility.js';
import { generateInitialPassword, initialPasswordIssueRefusal } from '../domain/passwords.js';
import { audit, type AuditActor } from '../db/audit.js';
import { conflict, inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { hashPassword } from './passwords.js';
import { libraryProfile } from '../profile/active.js';

export async function registerPatron(db: Kysely<DB>, p: NewPatron): Promise<Outcome<PatronRow>> {
  return inTransaction(db, async (tx) => {
    const row = await insertPatron(tx, p);
    if (!row) return conflict('CARD_NUMBER_EXISTS', 'a patron with this card number is already registered');
    await audit(tx, { actor: { kind: 'staff' }, action: 'patron.register', patronId: row.id });
    return ok(row);
  });
}

/**
 * R-PW-1: a new initial password, issued at the counter after an identity check (the staff
 * call stands for both). It replaces any earlier password (R-PW-4: the forgotten-password path).
 */
export async function issueInitialPassword(
  db: Kysely<DB>,
  cardNumber: string,
  now: Date,
  at: { identityChecked: boolean; actor: AuditActor } = { identityChecked: true, actor: { kind: 'staff' } },
): Promise<Outcome<{ initialPassword: string }>> {
  const patron = await findPatronByCard(db, cardNumber);
  if (!patron) return notFound('patron', cardNumber);
  const profile = libraryProfile();
  const refusal = initialPasswordIssueRefusal(
    patron,
    { channel: 'counter', identityChecked: at.identityChecked },
    tokyoDate(now),
    passwordSchoolYear(profile.services),
  );
  if (refusal) return refused(refusal);
  const initialPassword = generateInitialPassword((n) => randomBytes(n), profile.passwords);
  // Hash outside the transaction: it is the slow part and needs no lock.
  const hash = await hashPassword(initialPassword);
  return inTransaction(db, async (tx) => {
    await setPasswordHash(tx, patron.id, hash, true, now);
    await audit(tx, { actor: at.actor, action: 'patron.initial_password', patronId: patron.id });
    return ok({ initialPassword });
  });
}

export interface PatronOverview {
  patron: PatronRow;
  holds: {
    holdId: string;
    bibId: string;
    title: string;
    status: HoldStatus;
    position: number | null;
    pickupBranch: string;
    pickupBranchName: string;
    pickupDeadline: string | null;
    contact: ContactMethod;
    channel: HoldChannel;
    /** R-RES-11, R-RES-12 (issue 26). */
    suspendedUntil: string | null;
    notNeededAfter: string | null;
  }[];
  loans: {
    loanId: string;
    itemBarcode: string;
    bibId: string;
    title: string;
    dueDate: string;
    renewals: number;
    materialType: string;
  }[];
}

/** Active holds (with queue positions) and open loans of a patron. */
export async function patronOverview(db: Executor, cardNumber: string): Promise<PatronOverview | undefined> {
  const patron = await findPatronByCard(db, cardNumber);
  if (!patron) return undefined;
  const [holds, loans, branches] = await Promise.all([
    activeHoldsOfPatron(db, patron.id),
    openLoansOfPatron(db, patron.id),
    listBranches(db),
  ]);
  const bibIds = [...new Set(holds.map((h) => h.bibId))];
  const allHolds = await activeHoldsOfBibs(db, bibIds);
  const titles = await titlesOf(db, bibIds);
  const positions = new Map<string, number>();
  for (const bibId of bibIds) {
    for (const [id, pos] of queuePositions(allHolds.filter((h) => h.bibId === bibId))) positions.set(id, pos);
  }
  return {
    patron,
    holds: holds.map((h) => ({
      holdId: h.id,
      bibId: h.bibId,
      title: titles.get(h.bibId) ?? '',
      status: h.status,
      position: positions.get(h.id) ?? null,
      pickupBranch: h.pickupBranch,
      pickupBranchName: branches.find((b) => b.code === h.pickupBranch)?.name ?? h.pickupBranch,
      pickupDeadline: h.pickupDeadline,
      contact: h.contact,
      channel: h.channel,
      suspendedUntil: h.suspendedUntil,
      notNeededAfter: h.notNeededAfter,
    })),
    loans: loans.map((l) => ({
      loanId: l.id,
      itemBarcode: l.itemBarcode,
      bibId: l.bibId,
      title: l.title,
      dueDate: l.dueDate,
      renewals: l.renewals,
      materialType: l.materialType,
    })),
  };
}

async function titlesOf(db: Executor, bibIds: string[]): Promise<Map<string, string>> {
  if (bibIds.length === 0) return new Map();
  const rows = await db.selectFrom('bibs').select(['id', 'title']).where('id', 'in', bibIds).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
