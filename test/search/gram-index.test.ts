import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTitles } from '../../src/db/catalog-search.js';
import type { DB } from '../../src/db/schema.js';
import { parseSearchQuery } from '../../src/domain/search-query.js';
import type { CatalogRecord } from '../../src/services/catalog.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addTitles } from '../helpers/library.js';
import { bruteForce, STRATEGIES } from './reference.js';

/**
 * The gram index against the reference model on random catalogs and queries made of the
 * characters that trouble a search: one character, half- and full-width kana, hiragana for
 * katakana, mixed scripts, dashes, LIKE's `%` and `_`, a backslash, an emoji, a CJK extension
 * kanji. Every way of finding hits must give the reference's titles, in one order.
 */
const piece = fc.constantFrom(
  'ね',
  'こ',
  'ネ',
  'ｺ',
  'ﾈ',
  'ﾞ',
  'が',
  'ｶﾞ',
  '猫',
  '犬',
  'の',
  '本',
  'A',
  'a',
  'Ｂ',
  '%',
  '_',
  '\\',
  '-',
  'ー',
  '・',
  ' ',
  '😀',
  '𠮷',
  '1',
  '１',
);
const words = (max: number) => fc.array(piece, { minLength: 1, maxLength: max }).map((a) => a.join(''));
const record = fc.record({
  title: words(8),
  titleKana: fc.option(words(6), { nil: undefined }),
  author: fc.option(words(4), { nil: undefined }),
  publisher: fc.option(words(3), { nil: undefined }),
});

const SEED = 20261128;
const catalog: CatalogRecord[] = fc.sample(record, { numRuns: 160, seed: SEED }).map((r, i) => ({
  ...r,
  year: 1990 + (i % 7),
  materialType: 'book',
  classification: ['913.6', 'C', '645'][i % 3],
  items: [{ barcode: `G${i}`, branch: 'honkan', callNumber: '913' }],
}));

// Queries: pieces of titles (so most find something), random words, fields, several words.
const query = fc.oneof(
  fc.tuple(fc.nat(159), fc.nat(8), fc.integer({ min: 1, max: 4 })).map(([i, at, n]) =>
    Array.from(catalog[i]!.title)
      .slice(at, at + n)
      .join(''),
  ),
  words(3),
  words(2).map((w) => `著者:${w}`),
  words(2).map((w) => `書名:${w}`),
  fc.tuple(words(2), words(2)).map(([a, b]) => `${a} ${b}`),
  words(1).map((w) => `${w} 分類:9`),
);
const QUERIES = fc.sample(query, { numRuns: 150, seed: SEED }).filter((q) => q.trim() !== '');

let close: () => Promise<void>;
let db: Kysely<DB>;
beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
  await addTitles(db, catalog);
});
afterAll(async () => {
  await close?.();
});

describe(`the gram index on random tricky catalogs (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('finds exactly what the reference finds, by the probe, the GIN index and the walk, in one order', async () => {
    let nonEmpty = 0;
    for (const text of QUERIES) {
      const expected = new Set(bruteForce(catalog, parseSearchQuery(text)).map((i) => catalog[i]!.items[0]!.barcode));
      const answers: string[][] = [];
      for (const tuning of STRATEGIES) {
        const r = await searchTitles(db, parseSearchQuery(text), {
          offset: 0,
          limit: 200,
          ...(tuning ? { tuning } : {}),
        });
        answers.push(r.hits.map((h) => h.copies[0]!.barcode));
      }
      expect(new Set(answers[0]), text).toEqual(expected);
      for (const a of answers.slice(1)) expect(a, text).toEqual(answers[0]);
      if (expected.size > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length / 3);
  });
});
