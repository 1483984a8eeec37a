import { CHOICE_WORDS } from '../messages/ja/index.js';
import { libraryProfile } from '../profile/active.js';

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** ケ and ヶ are written either way in place names (鎌ケ谷 / 鎌ヶ谷). */
const sameKe = (s: string) => s.replace(/[ヶヵケ]/g, 'ケ');

const key = (s: string) => {
  // 本館 / 本, ○○分館 / ○○ / ○○館, <library name>本館: the name without what patrons leave out.
  const library = sameKe(squeeze(libraryProfile().library.name)).replace(/図書館$/, '');
  let k = sameKe(squeeze(s));
  if (library !== '' && k.startsWith(library)) k = k.slice(library.length);
  return k.replace(/^図書館/, '').replace(/(図書館|分館|館)$/, '');
};

/** The branch a typed word names (with or without 館・分館, or a short name of the profile), among those offered. */
export function typedBranch<B extends { code: string; name: string }>(
  text: string,
  offered: readonly B[],
): B | undefined {
  const k = key(text);
  if (k === '') return undefined;
  const shortNames = (code: string) => libraryProfile().branches.find((b) => b.code === code)?.shortNames ?? [];
  return offered.find((b) => key(b.name) === k || b.code === k || shortNames(b.code).some((n) => key(n) === k));
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
