import { CHOICE_WORDS } from '../messages/ja/index.js';

const key = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    // 本館 / 本, 東部分館 / 東部 / 東部館, 鎌ケ谷市立図書館本館: the name without what patrons leave out.
    .replace(/^(鎌ケ谷市立|鎌ヶ谷市立)?(図書館)?/, '')
    .replace(/(図書館|分館|館)$/, '');

/** The branch a typed word names (with or without 館・分館), among those offered. */
export function typedBranch<B extends { code: string; name: string }>(
  text: string,
  offered: readonly B[],
): B | undefined {
  const k = key(text);
  if (k === '') return undefined;
  return offered.find((b) => key(b.name) === k || b.code === k);
}

const same = (text: string, words: readonly string[]) => {
  const t = text.normalize('NFKC').trim().toLowerCase();
  return words.some((w) => w.normalize('NFKC').toLowerCase() === t);
};

/** The contact method a typed word names, if any (連絡不要 / メール / LINE and their variants). */
export function typedContact(text: string): 'none' | 'email' | 'line' | undefined {
  for (const c of ['none', 'email', 'line'] as const) if (same(text, CHOICE_WORDS.contact[c])) return c;
  return undefined;
}

/** A typed yes (はい・送信) or no (いいえ). */
export const typedYes = (text: string) => same(text, CHOICE_WORDS.yes);
export const typedNo = (text: string) => same(text, CHOICE_WORDS.no);
