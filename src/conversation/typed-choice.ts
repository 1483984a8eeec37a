import { CHOICE_WORDS } from '../messages/current.js';
import { libraryProfile } from '../profile/active.js';

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const ENDINGS = [...CHOICE_WORDS.endings].sort((a, b) => b.length - a.length);

/**
 * The words as typed, and without what may follow a choice (東部でお願いします → 東部, LINEで →
 * LINE, はい、お願いします → はい): the typed words first, as お願いします alone is a yes.
 */
function forms(text: string): string[] {
  const typed = text.normalize('NFKC').trim();
  const bare = (s: string) => s.replace(/[\s。.!！、,]+$/u, '');
  let rest = bare(typed);
  for (let again = true; again; ) {
    const ending = ENDINGS.find((e) => rest.length > e.length && rest.endsWith(e));
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

/** The branch a typed word names (with or without 館・分館, or a short name of the profile), among those offered. */
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
