// The language a reply, notice, mail or page is being written in. The conversation engine, the
// notice senders and the page routes run their work inside `inLanguage`, so the message table
// (src/messages/current.ts) and the profile's names answer in the patron's language without the
// language being passed through every function. Outside any scope the language is Japanese: the
// staff console, logs and jobs that write to no one in particular.

import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the bot speaks: 日本語, English, やさしい日本語 (docs/translating.md). */
export const LANGUAGES = ['ja', 'en', 'easy'] as const;
export type Language = (typeof LANGUAGES)[number];

const scope = new AsyncLocalStorage<Language>();

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Runs `work` (and everything it awaits) in `language`. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return scope.run(language, work);
}

/** The language of the work now running; Japanese outside any scope. */
export function currentLanguage(): Language {
  return scope.getStore() ?? 'ja';
}

/**
 * The language of a LINE user met for the first time, from their LINE profile's `language`
 * (a BCP 47 tag the LINE app sets from the phone): Japanese stays Japanese, every other language
 * gets English, which more residents read than any third language. やさしい日本語 is only ever
 * chosen by the patron.
 */
export function languageFromLineProfile(tag: string | undefined): Language {
  if (!tag) return 'ja';
  return tag.toLowerCase().split('-')[0] === 'ja' ? 'ja' : 'en';
}

/**
 * What a link to a patron page adds so the page opens in the language being written: nothing in
 * Japanese (the addresses CONTRACT.md names stay as they are), else `?lang=en` / `&lang=en`.
 */
export function pageLanguageQuery(separator: '?' | '&'): string {
  const language = currentLanguage();
  return language === 'ja' ? '' : `${separator}lang=${language}`;
}
