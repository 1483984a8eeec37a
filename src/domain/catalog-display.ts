/**
 * What the catalog shows about a title and its copies (R-SRCH-2..5), as facts; the Japanese
 * words for them are in messages/ja/.
 */
export type CopyState = 'available' | 'on_loan' | 'in_library_only' | 'on_hold_shelf' | 'in_transit' | 'unavailable';

export interface CopyFacts {
  status: string;
  inLibraryOnly: boolean;
}

/**
 * R-SRCH-5: a copy's state in the detail view. In-library-only copies say so whatever their
 * shelf status, and so does every copy of a magazine's latest issue: it is read in the library,
 * not lent (R-RES-1; checkout refuses it), so 貸出可 beside 「最新号は館内でご覧いただけます」
 * would contradict itself. A copy kept for a hold (or travelling to one) is not lendable to others.
 */
export function copyState(c: CopyFacts, latestIssue = false): CopyState {
  if (c.inLibraryOnly || latestIssue) return 'in_library_only';
  switch (c.status) {
    case 'available':
      return 'available';
    case 'on_loan':
      return 'on_loan';
    case 'on_hold_shelf':
      return 'on_hold_shelf';
    case 'in_transit':
      return 'in_transit';
    default:
      return 'unavailable';
  }
}

/** R-SRCH-4: 貸出：○ when at least one copy can be lent now, else 貸出：×. */
export function lendableNow(copies: readonly CopyFacts[], latestIssue = false): boolean {
  return copies.some((c) => copyState(c, latestIssue) === 'available');
}

/**
 * What the result list says of a title. R-SRCH-4 knows 貸出：○ (a copy can be lent now) and
 * 貸出：× (all copies out); a title whose every copy is for the library only is neither (its
 * copies are not out: they are on the shelf, to be read there), so it says 館内閲覧のみ.
 * A title with lendable copies all out and an in-library copy on the shelf is 貸出：×.
 */
export type TitleAvailability = 'lendable' | 'out' | 'in_library_only';

export function titleAvailability(copies: readonly CopyFacts[], latestIssue = false): TitleAvailability {
  if (lendableNow(copies, latestIssue)) return 'lendable';
  if (copies.length > 0 && copies.every((c) => copyState(c, latestIssue) === 'in_library_only'))
    return 'in_library_only';
  return 'out';
}

/** R-SRCH-2: kamishibai are classified `C`; their call numbers start with `P`. */
export function isKamishibai(bib: { materialType: string; classification: string | null }): boolean {
  return bib.materialType === 'kamishibai' || (bib.classification ?? '').trim().toUpperCase() === 'C';
}

/** R-SRCH-3: a call number with `YA` marks young-adult material. */
export function isYoungAdult(callNumber: string): boolean {
  return /(^|[^A-Za-z])YA([^A-Za-z]|$)/.test(callNumber.normalize('NFKC').toUpperCase());
}

/**
 * A call number with `大活字` marks a large-print edition (大活字本). The guide names no mark for
 * them; Japanese libraries shelve them apart with 大活字 on the spine label, and the demo
 * catalog does the same (docs/demo-library.md).
 */
export function isLargePrint(callNumber: string): boolean {
  return callNumber.normalize('NFKC').includes('大活字');
}

/** What the copies' call numbers mark on a title, searched by the material words YA and 大活字本. */
export type Mark = 'youngAdult' | 'largePrint';

export function marksOf(callNumbers: readonly string[]): Mark[] {
  return [
    ...(callNumbers.some(isYoungAdult) ? (['youngAdult'] as const) : []),
    ...(callNumbers.some(isLargePrint) ? (['largePrint'] as const) : []),
  ];
}
