/**
 * Audiovisual material: CDs, DVDs, video tapes and cassette tapes. They can be lent
 * but never reserved (R-RES-1) nor renewed (R-LOAN-4). Section 31.
 */
import audiovisualRows from './rows/audiovisual.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { av } = section(31);

// Each row of the data file holds the arguments of av(), in order: type, title, titleKana, author/performer,
// publisher/label, year, NDC, holdings
export const audiovisual: DemoRecord[] = rowsOf(av, audiovisualRows);
