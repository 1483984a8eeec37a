import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { familyOf, switchCard, unlinkCard, type LinkedCard } from '../services/family-cards.js';
import { patronStatus } from '../services/patron-view.js';

/** Family cards' effects (docs/family-cards.md), kept apart from effects.ts's list. */
export type FamilyEffect =
  | { kind: 'family' }
  | { kind: 'switchCard'; patronId: string }
  | { kind: 'unlinkCard'; patronId: string }
  | { kind: 'familyStatus' };

export interface FamilyFacts {
  /** The LINE user's cards, oldest link first, and the active one, as they are after the effects so far. */
  family?: { cards: LinkedCard[]; active: string | null };
  switched?: Awaited<ReturnType<typeof switchCard>>;
  unlinkedCard?: Awaited<ReturnType<typeof unlinkCard>>;
  familyStatus?: { card: LinkedCard; status: Awaited<ReturnType<typeof patronStatus>> }[];
}

export const FAMILY_WRITING_EFFECTS: readonly FamilyEffect['kind'][] = ['switchCard', 'unlinkCard'];

const FAMILY_KINDS: ReadonlySet<string> = new Set(['family', 'switchCard', 'unlinkCard', 'familyStatus']);

export const isFamilyEffect = (e: { kind: string }): e is FamilyEffect => FAMILY_KINDS.has(e.kind);

/**
 * Performs one of these effects for the LINE user; answers the active card after it (a switch or
 * an unlink changes it, and the effects after it act for that card).
 */
export async function runFamilyEffect(
  db: Kysely<DB>,
  e: FamilyEffect,
  lineUserId: string,
  patronId: string | null,
  now: Date,
  facts: FamilyFacts,
): Promise<string | null> {
  switch (e.kind) {
    case 'family':
      facts.family = { cards: await familyOf(db, lineUserId), active: patronId };
      return patronId;
    case 'switchCard':
      facts.switched = await switchCard(db, lineUserId, e.patronId, now);
      return facts.switched.ok ? e.patronId : patronId;
    case 'unlinkCard':
      facts.unlinkedCard = await unlinkCard(db, lineUserId, e.patronId, now);
      return facts.unlinkedCard.ok ? facts.unlinkedCard.value.active : patronId;
    case 'familyStatus': {
      const cards = await familyOf(db, lineUserId);
      facts.familyStatus = [];
      for (const card of cards) facts.familyStatus.push({ card, status: await patronStatus(db, card.patronId, now) });
      return patronId;
    }
  }
}
