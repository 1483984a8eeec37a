import type { Mark } from './catalog-display.js';
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
  ざっし: 'magazine',
  magazine: 'magazine',
  紙芝居: 'kamishibai',
  かみしばい: 'kamishibai',
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

/**
 * What a material word typed alone narrows a search to: a material type, a classification
 * (read from the left, as `分類:` reads it), or a mark of a copy's call number. A filter with a type
 * and a classification takes either (紙芝居: type kamishibai, or classification C, R-SRCH-2).
 */
export type MaterialFilter =
  | { type: MaterialType; classification?: string }
  | { classification: string }
  | { mark: Mark };

/**
 * Material words that narrow a search when typed as a word (絵本, 紙芝居 ぐりとぐら, YA) instead of
 * being looked for in titles and authors: a patron who types 紙芝居 wants kamishibai, not titles
 * that say 紙芝居, and YA is a shelf, not an author's initials. 本 and 図書 are left out: they name
 * nearly everything and are words of titles (の本 at the end of a phrase is removed before, see
 * conversation/search-phrases.ts). `書名:紙芝居` still finds the word in titles.
 */
const FILTER_WORDS: Record<string, MaterialFilter> = {
  紙芝居: { type: 'kamishibai', classification: 'C' },
  かみしばい: { type: 'kamishibai', classification: 'C' },
  絵本: { classification: 'E' },
  えほん: { classification: 'E' },
  // Not picture book nor magazine: English words are title words too, and one word is one filter.
  kamishibai: { type: 'kamishibai', classification: 'C' },
  雑誌: { type: 'magazine' },
  ざっし: { type: 'magazine' },
  cd: { type: 'cd' },
  dvd: { type: 'dvd' },
  ビデオ: { type: 'video' },
  ビデオテープ: { type: 'video' },
  カセットテープ: { type: 'cassette' },
  ya: { mark: 'youngAdult' },
  ヤングアダルト: { mark: 'youngAdult' },
  大活字本: { mark: 'largePrint' },
  大活字: { mark: 'largePrint' },
};

const FILTER_BY_NORMALISED = new Map<string, MaterialFilter>(
  Object.entries(FILTER_WORDS).map(([word, filter]) => [normalizeForSearch(word), filter]),
);

/** The filter a word typed alone stands for, or undefined for a word to be searched as such. */
export function materialFilterOfWord(word: string): MaterialFilter | undefined {
  return FILTER_BY_NORMALISED.get(normalizeForSearch(word));
}
