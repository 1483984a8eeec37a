import type { Kysely } from 'kysely';
import type { AuditActor } from '../db/audit.js';
import {
  findPatrons,
  lineLinksOfPatron,
  type NoticeLine,
  type PatronHit,
  passwordSetAtOf,
  recentNoticesOfPatron,
} from '../db/patron-desk.js';
import { findPatronByCard } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { unlinkAccount } from './account-link.js';
import { notFound, ok, type Outcome } from './errors.js';
import { patronOverview, type PatronOverview } from './patrons.js';

export type { NoticeLine, PatronHit };

/** What the staff console's patron desk shows of one patron. */
export interface PatronDesk extends PatronOverview {
  lineLinks: { lineUserId: string; linkedAt: Date | null }[];
  notices: NoticeLine[];
  /** When the current password was set: the initial-password form names it, so a resubmission issues none. */
  passwordSetAt: Date | null;
}

const NOTICES_SHOWN = 20;
const MAX_QUERY = 100;

/** Patrons by card number (whole) or name (any part); one more than `limit` tells that there are more. */
export async function searchPatrons(db: Kysely<DB>, q: string, limit: number): Promise<PatronHit[]> {
  const query = q.normalize('NFKC').trim();
  if (query === '' || query.length > MAX_QUERY || query.includes('\0')) return [];
  return findPatrons(db, query, limit + 1);
}

export async function patronDesk(db: Kysely<DB>, cardNumber: string): Promise<PatronDesk | undefined> {
  const o = await patronOverview(db, cardNumber);
  if (!o) return undefined;
  const [lineLinks, notices, passwordSetAt] = await Promise.all([
    lineLinksOfPatron(db, o.patron.id),
    recentNoticesOfPatron(db, o.patron.id, NOTICES_SHOWN),
    passwordSetAtOf(db, o.patron.id),
  ]);
  return { ...o, lineLinks, notices, passwordSetAt };
}

/** Staff unlink every LINE user linked to the card (the patron asked at the counter). */
export async function unlinkPatronFromLine(
  db: Kysely<DB>,
  cardNumber: string,
  actor: AuditActor,
  now: Date,
): Promise<Outcome<{ unlinked: number }>> {
  const patron = await findPatronByCard(db, cardNumber);
  if (!patron) return notFound('patron', cardNumber);
  let unlinked = 0;
  for (const link of await lineLinksOfPatron(db, patron.id))
    if (await unlinkAccount(db, link.lineUserId, now, { actor, patronId: patron.id })) unlinked++;
  return ok({ unlinked });
}
