import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLanguage } from '../../src/lib/language.js';
import { messageTables } from '../../src/messages/index.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { hiddenValue, loginClient, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';

// Issue 28: the patron pages in the patron's language. The chat's links carry ?lang=; every page
// links to itself in the other languages; the choice is kept in a cookie for the form's answer.
const { ja, en, easy } = messageTables;
let t: TestApp;
let client: ReturnType<typeof loginClient>;
beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = loginClient(t);
});
afterAll(async () => t.close());

describe('the login page in three languages', () => {
  it('?lang=en: the page in English, lang="en", links to the Japanese and easy pages keep the link token', async () => {
    const { linkToken } = await client.visitor('en');
    const res = await t.app.request(`${ORIGIN}/login?linkToken=${encodeURIComponent(linkToken)}&lang=en`);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain(`<h1>${en.pages.login.title}</h1>`);
    expect(html).toContain(inLanguage('en', () => en.pages.libraryName));
    expect(html).not.toContain(`<h1>${ja.pages.login.title}</h1>`);
    // The form is the same form: the link token and the CSRF token are there.
    expect(hiddenValue(html, 'linkToken')).toBe(linkToken);
    expect(hiddenValue(html, 'csrfToken')).toBeTruthy();
    // Links to the same page in the other languages, the link token kept.
    const token = encodeURIComponent(linkToken);
    expect(html).toContain(`href="/login?linkToken=${token}&amp;lang=ja"`);
    expect(html).toContain(`/login?linkToken=${token}&amp;lang=easy`);
    expect(html).toContain(`<strong lang="en">${en.languageChoice.names.en}</strong>`);
    expect(res.headers.get('set-cookie')).toMatch(/^lang=en;/);
  });

  it('the cookie keeps the language for the next page; without either, Japanese', async () => {
    const { linkToken } = await client.visitor('cookie');
    const q = `?linkToken=${encodeURIComponent(linkToken)}`;
    const kept = await (await t.app.request(`${ORIGIN}/login${q}`, { headers: { cookie: 'lang=easy' } })).text();
    expect(kept).toContain(`<h1>${easy.pages.login.title}</h1>`);
    expect(kept).toMatch(/<html lang="ja">/);
    const plain = await (await t.app.request(`${ORIGIN}/login${q}`)).text();
    expect(plain).toContain(`<h1>${ja.pages.login.title}</h1>`);
    // A language that does not exist is not taken.
    const odd = await (await t.app.request(`${ORIGIN}/login${q}&lang=xx`)).text();
    expect(odd).toContain(`<h1>${ja.pages.login.title}</h1>`);
  });

  it('the password and e-mail pages have the language links too, in their language', async () => {
    for (const path of ['/password', '/email']) {
      const html = await (await t.app.request(`${ORIGIN}${path}?lang=en`)).text();
      expect(html, path).toMatch(/<html lang="en">/);
      expect(html, path).toContain(`${path}?lang=ja`);
      expect(html, path).toContain(`${path}?lang=easy`);
      // The card number and current password fields in English too (not read once at import).
      expect(html, path).toContain(en.accountPages.cardNumberLabel);
      expect(html, path).toContain(en.accountPages.currentPasswordLabel);
      expect(html, path).not.toContain(ja.accountPages.currentPasswordLabel);
    }
  });
});
