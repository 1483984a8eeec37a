/**
 * Magazines: each issue is its own record titled '<magazine> <issue>'; exactly one
 * issue per magazine is the latest issue (最新号), which cannot be reserved (R-RES-1)
 * and is not lent. Call numbers 'Z <NDC>'. Section 41.
 */
import magazinesRows from './rows/magazines.json' with { type: 'json' };
import { rowsOf, section } from './helpers.js';
import type { DemoRecord } from './types.js';

const { magazine } = section(41);

/** The magazine names; every record title is one of these + ' ' + the issue. */
export const magazineNames = [
  'きょうの料理',
  '暮しの手帖',
  'Newton',
  'ダ・ヴィンチ',
  'NHKラジオ ラジオ英会話',
  '文藝春秋',
  'NHK趣味の園芸',
] as const;

// Each row of the data file holds the arguments of magazine(), in order: name, issue, titleKana, publisher, NDC,
// latest?, holdings
export const magazines: DemoRecord[] = rowsOf(magazine, magazinesRows);
