import { materialFilterOfWord } from '../domain/material-words.js';
import { SEARCH_PHRASES } from '../messages/current.js';

/** The words of a search typed as a sentence, and whether the sentence asks for a reservation. */
export interface SearchPhrase {
  words: string;
  reserve: boolean;
}

const MARKS = /[\s?？!！。.,、…‥~〜♪☆★]+$/u;
const endings = (question: boolean): [string, boolean][] =>
  [
    ...SEARCH_PHRASES.asking.map((e): [string, boolean] => [e, false]),
    ...(question ? SEARCH_PHRASES.questionOnly : []).map((e): [string, boolean] => [e, false]),
    ...SEARCH_PHRASES.reserving.map((e): [string, boolean] => [e, true]),
  ].sort((a, b) => b[0].length - a[0].length);
const STATEMENT_ENDINGS = endings(false);
const QUESTION_ENDINGS = endings(true);
const PARTICLES = [...SEARCH_PHRASES.particles].sort((a, b) => b.length - a.length);
const QUOTED = /^[「『"“'](.+)[」』"”']$/u;
/** Enough for the longest sentence patrons write (「の本はありますでしょうか？」 is four). */
const MAX_ROUNDS = 8;

/**
 * ぐりとぐらの本はありますか → ぐりとぐら; はらぺこあおむしを予約したい → はらぺこあおむし, reserve;
 * ぐりとぐらの絵本 → ぐりとぐら 絵本 (the material word narrows, domain/material-words.ts). Only
 * the end of the message is touched, so the words left are a prefix of those typed: every title
 * the whole sentence would find is still found. A message that is nothing but an ending
 * (『さがしています』 is a picture book) is searched as typed.
 */
export function searchPhrase(message: string): SearchPhrase {
  const typed = message.normalize('NFKC').trim();
  let s = typed;
  const ENDINGS = /[?？]\s*$/u.test(typed) ? QUESTION_ENDINGS : STATEMENT_ENDINGS;
  let reserve = false;
  let ended = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = s;
    s = s.replace(MARKS, '');
    const ending = ENDINGS.find(([e]) => s.endsWith(e) && s.length > e.length);
    if (ending) {
      s = s.slice(0, -ending[0].length).trimEnd();
      reserve ||= ending[1];
      ended = true;
    } else if (ended) {
      const p = PARTICLES.find((x) => s.endsWith(x) && s.length > x.length);
      if (p) s = s.slice(0, -p.length).trimEnd();
    }
    if (s === before) break;
  }
  s = splitMaterialWord(s);
  s = QUOTED.exec(s)?.[1]?.trim() ?? s;
  return s === '' ? { words: typed, reserve: false } : { words: s, reserve };
}

/** ぐりとぐらの絵本, ももたろうという紙芝居: the material word apart, as a word of its own. */
function splitMaterialWord(s: string): string {
  const chars = Array.from(s);
  for (let k = Math.min(8, chars.length - 1); k >= 1; k--) {
    const word = chars.slice(-k).join('');
    if (!materialFilterOfWord(word)) continue;
    const rest = chars.slice(0, -k).join('');
    const p = PARTICLES.find((x) => rest.endsWith(x) && rest.length > x.length);
    if (p) return `${rest.slice(0, -p.length).trimEnd()} ${word}`;
  }
  return s;
}
