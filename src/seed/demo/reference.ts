/**
 * Reference books for use in the library only (館内閲覧のみ): every copy is marked
 * `inLibraryOnly`, so they are neither lent nor reserved (R-RES-1). Call numbers
 * 'R <NDC>'. Section 51. ISBNs are format-valid (correct check digit) but not
 * necessarily real; local publications of 鎌ケ谷市 are illustrative.
 */
import referenceBooksRows from './rows/referenceBooks.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { reference } = section(51);

// Each row of the data file holds the arguments of reference(), in order: title, titleKana, author/editor,
// publisher, year, isbn, NDC, holdings
export const referenceBooks: DemoRecord[] = rowsOf(reference, referenceBooksRows);
