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
 * shelf status; a copy kept for a hold (or travelling to one) is not lendable to others.
 */
export function copyState(c: CopyFacts): CopyState {
  if (c.inLibraryOnly) return 'in_library_only';
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
export function lendableNow(copies: readonly CopyFacts[]): boolean {
  return copies.some((c) => copyState(c) === 'available');
}

/** R-SRCH-2: kamishibai are classified `C`; their call numbers start with `P`. */
export function isKamishibai(bib: { materialType: string; classification: string | null }): boolean {
  return bib.materialType === 'kamishibai' || (bib.classification ?? '').trim().toUpperCase() === 'C';
}

/** R-SRCH-3: a call number with `YA` marks young-adult material. */
export function isYoungAdult(callNumber: string): boolean {
  return /(^|[^A-Za-z])YA([^A-Za-z]|$)/.test(callNumber.normalize('NFKC').toUpperCase());
}
