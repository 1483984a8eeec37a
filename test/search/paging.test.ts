import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP, searchTitles } from '../../src/db/catalog-search.js';
import type { DB } from '../../src/db/schema.js';
import { parseSearchQuery } from '../../src/domain/search-query.js';
import type { CatalogRecord } from '../../src/services/catalog.js';
import { searchCatalog } from '../../src/services/catalog-search.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addTitles } from '../helpers/library.js';
import { STRATEGIES } from './reference.js';

let close: () => Promise<void>;
let db: Kysely<DB>;

const title = (t: string, extra: Partial<CatalogRecord> = {}): CatalogRecord => ({
  title: t,
  materialType: 'book',
  items: [],
  ...extra,
});

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
  // 25 titles for paging, years repeating so that the id decides within a year.
  // By the author of the next thousand too: 甲野 is then in 1,025 authors and in no title.
  await addTitles(
    db,
    Array.from({ length: 25 }, (_, i) => title(`ページ送りの本 ${i}`, { year: 2000 + (i % 7), author: '甲野 一' })),
  );
  // 1,100 titles sharing a word: 1,000 by one author and 100 by another; picture books (E) but
  // every twentieth.
  await addTitles(
    db,
    Array.from({ length: 1100 }, (_, i) =>
      title(`まとめて読む ${i}`, { author: i < 1000 ? '甲野 一' : '乙山 二', classification: i % 20 ? 'E' : '913' }),
    ),
  );
});
afterAll(async () => {
  await close?.();
});

/** One page, the same by the probe, by the GIN index and by the walk (more than 1000 hits take each way). */
async function page(text: string, offset: number, limit = 10) {
  const answers = await Promise.all(
    STRATEGIES.map((tuning) =>
      searchTitles(db, parseSearchQuery(text), { offset, limit, ...(tuning ? { tuning } : {}) }),
    ),
  );
  for (const a of answers.slice(1)) expect(a, `${text} @${offset}`).toEqual(answers[0]);
  return answers[0]!;
}

describe(`search paging and counting (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('offset 10 gives the next 10: pages do not overlap and together are every hit, in one order', async () => {
    const pages = await Promise.all([0, 10, 20].map((o) => page('ページ送り', o)));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
    const ids = pages.flatMap((p) => p.hits.map((h) => h.bibId));
    expect(new Set(ids).size).toBe(25);
    const all = await page('ページ送り', 0, 100);
    expect(ids).toEqual(all.hits.map((h) => h.bibId));
    const years = all.hits.map((h) => h.year!);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('a page past the end is empty and still tells the total', async () => {
    expect(await page('ページ送り', 30)).toEqual({ total: 25, capped: false, hits: [] });
  });

  it('more than 1000 hits count as 1000, capped', async () => {
    const first = await page('まとめて', 0);
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(first.hits).toHaveLength(10);
    expect(await page('まとめて', 1095)).toMatchObject({ total: COUNT_CAP, capped: true });
    expect((await page('まとめて', 990)).hits).toHaveLength(10);
  });

  it(
    'past the cap, pages come in one order by each way ' + 'of finding them, for one character and for a word',
    async () => {
      // ま is in every まとめて title; 読 too; 1 in a title number, an author and no title start.
      for (const q of ['ま', '読む', 'まとめて 1', '著者:甲野', '1', '甲野', '甲野 読む']) {
        const [p0, p1] = [await page(q, 0), await page(q, 10)];
        expect(p0.total, q).toBeLessThanOrEqual(1000);
        expect(
          p0.hits.filter((h) => p1.hits.some((x) => x.bibId === h.bibId)),
          q,
        ).toEqual([]);
      }
    },
  );

  it('a material word with a common word: past the cap, pages come in one order by each way', async () => {
    // 絵本 is in no title: it narrows to the picture books, 1,045 of まとめて and 950 of 甲野's.
    expect(await page('絵本 甲野', 0)).toMatchObject({ total: 950, capped: false });
    for (const q of ['まとめて 絵本', '絵本 読む', '絵本 ま', 'ま 絵本']) {
      const [p0, p1] = [await page(q, 0), await page(q, 10)];
      expect(p0, q).toMatchObject({ total: COUNT_CAP, capped: true });
      expect(
        p0.hits.filter((h) => p1.hits.some((x) => x.bibId === h.bibId)),
        q,
      ).toEqual([]);
    }
  });

  it('exactly 1000 hits are counted exactly, and fewer too', async () => {
    expect(await page('まとめて 著者:甲野', 0)).toMatchObject({ total: 1000, capped: false });
    expect(await page('まとめて 著者:乙山', 0)).toMatchObject({ total: 100, capped: false });
    expect(await page('まとめて 著者:乙山', 100)).toEqual({ total: 100, capped: false, hits: [] });
  });

  it('the service pages by 10 and says whether a next page exists', async () => {
    const p0 = await searchCatalog(db, 'ページ送り', 0);
    const p2 = await searchCatalog(db, 'ページ送り', 2);
    expect([p0.hasNext, p0.results.length, p2.hasNext, p2.results.length]).toEqual([true, 10, false, 5]);
    const last = await searchCatalog(db, 'まとめて', 99);
    expect(last).toMatchObject({ total: 1000, capped: true, page: 99, hasNext: false });
    expect(last.results).toHaveLength(10);
    expect((await searchCatalog(db, 'まとめて', 98)).hasNext).toBe(true);
  });

  it('a page number that is not a whole number ≥ 0 is the first page', async () => {
    for (const n of [-1, 1.5, Number.NaN]) expect((await searchCatalog(db, 'ページ送り', n)).page).toBe(0);
  });
});
