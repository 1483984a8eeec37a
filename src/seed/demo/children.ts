/**
 * Children's books: picture books (classification and call number 'E'), children's
 * novels and children's non-fiction. Section 21. ISBNs are format-valid (correct
 * check digit) but not necessarily the real ISBN of the edition named.
 */
import childrenRows from './rows/children.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { book } = section(21);

// Each row of the data file holds the arguments of book(), in order: title, titleKana, author, publisher, year,
// isbn, NDC ('E' = picture book), author mark, holdings
export const children: DemoRecord[] = rowsOf(book, childrenRows);
