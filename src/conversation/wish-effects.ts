import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { walkInFacts } from '../services/walk-in.js';
import { removeFromWish, saveToWishList, wishListView } from '../services/wish-list.js';

/** The 読みたいリスト's effects and walk-in advice (issue 26), kept apart from effects.ts's list. */
export type WishEffect =
  | { kind: 'saveWish'; bibId: string }
  | { kind: 'removeWish'; bibId: string }
  | { kind: 'wishList'; page: number }
  | { kind: 'walkIn'; bibId: string };

export interface WishFacts {
  wishSaved?: Awaited<ReturnType<typeof saveToWishList>>;
  wishRemoved?: Awaited<ReturnType<typeof removeFromWish>>;
  wishList?: Awaited<ReturnType<typeof wishListView>>;
  /** R-WALK-1: a branch open today with a copy on the shelf; null: none. */
  walkIn?: Awaited<ReturnType<typeof walkInFacts>>;
}

export const WISH_WRITING_EFFECTS: readonly WishEffect['kind'][] = ['saveWish', 'removeWish'];

const WISH_KINDS: ReadonlySet<string> = new Set(['saveWish', 'removeWish', 'wishList', 'walkIn']);

export const isWishEffect = (e: { kind: string }): e is WishEffect => WISH_KINDS.has(e.kind);

/** Performs one of these effects for the patron (none when nobody is logged in, but walk-in advice). */
export async function runWishEffect(
  db: Kysely<DB>,
  e: WishEffect,
  patronId: string | null,
  now: Date,
  facts: WishFacts,
): Promise<void> {
  switch (e.kind) {
    case 'saveWish':
      if (patronId) facts.wishSaved = await saveToWishList(db, { patronId, bibId: e.bibId }, now);
      break;
    case 'removeWish':
      if (patronId) facts.wishRemoved = await removeFromWish(db, { patronId, bibId: e.bibId });
      break;
    case 'wishList':
      if (patronId) facts.wishList = await wishListView(db, patronId, e.page, now);
      break;
    case 'walkIn':
      facts.walkIn = await walkInFacts(db, patronId, e.bibId, now);
      break;
  }
}
