// The words on each language's rich menus. Not part of the runtime table (./index.ts): only the
// menu files are made from them (scripts/richmenu-json.ts, docs/translating.md), and a tap sends
// the word back, which the router matches among every language's KEYWORDS.

import type { Language } from '../lib/language.js';
import { RICH_MENU as easy } from './easy/rich-menu.js';
import { RICH_MENU as en } from './en/rich-menu.js';
import { RICH_MENU as ja } from './ja/rich-menu.js';
import type { KEYWORDS } from './ja/chat.js';

/** The intents a tile may start: the keywords' own names (search, status, login …). */
export type MenuIntent = keyof typeof KEYWORDS;

export interface RichMenuWords {
  /** The text on the chat bar that opens the menu (LINE: at most 14 characters). */
  chatBarText: string;
  /** What a tile of each intent sends and shows (LINE: labels of at most 20 characters). */
  tiles: Partial<Record<MenuIntent, string>>;
}

export const richMenuWords: Readonly<Record<Language, RichMenuWords>> = { ja, en, easy } satisfies Record<
  Language,
  RichMenuWords
>;
