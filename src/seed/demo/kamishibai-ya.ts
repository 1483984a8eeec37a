/**
 * Kamishibai (紙芝居: classification 'C', call numbers 'P …', R-SRCH-2), section 22,
 * and young-adult material (call numbers 'YA …', R-SRCH-3), section 23.
 * ISBNs are format-valid (correct check digit) but not necessarily real.
 */
import kamishibaiSetRows from './rows/kamishibaiSet.json' with { type: 'json' };
import youngAdultRows from './rows/youngAdult.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { kamishibai } = section(22);
const { ya } = section(23);

// Each row of the data file holds the arguments of kamishibai(), in order: title, titleKana, author, publisher,
// year, isbn, author mark, holdings
export const kamishibaiSet: DemoRecord[] = rowsOf(kamishibai, kamishibaiSetRows);

// Each row of the data file holds the arguments of ya(), in order: title, titleKana, author, publisher, year,
// isbn, NDC, author mark, holdings
export const youngAdult: DemoRecord[] = rowsOf(ya, youngAdultRows);
