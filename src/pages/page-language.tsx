import { AsyncLocalStorage } from 'node:async_hooks';
import { currentLanguage, LANGUAGES, type Language } from '../lib/language.js';
import { messageTables } from '../messages/index.js';

/**
 * The address of the page being rendered (http/page-security.ts sets it for every patron page),
 * so each page can link to itself in the other languages without every handler passing it down.
 */
const pageUrl = new AsyncLocalStorage<URL>();

export function inPage<T>(url: string, work: () => T): T {
  return pageUrl.run(new URL(url), work);
}

/** This page in `language`: the same address and query (a link token, a mail's token) plus lang. */
function hrefIn(language: Language): string {
  const url = pageUrl.getStore();
  if (!url) return `?lang=${language}`;
  const params = new URLSearchParams(url.search);
  params.set('lang', language);
  return `${url.pathname}?${params.toString()}`;
}

/** 日本語 ・ English ・ やさしい日本語: each language in its own words, the current one not a link. */
export function LanguageLinks() {
  const now = currentLanguage();
  return (
    <nav class="languages" aria-label="Language / 言語">
      {LANGUAGES.map((language) => {
        const name = messageTables[language].languageChoice.names[language];
        return language === now ? (
          <strong lang={htmlLang(language)}>{name}</strong>
        ) : (
          <a href={hrefIn(language)} lang={htmlLang(language)} hreflang={htmlLang(language)}>
            {name}
          </a>
        );
      })}
    </nav>
  );
}

/** The page's `lang`: やさしい日本語 is Japanese to a browser and a screen reader. */
export function htmlLang(language: Language = currentLanguage()): string {
  return language === 'en' ? 'en' : 'ja';
}
