import { audit, type AuditActor } from '../db/audit.js';
import type { Executor } from '../db/executor.js';
import {
  cardsOfLineUser,
  deleteCards,
  insertCard,
  lineUserOfCard,
  setActiveCard,
  type LinkedCard,
} from '../db/line-user-cards.js';
import { insertNotice } from '../db/notices.js';
import { refuse } from '../domain/refusals.js';
import { notFound, ok, refused, type Outcome } from './errors.js';

export type { LinkedCard };

/** Cards one LINE user may link (docs/family-cards.md): a household's, like the web service's limit of one each. */
export const FAMILY_CARD_LIMIT = 6;

const inLine = (lineUserId: string): AuditActor => ({ kind: 'patron', via: 'line', lineUserId });

export const familyOf = cardsOfLineUser;

/** What linking a card did: which LINE user lost it (told by a notice), and whether they have none left. */
export interface CardLinked {
  patronId: string;
  movedFrom?: { lineUserId: string; loggedOut: boolean };
}

/**
 * Adds a card to the LINE user's cards and makes it the active one. A card linked to another LINE
 * user moves here (a card has one LINE user at most); that user is told by a notice addressed to
 * them (notices.line_user_id), pushed with its own retry key like every notice.
 */
export async function linkCard(
  db: Executor,
  lineUserId: string,
  patronId: string,
  now: Date,
): Promise<Outcome<CardLinked>> {
  const mine = await cardsOfLineUser(db, lineUserId);
  if (!mine.some((c) => c.patronId === patronId) && mine.length >= FAMILY_CARD_LIMIT)
    return refused(refuse('FAMILY_CARD_LIMIT', { limit: FAMILY_CARD_LIMIT }));
  const before = await lineUserOfCard(db, patronId);
  let movedFrom: CardLinked['movedFrom'];
  if (before !== undefined && before !== lineUserId) {
    const left = await detach(db, before, patronId, now);
    movedFrom = { lineUserId: before, loggedOut: left === null };
    await insertNotice(db, {
      patronId,
      lineUserId: before,
      kind: 'card_moved',
      channel: 'line',
      payload: { movedAt: now.toISOString() },
      dedupeKey: `card_moved:${patronId}:${before}:${now.getTime()}`,
      dueAt: now,
    });
    await audit(db, { actor: inLine(lineUserId), action: 'family.moved', patronId, details: { from: before } });
  }
  // A card linked here already keeps its place in the list; it only becomes the active one.
  if (!mine.some((c) => c.patronId === patronId)) await insertCard(db, lineUserId, patronId, now);
  await setActiveCard(db, lineUserId, patronId, now);
  return ok(movedFrom ? { patronId, movedFrom } : { patronId });
}

/** Removes one card from a LINE user; the active card, if it was that one, becomes the next (or none). */
async function detach(db: Executor, lineUserId: string, patronId: string, now: Date): Promise<string | null> {
  await deleteCards(db, lineUserId, patronId);
  const rest = await cardsOfLineUser(db, lineUserId);
  const active = await activeCard(db, lineUserId);
  const next = active !== null && active !== patronId ? active : (rest[0]?.patronId ?? null);
  await setActiveCard(db, lineUserId, next, now);
  return next;
}

async function activeCard(db: Executor, lineUserId: string): Promise<string | null> {
  const r = await db
    .selectFrom('line_users')
    .select('patron_id')
    .where('line_user_id', '=', lineUserId)
    .executeTakeFirst();
  return r?.patron_id == null ? null : String(r.patron_id);
}

/**
 * A card named in a postback is one of this LINE user's cards, or the action is refused and
 * the attempt recorded (IDOR: a tapped or forged postback never reaches another patron's card).
 */
async function ownCard(db: Executor, lineUserId: string, patronId: string): Promise<LinkedCard | undefined> {
  const card = /^\d{1,18}$/.test(patronId)
    ? (await cardsOfLineUser(db, lineUserId)).find((c) => c.patronId === patronId)
    : undefined;
  if (!card)
    await audit(db, {
      actor: inLine(lineUserId),
      action: 'family.refused',
      details: { card: patronId.slice(0, 40) },
    });
  return card;
}

/** Makes one of the LINE user's cards the active one. */
export async function switchCard(
  db: Executor,
  lineUserId: string,
  patronId: string,
  now: Date,
): Promise<Outcome<LinkedCard>> {
  const card = await ownCard(db, lineUserId, patronId);
  if (!card) return notFound('patron', patronId);
  if ((await activeCard(db, lineUserId)) !== patronId) {
    await setActiveCard(db, lineUserId, patronId, now);
    await audit(db, { actor: inLine(lineUserId), action: 'family.switch', patronId });
  }
  return ok(card);
}

/** Unlinks one of the LINE user's cards; answers the card that is active now (null: logged out). */
export async function unlinkCard(
  db: Executor,
  lineUserId: string,
  patronId: string,
  now: Date,
  actor: AuditActor = inLine(lineUserId),
): Promise<Outcome<{ active: string | null; name: string }>> {
  const card = await ownCard(db, lineUserId, patronId);
  if (!card) return notFound('patron', patronId);
  const active = await detach(db, lineUserId, patronId, now);
  await audit(db, { actor, action: 'family.unlink', patronId });
  return ok({ active, name: card.name });
}

/** Unlinks every card of the LINE user (ログアウト); answers whether there was any. */
export async function unlinkAllCards(db: Executor, lineUserId: string, now: Date): Promise<boolean> {
  const removed = await deleteCards(db, lineUserId);
  const was = await activeCard(db, lineUserId);
  await setActiveCard(db, lineUserId, null, now);
  return removed.length > 0 || was !== null;
}
