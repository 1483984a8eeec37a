/**
 * General books, part 2: non-fiction (thinking, society, history, local history of
 * 鎌ケ谷 and 千葉, science, computers). Section 12. ISBNs are format-valid (correct
 * check digit) but not necessarily the real ISBN of the edition named.
 */
import nonfictionRows from './rows/nonfiction.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { book } = section(12);

// Each row of the data file holds the arguments of book(), in order: title, titleKana, author, publisher, year,
// isbn, NDC, author mark, holdings
export const nonfiction: DemoRecord[] = rowsOf(book, nonfictionRows);
