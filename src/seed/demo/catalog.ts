/**
 * The whole demo catalog, by kind and combined, and a lookup of copies by title
 * (used by the demo loans and holds so they never hard-code barcodes).
 */
import { audiovisual } from './audiovisual.js';
import { literature } from './books-literature.js';
import { nonfiction } from './books-nonfiction.js';
import { practical } from './books-practical.js';
import { children } from './children.js';
import { kamishibaiSet, youngAdult } from './kamishibai-ya.js';
import { largePrint } from './large-print.js';
import { magazines } from './magazines.js';
import { referenceBooks } from './reference.js';
import type { DemoRecord } from './types.js';

export const catalogByKind = {
  /** general books: literature, non-fiction, practical */
  general: [...literature, ...nonfiction, ...practical],
  /** picture books, children's novels and non-fiction */
  children,
  kamishibai: kamishibaiSet,
  youngAdult,
  /** large-print editions (大活字本) */
  largePrint,
  audiovisual,
  magazines,
  /** in-library-only reference books */
  reference: referenceBooks,
} as const satisfies Record<string, readonly DemoRecord[]>;

export const demoCatalog: DemoRecord[] = [
  ...catalogByKind.general,
  ...catalogByKind.children,
  ...catalogByKind.kamishibai,
  ...catalogByKind.youngAdult,
  ...catalogByKind.largePrint,
  ...catalogByKind.audiovisual,
  ...catalogByKind.magazines,
  ...catalogByKind.reference,
];

/** The record titled exactly `title`; throws when there is none or more than one. */
export function recordTitled(title: string): DemoRecord {
  const found = demoCatalog.filter((r) => r.title === title);
  const [record] = found;
  if (!record || found.length > 1) throw new Error(`demo catalog: ${found.length} records titled '${title}'`);
  return record;
}

/** The barcode of copy number `n` (1-based, in catalog order) of the title. */
export function copy(title: string, n = 1): string {
  const item = recordTitled(title).items[n - 1];
  if (!item) throw new Error(`demo catalog: '${title}' has no copy ${n}`);
  return item.barcode;
}
