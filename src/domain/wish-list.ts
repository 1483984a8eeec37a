// 読みたいリスト (wish list) and the hold manager (issue 26, "beyond them"). Rules decided here,
// not in the library's guide; their IDs are listed in docs/wish-list.md:
// - R-WISH-1 saving: at most WISH_LIST_CAP titles; a title saved again is told it is there.
// - R-WISH-2 availability: each saved title shows where it is on the shelf, else on loan, and holds.
// - R-WISH-3 the hold manager: when a hold slot frees, the top wish-list title the patron may
//   reserve now is offered (never placed) once per freed slot.

import { copyState, type CopyFacts } from './catalog-display.js';
import { refuse, type Refusal } from './refusals.js';

/** R-WISH-1: a sane bound, not a library's rule: a longer list is no longer read. */
export const WISH_LIST_CAP = 100;

/** R-WISH-1: why a title is not saved, or null. The title's own fact (saved already) comes first. */
export function wishListRefusal(f: { alreadySaved: boolean; saved: number }, cap = WISH_LIST_CAP): Refusal | null {
  if (f.alreadySaved) return refuse('ALREADY_ON_WISH_LIST');
  if (f.saved >= cap) return refuse('WISH_LIST_FULL', { cap });
  return null;
}

export interface WishCopy extends CopyFacts {
  /** Where the copy stands now (copies float). */
  branch: string;
}

/**
 * R-WISH-2: what the list says of a title now: on the shelf (where; the patron's usual branch
 * first, and whether it is there), or out (every lendable copy on loan, kept or travelling), or
 * not lendable at all (館内閲覧のみ, no copies); with the holds waiting for it.
 */
export type WishAvailability =
  | { kind: 'onShelf'; branches: string[]; atUsualBranch: boolean; holds: number }
  | { kind: 'out'; holds: number }
  | { kind: 'notLendable'; holds: number };

export function wishAvailability(
  copies: readonly WishCopy[],
  holds: number,
  usualBranch: string | null,
  latestIssue = false,
): WishAvailability {
  const onShelf = [...new Set(copies.filter((c) => copyState(c, latestIssue) === 'available').map((c) => c.branch))];
  if (onShelf.length > 0) {
    const atUsualBranch = usualBranch !== null && onShelf.includes(usualBranch);
    const branches = atUsualBranch ? [usualBranch!, ...onShelf.filter((b) => b !== usualBranch)] : onShelf;
    // Copies on the shelf are lent to whoever comes first, and the holds in line get them first.
    return { kind: 'onShelf', branches, atUsualBranch, holds };
  }
  const lendable = copies.some((c) => copyState(c, latestIssue) !== 'in_library_only');
  return lendable ? { kind: 'out', holds } : { kind: 'notLendable', holds };
}

export interface WishCandidate {
  bibId: string;
  /** Why this title may not be reserved by this patron now (checkHold's answer), or null. */
  refusal: Refusal | null;
}

/**
 * R-WISH-3: the title the hold manager offers when a slot frees: the first in the list's order
 * (the oldest saved) that the patron may reserve now; none when the patron may not reserve at all
 * (R-ELIG-2) or is still at the cap (R-RES-2: a freed slot of a channel the cap does not count).
 * The offer is a button: the hold is placed only by the patron's tap, through the reservation's
 * own rules and confirmation, which are read again then.
 */
export function holdManagerOffer(
  list: readonly WishCandidate[],
  patron: { reserve: Refusal | null; countedHolds: number },
  rules: { limit: number },
): string | null {
  if (patron.reserve || patron.countedHolds >= rules.limit) return null;
  return list.find((c) => c.refusal === null)?.bibId ?? null;
}
