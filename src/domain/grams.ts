/**
 * The n-gram tokeniser of the catalog search, one for titles and for queries: the stored
 * bibs.search_grams and a query's grams come from this code, or the index would miss titles.
 * Text is first made by normalizeForSearch. A gram is one character or two adjacent characters
 * (code points: an emoji or a CJK extension kanji is one character).
 *
 * Why nothing is missed: a term of two or more characters occurs in a field only if each of
 * its adjacent pairs does, and a one-character term only if that character does; so "the
 * title's grams contain the term's grams" is necessary for a match. It is not sufficient
 * (猫の and の島 do not make 猫の島), so the SQL keeps its LIKE over the normalised columns,
 * which removes the titles that have the grams but not the term: no false hit.
 *
 * Grams are kept apart by field, so that a field search reads only its field's postings: the
 * title's and its reading's bare, the author's and the publisher's behind a two-character tag.
 * A bare gram has one or two characters and a tagged one three or more, so no tagged gram
 * equals a bare one.
 */
export const TAG = {
  author: 'a:',
  publisher: 'p:',
  /** The first one and two characters of the title and of its reading: title prefix (relevance). */
  start: '^:',
  /** The first 1..CLASS_PREFIX characters of the classification, which is matched from the left. */
  classification: 'c:',
  materialType: 'm:',
} as const;

const CLASS_PREFIX = 8;

export interface GramSource {
  /** normalizeForSearch of title, reading, author and publisher ('' when absent). */
  title: string;
  kana: string;
  author: string;
  publisher: string;
  classification: string | null;
  materialType: string;
}

/** Every gram of one title, distinct. */
export function searchGrams(s: GramSource): string[] {
  const out = new Set<string>();
  const add = (text: string, tag: string) => {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      out.add(tag + chars[i]!);
      if (i + 1 < chars.length) out.add(tag + chars[i]! + chars[i + 1]!);
    }
  };
  add(s.title, '');
  add(s.kana, '');
  add(s.author, TAG.author);
  add(s.publisher, TAG.publisher);
  // Both lengths: a one-character term asks for the one, a longer term for the two.
  for (const t of [s.title, s.kana])
    for (const n of [1, 2]) if (t !== '') out.add(startGram(Array.from(t).slice(0, n).join('')));
  const c = classificationKey(s.classification ?? '');
  for (let n = 1; n <= Math.min(CLASS_PREFIX, c.length); n++) out.add(TAG.classification + c.slice(0, n));
  out.add(TAG.materialType + s.materialType);
  return [...out];
}

/**
 * The bare grams a field must have to contain `term`: its one character, or its distinct
 * adjacent pairs (the pairs imply the characters). [] for '', which every field contains.
 */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

export const tagged = (tag: string, grams: readonly string[]): string[] => grams.map((g) => tag + g);

/** The gram of a title (or reading) beginning with `term`: its first two characters, or one. */
export function startGram(term: string): string {
  return TAG.start + Array.from(term).slice(0, 2).join('');
}

/** The classification as the SQL compares it: spaces trimmed at both ends, lower case. */
const classificationKey = (c: string) => c.replace(/^ +| +$/g, '').toLowerCase();

/**
 * The gram of classifications beginning with `term`, or undefined when the term is not plain
 * ASCII: PostgreSQL's lower() and JavaScript's agree on ASCII, and classifications (NDC, C, E)
 * are ASCII, so a term outside it is left to the LIKE alone rather than risk a miss.
 */
export function classificationGram(term: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(term)) return undefined;
  return TAG.classification + term.slice(0, CLASS_PREFIX);
}

export const materialTypeGram = (type: string): string => TAG.materialType + type;
