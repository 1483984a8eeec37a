// Every language's message table. A new language is a folder beside ja/ (en/index.ts exporting
// `en`) added here; `satisfies` makes the compiler check it has the shape of `Messages`.

import { easy } from './easy/index.js';
import { ja } from './ja/index.js';
import type { Messages } from './table.js';

export type { Messages } from './table.js';

export const messageTables = { ja, easy } as const satisfies Readonly<Record<string, Messages>>;

/** The languages there is a table for. */
export type Language = keyof typeof messageTables;
