import { INTENT_ENDINGS, INTENT_PHRASES } from '../messages/current.js';

export type Intent = keyof typeof INTENT_PHRASES;

/**
 * NFKC, lower case, no spaces, katakana as hiragana: ヨヤク, よやく and ﾖﾔｸ are one phrase; the
 * curly apostrophes phones type are the straight one ("I can’t log in").
 */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, '')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const TRAILING_MARKS = /[?!。.,、…‥~〜・♪☆★]+$/u;
const ENDINGS = [...new Set(INTENT_ENDINGS.map(fold))].sort((a, b) => b.length - a.length);
const MAX_FORMS = 64;

/**
 * The message and every form of it without trailing marks and endings (予約したいです → 予約したい,
 * 予約した…, 予約), fewest strippings first. Every ending is tried, not only the longest:
 * 取り消したい is 取り消し + たい, not 取り消 + したい.
 */
function forms(text: string): string[] {
  const first = fold(text);
  const seen = new Set([first]);
  const queue = [first];
  for (let i = 0; i < queue.length && seen.size < MAX_FORMS; i++) {
    const f = queue[i]!;
    const next = [
      f.replace(TRAILING_MARKS, ''),
      ...ENDINGS.filter((e) => f.endsWith(e)).map((e) => f.slice(0, -e.length)),
    ];
    for (const n of next) {
      if (n !== '' && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return queue;
}

/**
 * A matcher for a table of phrases: the key whose phrase is the whole message, once folded and
 * stripped of trailing marks and endings; never a phrase inside longer words, so 『予約の世界史』
 * is not 予約. Reusable with any table (the router also uses it for keywords with an ending).
 */
export function phraseMatcher<K extends string>(table: Readonly<Record<K, readonly string[]>>) {
  const byPhrase = new Map<string, K>();
  for (const [key, phrases] of Object.entries(table) as [K, readonly string[]][])
    for (const p of phrases) if (!byPhrase.has(fold(p))) byPhrase.set(fold(p), key);
  return (text: string): K | undefined => {
    if (text.length > 60) return undefined;
    for (const f of forms(text)) {
      const key = byPhrase.get(f);
      if (key !== undefined) return key;
    }
    return undefined;
  };
}

/** The intent a whole message names (予約したい, 返却日は？, 開館時間 …), if any. */
export const matchIntent = phraseMatcher<Intent>(INTENT_PHRASES);
