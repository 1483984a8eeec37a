import type { MaterialType } from './holds.js';
import { normalizeForSearch } from './normalize.js';

/**
 * R-SRCH-1: the words a patron may give for `資料種別:` (material type), in Japanese as the web
 * OPAC names them, or in English as the staff API does. Keys are written plainly and looked up
 * normalised, so ＣＤ, ﾋﾞﾃﾞｵ, びでお and Video all work.
 */
const WORDS: Record<string, MaterialType> = {
  本: 'book',
  図書: 'book',
  book: 'book',
  雑誌: 'magazine',
  magazine: 'magazine',
  紙芝居: 'kamishibai',
  kamishibai: 'kamishibai',
  cd: 'cd',
  dvd: 'dvd',
  ビデオ: 'video',
  ビデオテープ: 'video',
  video: 'video',
  カセット: 'cassette',
  カセットテープ: 'cassette',
  cassette: 'cassette',
};

const BY_NORMALISED = new Map<string, MaterialType>(
  Object.entries(WORDS).map(([word, type]) => [normalizeForSearch(word), type]),
);

/** The material type a word names, or undefined for a word the catalog does not know. */
export function materialTypeOfWord(word: string): MaterialType | undefined {
  return BY_NORMALISED.get(normalizeForSearch(word));
}
