import type { Kysely } from 'kysely';
import { audit } from '../db/audit.js';
import { clearThrottle, saveThrottle, throttleOf } from '../db/login-throttle.js';
import { findPatronByCard, setPasswordHash, type PatronRow } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { afterFailure, isLocked } from '../domain/lockout.js';
import { newPasswordRefusal } from '../domain/passwords.js';
import { refuse } from '../domain/refusals.js';
import { ok, refused, type Outcome } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { libraryProfile } from '../profile/active.js';

const cardSubject = (card: string) => `card:${card}`;
const lineSubject = (lineUserId: string) => `line:${lineUserId}`;

/**
 * Card number + password, throttled per card and per LINE user. Unknown card, wrong password and
 * a locked card get the same refusal and cost the same hash, so the answer tells nothing about
 * which cards exist.
 */
export async function verifyCredentials(
  db: Kysely<DB>,
  req: { cardNumber: string; password: string; lineUserId?: string },
  now: Date,
): Promise<Outcome<PatronRow>> {
  const subjects = [cardSubject(req.cardNumber), ...(req.lineUserId ? [lineSubject(req.lineUserId)] : [])];
  const patron = await findPatronByCard(db, req.cardNumber);
  const locked = (await Promise.all(subjects.map((s) => throttleOf(db, s)))).some((t) => isLocked(t, now));
  const matches = await verifyPassword(patron?.passwordHash ?? null, req.password);
  if (patron && matches && !locked) {
    await clearThrottle(db, cardSubject(req.cardNumber));
    return ok(patron);
  }
  await db.transaction().execute(async (tx) => {
    for (const s of subjects)
      await saveThrottle(tx, s, afterFailure(await throttleOf(tx, s, { forUpdate: true }), now));
    if (patron)
      await audit(tx, {
        actor: req.lineUserId
          ? { kind: 'patron', via: 'line', lineUserId: req.lineUserId }
          : { kind: 'patron', via: 'page' },
        action: 'login.failed',
        patronId: patron.id,
      });
  });
  return refused(refuse('CREDENTIALS_INVALID'));
}

/**
 * R-PW-2/3: a new password replaces the current one (the initial one or a later one). The policy
 * is checked before anything else, so an overlong input is never hashed.
 */
export async function changePassword(
  db: Kysely<DB>,
  req: { cardNumber: string; currentPassword: string; newPassword: string; newPasswordConfirm?: string },
  now: Date,
): Promise<Outcome<{ changed: true }>> {
  const policy = newPasswordRefusal(req.newPassword, req.newPasswordConfirm, libraryProfile().passwords);
  if (policy) return refused(policy);
  const who = await verifyCredentials(db, { cardNumber: req.cardNumber, password: req.currentPassword }, now);
  if (!who.ok) return who;
  const hash = await hashPassword(req.newPassword);
  await db.transaction().execute(async (tx) => {
    await setPasswordHash(tx, who.value.id, hash, false, now);
    await audit(tx, { actor: { kind: 'patron', via: 'page' }, action: 'password.change', patronId: who.value.id });
  });
  return ok({ changed: true });
}
