import type { Executor } from '../db/executor.js';
import { findPatron, type PatronRow } from '../db/patrons.js';
import { tokyoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import type { Refusal } from '../domain/refusals.js';
import { libraryProfile } from '../profile/active.js';

/**
 * What the logged-in patron may not do, as the chat needs it to make offers (R-ELIG-2, R-ELIG-4).
 * Logging in already requires status and renewal (R-ELIG-3), so reservation and e-mail
 * registration are the offers that may still be refused: a button the patron could never use is
 * not shown, and the reason is said once.
 */
export interface PatronEligibility {
  reserve: Refusal | null;
  email: Refusal | null;
}

/** The patron's eligibility today, or undefined when the card is gone. */
export async function patronEligibility(
  db: Executor,
  patronId: string,
  now: Date,
): Promise<PatronEligibility | undefined> {
  const patron = await findPatron(db, patronId);
  if (!patron) return undefined;
  const facts = { ...patron, hasPassword: patron.passwordHash !== null };
  const today = tokyoDate(now);
  const services = libraryProfile().services;
  return {
    reserve: serviceRefusal(facts, 'reserve', today, services),
    email: serviceRefusal(facts, 'email', today, services),
  };
}

/** R-ELIG-2 for a patron row already read: why the patron may not reserve today, or null. */
export function reserveRefusalOf(patron: PatronRow, now: Date): Refusal | null {
  const facts = { ...patron, hasPassword: patron.passwordHash !== null };
  return serviceRefusal(facts, 'reserve', tokyoDate(now), libraryProfile().services);
}
