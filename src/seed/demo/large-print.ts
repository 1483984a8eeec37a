/**
 * Large-print editions (大活字本: call numbers '大活字 …'), section 24. ISBNs are format-valid
 * (correct check digit) but not necessarily real.
 */
import largePrintRows from './rows/largePrint.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { largePrint: edition } = section(24);

// Each row of the data file holds the arguments of largePrint(), in order: title, titleKana, author, publisher,
// year, isbn, NDC, author mark, holdings
export const largePrint: DemoRecord[] = rowsOf(edition, largePrintRows);
