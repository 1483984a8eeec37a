import { readFile } from 'node:fs/promises';
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { route } from '../../src/conversation/router.js';
import { LANGUAGES } from '../../src/lib/language.js';
import {
  MADE_LANGUAGES,
  MENU_STATES,
  parseMenuAlias,
  richMenuJson,
  tileIntent,
  translatedMenu,
} from '../../src/line/rich-menu-languages.js';
import { RICH_MENU_LIMITS } from '../../src/line/rich-menu-rules.js';
import { RICH_MENUS_DIR, richMenuAlias } from '../../src/line/rich-menus.js';
import { messageTables } from '../../src/messages/index.js';
import { richMenuWords } from '../../src/messages/rich-menu-words.js';

/**
 * Issue 28: each language's rich menus are the Japanese ones with that language's words
 * (scripts/richmenu-json.ts). A tap sends its tile's word, so every word must take the patron
 * where the Japanese tile in the same place does, typed in any state of the conversation.
 */
const read = async (alias: string) =>
  JSON.parse(await readFile(`${RICH_MENUS_DIR}${alias}.json`, 'utf8')) as messagingApi.RichMenuRequest;
const textOf = (area: messagingApi.RichMenuArea) => (area.action as messagingApi.MessageAction).text;
const go = (text: string, waiting?: { flow: string; step: string; takesText: boolean }) => {
  const r = route({ kind: 'text', text }, waiting);
  return r && { flow: r.flow, step: r.step, resets: r.resets };
};
const CASES = LANGUAGES.flatMap((language) => MENU_STATES.map((which) => [which, language] as const));

describe.each(CASES)('richmenus/%s in %s', (which, language) => {
  const alias = richMenuAlias(which, language);

  it('every tile sends a word the router takes to the same place as the Japanese tile there', async () => {
    const [ja, menu] = await Promise.all([read(which), read(alias)]);
    expect(menu.areas?.map((a) => a.bounds)).toEqual(ja.areas?.map((a) => a.bounds));
    ja.areas!.forEach((jaArea, i) => {
      const text = textOf(menu.areas![i]!)!;
      const expected = go(textOf(jaArea)!);
      expect(expected?.resets, `${textOf(jaArea)} is a keyword`).toBe(true);
      expect(go(text), `${alias}: "${text}"`).toEqual(expected);
      // A tap while a question waits for typed words still starts the tile's flow.
      expect(go(text, { flow: 'search', step: 'field', takesText: true }), `${alias}: "${text}" mid-question`).toEqual(
        expected,
      );
    });
  });

  it("every tile's word is one of the language's own KEYWORDS for the tile's intent", async () => {
    const [ja, menu] = await Promise.all([read(which), read(alias)]);
    const keywords = messageTables[language].keywords as Record<string, readonly string[]>;
    ja.areas!.forEach((jaArea, i) => {
      const intent = tileIntent(textOf(jaArea)!);
      expect(keywords[intent]).toContain(textOf(menu.areas![i]!));
    });
  });

  it(`its chat bar says "${richMenuWords[language].chatBarText}"; its name carries its alias`, async () => {
    const menu = await read(alias);
    expect(menu.chatBarText).toBe(language === 'en' ? 'Menu' : 'メニュー');
    expect(menu.chatBarText!.length).toBeLessThanOrEqual(RICH_MENU_LIMITS.chatBarText);
    expect(menu.name).toBe(`kamagaya-${alias}`);
    expect(parseMenuAlias(alias)).toEqual({ which, language });
  });
});

describe('the menu files are what scripts/richmenu-json.ts makes', () => {
  it.each(MENU_STATES)(
    '%s: the Japanese file is written as the script writes files (so it could be remade)',
    async (which) => {
      const text = await readFile(`${RICH_MENUS_DIR}${which}.json`, 'utf8');
      expect(richMenuJson(JSON.parse(text))).toBe(text);
    },
  );

  it.each(MADE_LANGUAGES.flatMap((l) => MENU_STATES.map((w) => [w, l] as const)))(
    '%s-%s: committed as made from the Japanese file and the words (run `npm run richmenus:json` after a change)',
    async (which, language) => {
      const made = richMenuJson(translatedMenu(await read(which), which, language));
      expect(await readFile(`${RICH_MENUS_DIR}${richMenuAlias(which, language)}.json`, 'utf8')).toBe(made);
    },
  );

  it('every language has a word for every intent a Japanese tile has, within LINE’s 20 characters', () => {
    for (const language of LANGUAGES)
      for (const [intent, word] of Object.entries(richMenuWords.ja.tiles)) {
        expect(word, `ja ${intent}`).toBeTruthy();
        const own = richMenuWords[language].tiles[intent as keyof typeof richMenuWords.ja.tiles];
        expect(own, `${language} ${intent}`).toBeTruthy();
        expect(own!.length).toBeLessThanOrEqual(RICH_MENU_LIMITS.actionLabel);
        expect((messageTables[language].keywords as Record<string, readonly string[]>)[intent]).toContain(own);
      }
  });
});
