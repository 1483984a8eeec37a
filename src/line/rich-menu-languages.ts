import type { messagingApi } from '@line/bot-sdk';
import { LANGUAGES, type Language } from '../lib/language.js';
import { type MenuIntent, richMenuWords } from '../messages/rich-menu-words.js';
import { MENU_NAME_PREFIX } from './rich-menu-rules.js';
import { type RichMenuAlias, richMenuAlias } from './rich-menus.js';

/**
 * The menus of the other languages are made from the Japanese ones (scripts/richmenu-json.ts,
 * docs/translating.md): the same tiles in the same places, each sending its intent's word in
 * that language. The Japanese files stay as they were written; they are the layout.
 */

export const MENU_STATES: readonly RichMenuAlias[] = ['logged-in', 'logged-out'];
/** The languages whose menus are made, not written: all but Japanese. */
export const MADE_LANGUAGES = LANGUAGES.filter((l) => l !== 'ja');

/** The intent of a tile of `language`'s menus, from the word it sends. */
export function tileIntent(text: string, language: Language = 'ja'): MenuIntent {
  const tiles = richMenuWords[language].tiles;
  const intent = (Object.keys(tiles) as MenuIntent[]).find((k) => tiles[k] === text);
  if (!intent) throw new Error(`"${text}" is no tile word of src/messages/${language}/rich-menu.ts`);
  return intent;
}

/** The state and language of a menu file's alias (`logged-in-en` → logged-in, en); undefined for a stranger. */
export function parseMenuAlias(alias: string): { which: RichMenuAlias; language: Language } | undefined {
  for (const which of MENU_STATES)
    for (const language of LANGUAGES) if (richMenuAlias(which, language) === alias) return { which, language };
  return undefined;
}

/** The Japanese menu of a state, with every tile's label and text in `language`. */
export function translatedMenu(
  ja: messagingApi.RichMenuRequest,
  which: RichMenuAlias,
  language: Language,
): messagingApi.RichMenuRequest {
  const words = richMenuWords[language];
  const areas = (ja.areas ?? []).map((area) => {
    const action = area.action as messagingApi.MessageAction;
    const intent = tileIntent(action.text ?? '');
    const word = words.tiles[intent];
    if (!word) throw new Error(`src/messages/${language}/rich-menu.ts has no tile word for ${intent}`);
    return { bounds: area.bounds, action: { type: 'message', label: word, text: word } as messagingApi.Action };
  });
  return {
    size: ja.size,
    selected: ja.selected,
    name: `${MENU_NAME_PREFIX}${richMenuAlias(which, language)}`,
    chatBarText: words.chatBarText,
    areas,
  };
}

const inline = (o: object) =>
  `{ ${Object.entries(o)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')} }`;

/** A menu as the files of richmenus/ are written (what `biome format` keeps): one line per size, bounds, action. */
export function richMenuJson(menu: messagingApi.RichMenuRequest): string {
  const areas = (menu.areas ?? []).map(
    (a) => `    {\n      "bounds": ${inline(a.bounds ?? {})},\n      "action": ${inline(a.action ?? {})}\n    }`,
  );
  return (
    `{\n  "size": ${inline(menu.size ?? {})},\n  "selected": ${JSON.stringify(menu.selected)},\n` +
    `  "name": ${JSON.stringify(menu.name)},\n  "chatBarText": ${JSON.stringify(menu.chatBarText)},\n` +
    `  "areas": [\n${areas.join(',\n')}\n  ]\n}\n`
  );
}
