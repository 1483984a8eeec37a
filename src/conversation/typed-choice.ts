import { CHOICE_WORDS } from '../messages/current.js';
import { libraryProfile } from '../profile/active.js';

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const ENDINGS = [...CHOICE_WORDS.endings].sort((a, b) => b.length - a.length);
/** English endings in any case ("LINE, Please"); lower-casing leaves Japanese as it is. */
const endsWith = (s: string, e: string) => s.slice(-e.length).toLowerCase() === e.toLowerCase();

/**
 * The words as typed, and without what may follow a choice (東部でお願いします → 東部, LINEで →
 * LINE, はい、お願いします → はい): the typed words first, as お願いします alone is a yes.
 */
function forms(text: string): string[] {
  const typed = text.normalize('NFKC').trim();
  const bare = (s: string) => s.replace(/[\s。.!！、,]+$/u, '');
  let rest = bare(typed);
  for (let again = true; again; ) {
    const ending = ENDINGS.find((e) => rest.length > e.length && endsWith(rest, e));
    again = ending !== undefined;
    if (ending) rest = bare(rest.slice(0, -ending.length));
  }
  return rest === typed ? [typed] : [typed, rest];
}

/** ケ and ヶ are written either way in place names (鎌ケ谷 / 鎌ヶ谷). */
const sameKe = (s: string) => s.replace(/[ヶヵケ]/g, 'ケ');

const key = (s: string) => {
  // 本館 / 本, ○○分館 / ○○ / ○○館, <library name>本館: the name without what patrons leave out.
  const library = sameKe(squeeze(libraryProfile().library.name)).replace(/図書館$/, '');
  let k = sameKe(squeeze(s));
  if (library !== '' && k.startsWith(library)) k = k.slice(library.length);
  return k.replace(/^図書館/, '').replace(/(図書館|分館|館)$/, '');
};

/** "Tobu Branch", "tobu branch library", "Main Library" → tobu, main: letters only, without what is left out. */
const latinKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/(branchlibrary|branch|library)$/, '');

/** とうぶ ぶんかん, トウブ, ほんかん → とうぶ, ほん: kana without spaces, as hiragana, without (ぶん)かん. */
const kanaKey = (s: string) =>
  squeeze(s)
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/(ぶんかん|かん)$/, '');

/**
 * A branch's names in the profile's translations: the English one without its Japanese in brackets
 * ("Naka Branch (中町分館)" → Naka Branch), the reading of the やさしい日本語 one
 * ("中町分館（なかまち ぶんかん）" → なかまち ぶんかん).
 */
function translatedNames(code: string): { latin: string[]; kana: string[] } {
  const t = libraryProfile().translations;
  const en = t.en?.branches?.[code];
  const reading = /[（(]([^）)]+)[）)]/u.exec(t.easy?.branches?.[code] ?? '')?.[1];
  return {
    latin: en ? [latinKey(en.replace(/\s*[（(].*$/u, ''))].filter((k) => k !== '') : [],
    kana: reading ? [kanaKey(reading)].filter((k) => k !== '') : [],
  };
}

/**
 * The branch a typed word names, among those offered: with or without 館・分館, a short name of the
 * profile, or its name in the profile's translations (Tobu, Main Library, とうぶ, ほんかん).
 */
export function typedBranch<B extends { code: string; name: string }>(
  text: string,
  offered: readonly B[],
): B | undefined {
  const shortNames = (code: string) => libraryProfile().branches.find((b) => b.code === code)?.shortNames ?? [];
  for (const form of forms(text)) {
    const k = key(form);
    const found =
      k === ''
        ? undefined
        : offered.find((b) => key(b.name) === k || b.code === k || shortNames(b.code).some((n) => key(n) === k));
    if (found) return found;
  }
  for (const form of forms(text)) {
    const [latin, kana] = [latinKey(form), kanaKey(form)];
    const found = offered.find((b) => {
      const names = translatedNames(b.code);
      return (latin !== '' && names.latin.includes(latin)) || (kana !== '' && names.kana.includes(kana));
    });
    if (found) return found;
  }
  return undefined;
}

const same = (text: string, words: readonly string[]) =>
  forms(text).some((t) => words.some((w) => w.normalize('NFKC').toLowerCase() === t.toLowerCase()));

/** The contact method a typed word names, if any (連絡不要 / メール / LINE and their variants). */
export function typedContact(text: string): 'none' | 'email' | 'line' | undefined {
  for (const c of ['none', 'email', 'line'] as const) if (same(text, CHOICE_WORDS.contact[c])) return c;
  return undefined;
}

/** A typed yes (はい・送信) or no (いいえ). */
export const typedYes = (text: string) => same(text, CHOICE_WORDS.yes);
export const typedNo = (text: string) => same(text, CHOICE_WORDS.no);
