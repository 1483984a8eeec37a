// R-WALK-1 (issue 26; docs/wish-list.md): walk-in advice at 予約申込. When a copy of the title is on
// the shelf of a branch that is open today and not yet closed, the patron is told so before the
// branch question: coming in today is quicker than a hold. Online holds that wait for the next
// opening day (R-RES-3, profile holds.promotion.waitForNextOpeningDay) are said to.

import { copyState, type CopyFacts } from './catalog-display.js';

export interface WalkInBranch {
  code: string;
  name: string;
  /** Today's hours from the profile, or null when the branch is closed today. */
  hoursToday: { open: string; close: string } | null;
}

export interface WalkInAdvice {
  branchName: string;
  close: string;
  /** Other branches open today with a copy on the shelf. */
  others: string[];
}

/**
 * The branches (in the library's order) open today, not yet closed at `time` (HH:MM, Tokyo), with
 * a lendable copy on the shelf; the patron's usual branch first. Null when there is none.
 */
export function walkInAdvice(
  copies: readonly (CopyFacts & { branch: string })[],
  branches: readonly WalkInBranch[],
  time: string,
  usualBranch: string | null = null,
  latestIssue = false,
): WalkInAdvice | null {
  const shelved = new Set(copies.filter((c) => copyState(c, latestIssue) === 'available').map((c) => c.branch));
  const open = branches.filter((b) => shelved.has(b.code) && b.hoursToday !== null && time < b.hoursToday.close);
  const usual = open.find((b) => b.code === usualBranch);
  const ordered = usual ? [usual, ...open.filter((b) => b !== usual)] : open;
  const first = ordered[0];
  if (!first?.hoursToday) return null;
  return { branchName: first.name, close: first.hoursToday.close, others: ordered.slice(1).map((b) => b.name) };
}
