import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  consumeNonce,
  deleteLinkRequest,
  insertLinkRequest,
  insertNonce,
  linkRequestUser,
  liveLinkTokenOf,
} from '../db/account-links.js';
import { audit, type AuditActor } from '../db/audit.js';
import type { Executor } from '../db/executor.js';
import { touchLineUser } from '../db/line-users.js';
import type { DB } from '../db/schema.js';
import { tokyoDate } from '../domain/dates.js';
import { serviceRefusal } from '../domain/eligibility.js';
import { refuse } from '../domain/refusals.js';
import { verifyCredentials } from './credentials.js';
import { conflict, ok, refused, type Outcome } from './errors.js';
import { libraryProfile } from '../profile/active.js';
import { type CardLinked, FAMILY_CARD_LIMIT, familyOf, linkCard, unlinkAllCards, unlinkCard } from './family-cards.js';

/** Link tokens and nonces live 10 minutes: long enough to type a card number, short to steal. */
const LINK_TTL_MS = 10 * 60_000;
/** A token with less time than this left is not offered again: the patron may need it to type. */
const REUSE_MIN_LEFT_MS = 5 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const inLine = (lineUserId: string): AuditActor => ({ kind: 'patron', via: 'line', lineUserId });

/** Remembers which LINE user a link token was issued to, so the login page can finish their link. */
export async function rememberLinkToken(db: Executor, lineUserId: string, linkToken: string, now: Date): Promise<void> {
  // The user's row may not exist yet (a first message that asks to log in): the request refers to it.
  await touchLineUser(db, lineUserId, undefined, now);
  await insertLinkRequest(db, linkToken, lineUserId, new Date(now.getTime() + LINK_TTL_MS), now);
}

/**
 * A link token of this user that is unused and valid for a while yet, to offer again: a patron who
 * taps ご利用状況 twice gets the same login button, and LINE is not asked for a token per tap.
 */
export async function reusableLinkToken(db: Executor, lineUserId: string, now: Date): Promise<string | undefined> {
  return liveLinkTokenOf(db, lineUserId, new Date(now.getTime() + REUSE_MIN_LEFT_MS));
}

export async function linkTokenIsValid(db: Executor, linkToken: string, now: Date): Promise<boolean> {
  return (await linkRequestUser(db, linkToken, now)) !== undefined;
}

/**
 * The login page's POST: card number and password for a link token. On success a single-use nonce
 * (128 random bits; only its hash is stored) for LINE's account-link dialog. Unknown card, wrong
 * password and a locked card get the same refusal (CREDENTIALS_INVALID).
 */
export async function loginForAccountLink(
  db: Kysely<DB>,
  req: { linkToken: string; cardNumber: string; password: string },
  now: Date,
): Promise<Outcome<{ nonce: string; lineUserId: string }>> {
  const lineUserId = await linkRequestUser(db, req.linkToken, now);
  if (!lineUserId) return conflict('LINK_TOKEN_EXPIRED', 'the login link has expired');
  const who = await verifyCredentials(db, { cardNumber: req.cardNumber, password: req.password, lineUserId }, now);
  if (!who.ok) return who;
  // A family card (the LINE user has a card already) is linked whatever its eligibility: its
  // status says why it shows nothing (docs/family-cards.md). Six cards at most, said on the page.
  const family = await familyOf(db, lineUserId);
  if (family.length >= FAMILY_CARD_LIMIT && !family.some((c) => c.patronId === who.value.id))
    return refused(refuse('FAMILY_CARD_LIMIT', { limit: FAMILY_CARD_LIMIT }));
  // R-ELIG-3: logging in gives status and renewal; a patron who may not use them is told why.
  const eligibility =
    family.length > 0
      ? undefined
      : serviceRefusal(
          { ...who.value, hasPassword: who.value.passwordHash !== null },
          'status',
          tokyoDate(now),
          libraryProfile().services,
        );
  if (eligibility) return refused(eligibility);
  const nonce = randomBytes(16).toString('base64url');
  await insertNonce(
    db,
    { nonceHash: sha256(nonce), patronId: who.value.id, lineUserId, expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
    now,
  );
  // The patron goes to LINE with this token now, and LINE takes it once.
  await deleteLinkRequest(db, req.linkToken);
  await audit(db, { actor: inLine(lineUserId), action: 'login.nonce', patronId: who.value.id });
  return ok({ nonce, lineUserId });
}

/**
 * LINE's accountLink event: the nonce links the LINE user who sent it to the card. A forged,
 * reused or expired nonce, or one issued for another LINE user, links nothing.
 */
export async function completeAccountLink(
  db: Executor,
  req: { lineUserId: string; nonce: string },
  now: Date,
): Promise<Outcome<CardLinked>> {
  if (req.nonce.length > 200) return refused(refuse('CREDENTIALS_INVALID'));
  const n = await consumeNonce(db, sha256(req.nonce), now);
  if (!n || (n.lineUserId !== null && n.lineUserId !== req.lineUserId)) return refused(refuse('CREDENTIALS_INVALID'));
  const linked = await linkCard(db, req.lineUserId, n.patronId, now);
  if (!linked.ok) return linked;
  await audit(db, { actor: inLine(req.lineUserId), action: 'login.linked', patronId: n.patronId });
  return linked;
}

/**
 * The LINE user logs out (the chat): every card is unlinked. Staff unlinking a card at the console
 * (`byStaff`) unlink that card only; the family's other cards stay.
 */
export async function unlinkAccount(
  db: Executor,
  lineUserId: string,
  now: Date,
  byStaff?: { actor: AuditActor; patronId: string },
): Promise<boolean> {
  if (byStaff) {
    const r = await unlinkCard(db, lineUserId, byStaff.patronId, now, byStaff.actor);
    if (r.ok) await audit(db, { actor: byStaff.actor, action: 'logout', patronId: byStaff.patronId });
    return r.ok;
  }
  const was = await unlinkAllCards(db, lineUserId, now);
  if (was) await audit(db, { actor: inLine(lineUserId), action: 'logout' });
  return was;
}
