/**
 * General books, part 1: literature (Japanese and translated novels, essays).
 * Section 11. ISBNs are format-valid (correct check digit) but not necessarily the
 * real ISBN of the edition named.
 */
import literatureRows from './rows/literature.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { book } = section(11);

// Each row of the data file holds the arguments of book(), in order: title, titleKana, author, publisher, year,
// isbn, NDC, author mark, holdings
export const literature: DemoRecord[] = rowsOf(book, literatureRows);
