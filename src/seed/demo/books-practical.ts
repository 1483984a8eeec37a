/**
 * General books, part 3: practical books (cooking, gardening, health, money, home,
 * hobbies, travel guides). Section 13. ISBNs are format-valid (correct check digit)
 * but not necessarily the real ISBN of the edition named.
 */
import practicalRows from './rows/practical.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { book } = section(13);

// Each row of the data file holds the arguments of book(), in order: title, titleKana, author, publisher, year,
// isbn, NDC, author mark, holdings
export const practical: DemoRecord[] = rowsOf(book, practicalRows);
