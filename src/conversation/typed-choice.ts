import { CHOICE_WORDS } from '../messages/ja/index.js';

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
  for (const form of forms(text)) {
    const k = key(form);
    const found = k === '' ? undefined : offered.find((b) => key(b.name) === k || b.code === k);
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
