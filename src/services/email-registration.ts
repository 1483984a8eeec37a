import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import {
  findEmailVerification,
  insertEmailVerification,
  markEmailVerificationUsed,
  retireOpenEmailVerifications,
} from '../db/email-verifications.js';
import { patronHasLineUser } from '../db/line-users.js';
import { insertNotice } from '../db/notices.js';
import { findPatron, setConfirmedEmail, type PatronRow } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { tokyoDate } from '../domain/dates.js';
import { emailAddressRefusal, type EmailType } from '../domain/email.js';
import { serviceRefusal } from '../domain/eligibility.js';
import { verifyCredentials } from './credentials.js';
import { inTransaction, ok, refused, type Outcome } from './errors.js';
import { libraryProfile } from '../profile/active.js';

/** R-MAIL-2: the link in the confirmation mail works for 24 hours, once. */
export const EMAIL_LINK_TTL_MS = 24 * 3_600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Both steps are the library's own pages (email-pages.ts, email-link-pages.ts). */
const ON_PAGE: AuditActor = { kind: 'patron', via: 'page' };

export interface EmailRequest {
  cardNumber: string;
  password: string;
  email: string;
  emailType: EmailType;
}

const eligibility = (p: PatronRow, now: Date) =>
  serviceRefusal({ ...p, hasPassword: p.passwordHash !== null }, 'email', tokyoDate(now), libraryProfile().services);

/**
 * The `変更` step (R-MAIL-1, R-ELIG-4): the address's shape first (no password is hashed for a
 * typo), then card and password (counted like a login), then whether this patron may register.
 */
export async function checkEmailRequest(db: Kysely<DB>, req: EmailRequest, now: Date): Promise<Outcome<PatronRow>> {
  const shape = emailAddressRefusal(req.email);
  if (shape) return refused(shape);
  const who = await verifyCredentials(db, { cardNumber: req.cardNumber, password: req.password }, now);
  if (!who.ok) return who;
  const refusal = eligibility(who.value, now);
  return refusal ? refused(refusal) : who;
}

/**
 * The `送信` step (R-MAIL-2): everything is checked again (the confirmation page is only a form),
 * then one transaction writes the verification (the token's hash only) and the confirmation mail
 * into the outbox. The patron's address does not change here. Older open links of the patron stop
 * working, so only the address asked for last can be confirmed.
 */
export async function requestEmailRegistration(
  db: Kysely<DB>,
  req: EmailRequest,
  now: Date,
): Promise<Outcome<{ noticeId: string; email: string; expiresAt: Date }>> {
  const checked = await checkEmailRequest(db, req, now);
  if (!checked.ok) return checked;
  const patron = checked.value;
  // 256 random bits (R-MAIL-2 asks for 128 or more), base64url so the link survives any mailer.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + EMAIL_LINK_TTL_MS);
  return inTransaction(db, async (tx) => {
    await retireOpenEmailVerifications(tx, patron.id, now);
    const verificationId = await insertEmailVerification(tx, {
      patronId: patron.id,
      email: req.email,
      emailType: req.emailType,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
    });
    const dedupeKey = `email_confirmation:${verificationId}`;
    // The outbox carries the token until the mail is out (delivery then deletes it from the row).
    await insertNotice(tx, {
      patronId: patron.id,
      kind: 'email_confirmation',
      channel: 'email',
      payload: { email: req.email, emailType: req.emailType, token, expiresAt: expiresAt.toISOString() },
      dedupeKey,
      dueAt: now,
    });
    const notice = await tx
      .selectFrom('notices')
      .select('id')
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();
    await audit(tx, {
      actor: ON_PAGE,
      action: 'email.request',
      patronId: patron.id,
      details: { verificationId, emailType: req.emailType },
    });
    return ok({ noticeId: notice.id, email: req.email, expiresAt });
  });
}

export type LinkState =
  | { state: 'valid'; verificationId: string; patronId: string; email: string; emailType: EmailType }
  | { state: 'unknown' | 'expired' | 'used' };

const MAX_TOKEN = 100;

/** What a confirmation link stands for now; reading it changes nothing. */
export async function emailLinkState(db: Kysely<DB>, token: unknown, now: Date): Promise<LinkState> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN) return { state: 'unknown' };
  const v = await findEmailVerification(db, sha256(token));
  if (!v) return { state: 'unknown' };
  if (v.usedAt !== null) return { state: 'used' };
  if (v.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return { state: 'valid', verificationId: v.id, patronId: v.patronId, email: v.email, emailType: v.emailType };
}

/**
 * `確定` (R-MAIL-2): the address becomes the patron's, and the link is spent, in one transaction
 * that locks the link's row, so two presses register once. R-ELIG-4 is asked again: a day may
 * have changed what the patron may do.
 */
export async function confirmEmailRegistration(
  db: Kysely<DB>,
  token: unknown,
  now: Date,
): Promise<Outcome<{ email: string }> | { ok: false; link: 'unknown' | 'expired' | 'used' }> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN) return { ok: false, link: 'unknown' };
  let link: 'unknown' | 'expired' | 'used' | undefined;
  const r = await inTransaction(db, async (tx) => {
    const v = await findEmailVerification(tx, sha256(token), { forUpdate: true });
    link = !v ? 'unknown' : v.usedAt !== null ? 'used' : v.expiresAt.getTime() <= now.getTime() ? 'expired' : undefined;
    if (!v || link) return ok(undefined);
    const patron = await findPatron(tx, v.patronId, { forUpdate: true });
    const refusal = patron ? eligibility(patron, now) : null;
    if (refusal) return refused(refusal);
    await setConfirmedEmail(tx, v.patronId, v.email, v.emailType, now);
    await markEmailVerificationUsed(tx, v.id, now);
    // The chat acknowledges it too, through the outbox: written with the change, pushed once.
    if (await patronHasLineUser(tx, v.patronId))
      await insertNotice(tx, {
        patronId: v.patronId,
        kind: 'email_confirmed',
        channel: 'line',
        payload: { email: v.email },
        dedupeKey: `email_confirmed:${v.id}`,
        dueAt: now,
      });
    await audit(tx, {
      actor: ON_PAGE,
      action: 'email.confirm',
      patronId: v.patronId,
      details: { verificationId: v.id },
    });
    return ok(v.email);
  });
  if (link) return { ok: false, link };
  if (!r.ok) return r;
  return ok({ email: r.value! });
}
