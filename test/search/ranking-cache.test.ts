import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { batchedCopies } from '../../src/db/catalog-search.js';
import { RankingCache } from '../../src/db/search-ranking-cache.js';
import { searchCatalog } from '../../src/services/catalog-search.js';
import { testDatabase } from '../helpers/database.js';
import { addTitles } from '../helpers/library.js';

/**
 * The runtime keeps search rankings between events. What a patron sees must still be what a fresh
 * search would show: availability as of now, and titles added or removed by anyone (the staff API,
 * `npm run import`, another instance) as soon as they are in the catalog.
 */
let close: () => Promise<void>;
let db: Kysely<DB>;

beforeAll(async () => {
  const database = await testDatabase();
  db = database.db;
  close = database.close;
  await addTitles(db, [
    {
      title: '星の王子さま',
      materialType: 'book',
      items: [{ barcode: 'S1', branch: 'honkan', callNumber: '953 サ', inLibraryOnly: false }],
    },
    {
      title: '星を継ぐもの',
      materialType: 'book',
      items: [{ barcode: 'S2', branch: 'tobu', callNumber: '933 ホ', inLibraryOnly: false }],
    },
  ]);
});
afterAll(async () => close?.());

/** The database, counting the statements sent through it. */
function countingStatements() {
  let n = 0;
  const counting = db.withPlugin({
    transformQuery: (a) => {
      n++;
      return a.node;
    },
    transformResult: async (a) => a.result,
  });
  return { counting, statements: () => n };
}

const titles = async (rankings: RankingCache) =>
  (await searchCatalog(db, '星', 0, { rankings })).results.map((r) => r.title);

describe('kept search rankings', () => {
  it('show availability as it is now, not as it was when the ranking was kept', async () => {
    const rankings = new RankingCache();
    expect((await searchCatalog(db, '星の王子', 0, { rankings })).results[0]).toMatchObject({
      title: '星の王子さま',
      lendable: true,
    });
    await db.updateTable('items').set({ status: 'on_loan' }).where('barcode', '=', 'S1').execute();
    expect((await searchCatalog(db, '星の王子', 0, { rankings })).results[0]).toMatchObject({
      title: '星の王子さま',
      lendable: false,
    });
  });

  it(
    'are dropped when a title is added or removed behind ' + 'the process’s back, and the next search sees the change',
    async () => {
      const rankings = new RankingCache();
      expect(await titles(rankings)).toEqual(expect.arrayContaining(['星の王子さま', '星を継ぐもの']));
      expect(await titles(rankings)).toHaveLength(2);
      // The cache is told nothing: an import by this process or by another is the same to it.
      await addTitles(db, [{ title: '星の旅', materialType: 'book', items: [] }]);
      const afterAdd = await searchCatalog(db, '星', 0, { rankings });
      const fresh = await searchCatalog(db, '星', 0);
      expect(afterAdd.total).toBe(fresh.total);
      expect(afterAdd.results.map((r) => r.title)).toEqual(fresh.results.map((r) => r.title));

      await db.deleteFrom('bibs').where('title', '=', '星の旅').execute(); // plain SQL, as an operator would
      expect((await searchCatalog(db, '星', 0, { rankings })).total).toBe(2);
    },
  );

  it('are used again while the catalog is unchanged (the ranking is not run a second time)', async () => {
    const rankings = new RankingCache();
    await searchCatalog(db, '星を継ぐ', 0, { rankings });
    const { counting, statements } = countingStatements();
    await searchCatalog(counting, '星を継ぐ', 0, { rankings });
    // One statement: the copies of the kept page with the catalog generation.
    expect(statements()).toBe(1);
    const before = statements();
    await searchCatalog(counting, '星を継ぐ', 0);
    expect(statements() - before).toBeGreaterThan(1);
  });
});

describe('copies read together', () => {
  it(
    'give searches running at the same time each their own page; ' +
      'those that arrive while a read is in flight share the next one',
    async () => {
      const { counting, statements } = countingStatements();
      const rankings = new RankingCache();
      const copies = batchedCopies(counting);
      await searchCatalog(db, '星の王子', 0, { rankings });
      await searchCatalog(db, '星を継ぐ', 0, { rankings });
      const found = await Promise.all(
        ['星の王子', '星を継ぐ', '星を継ぐ', '星の王子'].map((q) => searchCatalog(db, q, 0, { rankings, copies })),
      );
      expect(found.map((f) => f.results.map((r) => r.title))).toEqual([
        ['星の王子さま'],
        ['星を継ぐもの'],
        ['星を継ぐもの'],
        ['星の王子さま'],
      ]);
      // The first goes out at once; the other three wait for it and go together.
      expect(statements()).toBe(2);
    },
  );
});
