// Every language's message table. A new language is a folder beside ja/ (en/index.ts exporting
// `en`) added here and to LANGUAGES (src/lib/language.ts); `satisfies` makes the compiler check
// that every language has a table and every table has the shape of `Messages`.

import type { Language } from '../lib/language.js';
import { easy } from './easy/index.js';
import { en } from './en/index.js';
import { ja } from './ja/index.js';
import type { Messages } from './table.js';

export type { Messages } from './table.js';
export type { Language } from '../lib/language.js';

export const messageTables = { ja, en, easy } as const satisfies Readonly<Record<Language, Messages>>;
