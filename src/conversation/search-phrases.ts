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
/** Enough for the longest sentence patrons write (「の本はありますでしょうか？」 is four). */
const MAX_ROUNDS = 8;
const LEADING: [string, boolean][] = [
  ...SEARCH_PHRASES.leadingAsking.map((e): [string, boolean] => [e, false]),
  ...SEARCH_PHRASES.leadingReserving.map((e): [string, boolean] => [e, true]),
].sort((a, b) => b[0].length - a[0].length);
const QUOTED = /^[「『"“'‘](.+)[」』"”'’]$/u;

/** Lower case, and the curly apostrophes phones type as the straight one: "I’m" is "i'm". Keeps the length. */
const folded = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'");
const endsWith = (s: string, e: string) => s.length > e.length && folded(s.slice(-e.length)) === folded(e);

/**
 * "do you have The Hobbit" → The Hobbit; "I want to reserve Momo" → Momo, reserve. English asks
 * first: a beginning is removed when a word boundary follows it and words are left.
 */
function leading(s: string): [string, boolean] {
  for (const [p, reserve] of LEADING) {
    if (s.length <= p.length || folded(s.slice(0, p.length)) !== folded(p)) continue;
    if (!/[\s,:]/u.test(s[p.length]!)) continue;
    const rest = s.slice(p.length).replace(/^[\s,:]+/u, '');
    if (rest !== '') return [rest, reserve];
  }
  return [s, false];
}

/**
 * ぐりとぐらの本はありますか → ぐりとぐら; はらぺこあおむしを予約したい → はらぺこあおむし, reserve;
 * ぐりとぐらの絵本 → ぐりとぐら 絵本 (the material word narrows, domain/material-words.ts). Only
 * the end of the message is touched, so the words left are a prefix of those typed: every title
 * the whole sentence would find is still found. English asks first ("do you have …"): those words
 * are removed from the start (`leading`). A message that is nothing but an ending (『さがしています』
 * is a picture book) is searched as typed.
 */
export function searchPhrase(message: string): SearchPhrase {
  const typed = message.normalize('NFKC').trim();
  let [s, reserve] = leading(typed);
  const ENDINGS = /[?？]\s*$/u.test(typed) ? QUESTION_ENDINGS : STATEMENT_ENDINGS;
  let ended = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = s;
    s = s.replace(MARKS, '');
    const ending = ENDINGS.find(([e]) => endsWith(s, e));
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
