import type { Kysely } from 'kysely';
import type { PatronRow } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { newPasswordRefusal } from '../domain/passwords.js';
import { verifyCredentials } from './credentials.js';
import { refused, type Outcome } from './errors.js';
import { libraryProfile } from '../profile/active.js';

/**
 * The `変更` step of the password change page (R-PW-3): the new password's policy first (R-PW-2;
 * an overlong one is never hashed, a refused one counts no failure), then card and current
 * password, counted and locked exactly like a login. Nothing changes yet: `送信` calls
 * changePassword (credentials.ts), which checks all of it again.
 */
export async function checkPasswordChange(
  db: Kysely<DB>,
  req: { cardNumber: string; currentPassword: string; newPassword: string; newPasswordConfirm: string },
  now: Date,
): Promise<Outcome<PatronRow>> {
  const policy = newPasswordRefusal(req.newPassword, req.newPasswordConfirm, libraryProfile().passwords);
  if (policy) return refused(policy);
  return verifyCredentials(db, { cardNumber: req.cardNumber, password: req.currentPassword }, now);
}
