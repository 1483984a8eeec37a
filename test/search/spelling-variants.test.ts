import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { refreshSearchColumns } from '../../src/db/search-columns.js';
import { NORMALIZER_VERSION } from '../../src/domain/normalize.js';
import { searchCatalog } from '../../src/services/catalog-search.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addTitles, BOOK } from '../helpers/library.js';
import { KANA_PAIRS, KANJI_PAIRS, pairs } from './variant-pairs.js';

let close: () => Promise<void>;
let db: Kysely<DB>;

// Each pair is two titles, one in each spelling, told apart by a mark that no other title has.
const TABLES = { kanji: pairs(KANJI_PAIRS), kana: pairs(KANA_PAIRS) };
const mark = (table: keyof typeof TABLES, i: number, side: 'a' | 'b') =>
  `${table === 'kanji' ? '見本' : '標本'}${i}${side === 'a' ? '甲' : '乙'}`;
const ids = new Map<string, string>();

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
  const titles = Object.entries(TABLES).flatMap(([table, ps]) =>
    ps.flatMap(([a, b], i) => [
      `${a} ${mark(table as keyof typeof TABLES, i, 'a')}`,
      `${b} ${mark(table as keyof typeof TABLES, i, 'b')}`,
    ]),
  );
  const bibIds = await addTitles(
    db,
    titles.map((t) => BOOK(t, [])),
  );
  for (const [i, t] of titles.entries()) ids.set(t, bibIds[i]!);
});
afterAll(async () => {
  await close?.();
});

/** The pairs whose title in one spelling the other spelling does not find, alone, through the search service. */
async function misses(table: keyof typeof TABLES): Promise<string[]> {
  const out: string[] = [];
  for (const [i, [a, b]] of TABLES[table].entries()) {
    for (const [typed, side, written] of [
      [b, 'a', a],
      [a, 'b', b],
    ] as const) {
      const title = `${written} ${mark(table, i, side)}`;
      const r = await searchCatalog(db, `${typed} ${mark(table, i, side)}`, 0);
      if (r.results.length !== 1 || r.results[0]!.bibId !== ids.get(title)) out.push(`${typed} → ${title}`);
    }
  }
  return out;
}

describe(`spelling variants in the catalog search (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it(`R-SRCH-1: ${TABLES.kanji.length} 異体字 pairs, each spelling finds the title written in the other`, async () => {
    expect(TABLES.kanji.length).toBeGreaterThanOrEqual(100);
    expect(await misses('kanji')).toEqual([]);
  });

  it(`R-SRCH-1: ${TABLES.kana.length} kana spelling pairs, each finds the title written in the other`, async () => {
    expect(TABLES.kana.length).toBeGreaterThanOrEqual(100);
    expect(await misses('kana')).toEqual([]);
  });

  it('R-SRCH-1: a folded word alone finds every spelling of it, and no title without it', async () => {
    const [saito] = await addTitles(db, [BOOK('齊藤家の人々', [])]);
    const r = await searchCatalog(db, 'さいとう 斉藤', 0);
    expect(r.total).toBe(0);
    const first = await searchCatalog(db, '斉藤', 0);
    const found = [...first.results, ...(await searchCatalog(db, '斉藤', 1)).results];
    // 齋藤 斉藤 齊藤 斎藤 ×2 and 齋藤茂吉 斎藤茂吉 from the tables, and the one added here.
    expect(first.total).toBe(11);
    expect(found.map((t) => t.bibId)).toContain(saito);
    expect(found.filter((t) => /[斉斎齋齊]藤/u.test(t.title))).toHaveLength(11);
  });

  it('R-SRCH-1: a catalog normalised before the folding finds 斉藤 in 齋藤 once the start has refreshed it', async () => {
    const [old] = await addTitles(db, [BOOK('齋藤緑雨集', [])]);
    // As version 3 left it: no folding, and grams of that text.
    await db
      .updateTable('bibs')
      .set({
        norm_title: '齋藤緑雨集',
        search_grams: ['齋', '藤', '緑', '雨', '集', '齋藤', '藤緑', '緑雨', '雨集'],
        norm_version: 3,
      })
      .where('id', '=', old!)
      .execute();
    expect((await searchCatalog(db, '斉藤緑雨', 0)).total).toBe(0);
    expect(await refreshSearchColumns(db)).toBe(1);
    const r = await searchCatalog(db, '斉藤緑雨', 0);
    expect(r.results.map((t) => t.bibId)).toEqual([old]);
    const row = await db
      .selectFrom('bibs')
      .select(['norm_title', 'norm_version'])
      .where('id', '=', old!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ norm_title: '斉藤緑雨集', norm_version: NORMALIZER_VERSION });
  });
});
