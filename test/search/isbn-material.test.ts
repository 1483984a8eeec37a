import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCatalogKeys } from '../../src/db/catalog-keys.js';
import type { DB } from '../../src/db/schema.js';
import type { CatalogRecord } from '../../src/services/catalog.js';
import { importCatalogBatch } from '../../src/services/catalog.js';
import { searchCatalog } from '../../src/services/catalog-search.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addTitles } from '../helpers/library.js';

let close: () => Promise<void>;
let db: Kysely<DB>;

let copies = 0;
const copy = (callNumber: string, barcode = `X${++copies}`) => ({ barcode, branch: 'honkan', callNumber });
const rec = (title: string, callNumber: string, extra: Partial<CatalogRecord> = {}): CatalogRecord => ({
  title,
  materialType: 'book',
  ...extra,
  items: [copy(callNumber)],
});

const CATALOG: CatalogRecord[] = [
  rec('ぐりとぐら', 'E ナ', { isbn: '9784834000825', classification: 'E', author: 'なかがわりえこ' }),
  // The same work in another edition: an ISBN-10 in the record, found by its ISBN-13 too.
  rec('ぐりとぐらのえんそく', 'E ナ', { isbn: '4-8340-0841-X', classification: 'E' }),
  rec('絵本の歴史', '019.5 エ', { classification: '019.5' }),
  rec('おおきなかぶ', 'P コ', { materialType: 'kamishibai', classification: 'C' }),
  rec('紙芝居のつくりかた', '779.8 カ', { classification: '779.8' }),
  rec('ももたろう', 'P マ', { materialType: 'kamishibai', classification: ' c ' }),
  rec('13歳のハローワーク', 'YA 366 ム', { classification: '366.29', author: '村上龍' }),
  rec('ヤングアダルトの本', '019 ヤ', { classification: '019', author: 'Yagi Kenta' }),
  rec('Yamakei guide', '291 ヤ', { publisher: 'YAMA-KEI', author: 'Maya Sato' }),
  rec('鉄道員 ぽっぽや', '大活字 913 ア', { author: '浅田次郎' }),
  rec('鉄道員', '913.6 ア', { author: '浅田次郎' }),
  rec('となりのトトロ', 'DVD 778', { materialType: 'dvd', classification: '778.77' }),
  rec('CDの歴史', '760 シ', { classification: '760' }),
  rec('ベスト・クラシック', 'CD 764', { materialType: 'cd', classification: '764' }),
  rec('月刊 たくさんのふしぎ', 'Z 405', { materialType: 'magazine' }),
];

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
  await addTitles(db, CATALOG);
});
afterAll(async () => {
  await close?.();
});

const titles = async (q: string) => (await searchCatalog(db, q, 0)).results.map((r) => r.title).sort();

describe(`ISBN and material words (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('an ISBN finds its title and only it, in every form a patron types', async () => {
    for (const q of [
      '9784834000825',
      '978-4-8340-0082-5',
      '４８３４０００８２６',
      '4-8340-0082-6',
      '4834000826',
      'ISBN978-4-8340-0082-5',
      'ISBN 4-8340-0082-6',
    ]) {
      expect(await titles(q), q).toEqual(['ぐりとぐら']);
    }
  });

  it('a record with an ISBN-10 is found by its ISBN-13, and one with an X check digit by either', async () => {
    expect(await titles('9784834008418')).toEqual(['ぐりとぐらのえんそく']);
    expect(await titles('483400841x')).toEqual(['ぐりとぐらのえんそく']);
    expect(await titles('4-8340-0841-Ｘ')).toEqual(['ぐりとぐらのえんそく']);
  });

  it('a number that is no ISBN (wrong check digit) finds nothing rather than a neighbour', async () => {
    expect(await titles('9784834000826')).toEqual([]);
    expect(await titles('4834000827')).toEqual([]);
  });

  it('an ISBN with a word narrows to that title when the word fits it, else nothing', async () => {
    expect(await titles('9784834000825 ぐり')).toEqual(['ぐりとぐら']);
    expect(await titles('9784834000825 トトロ')).toEqual([]);
  });

  it('R-SRCH-2: 紙芝居 alone finds the kamishibai (type or classification C), not titles with the word', async () => {
    expect(await titles('紙芝居')).toEqual(['おおきなかぶ', 'ももたろう']);
    expect(await titles('かみしばい')).toEqual(['おおきなかぶ', 'ももたろう']);
    expect(await titles('ももたろう 紙芝居')).toEqual(['ももたろう']);
    expect(await titles('書名:紙芝居')).toEqual(['紙芝居のつくりかた']);
  });

  it('絵本 finds picture books (classification E), with other words too', async () => {
    expect(await titles('絵本')).toEqual(['ぐりとぐら', 'ぐりとぐらのえんそく']);
    expect(await titles('ぐりとぐら 絵本')).toEqual(['ぐりとぐら', 'ぐりとぐらのえんそく']);
    expect(await titles('えんそく えほん')).toEqual(['ぐりとぐらのえんそく']);
  });

  it('R-SRCH-3: YA finds the titles whose call number carries YA, never an author or publisher with ya', async () => {
    expect(await titles('YA')).toEqual(['13歳のハローワーク']);
    expect(await titles('ｙａ')).toEqual(['13歳のハローワーク']);
    expect(await titles('ヤングアダルト')).toEqual(['13歳のハローワーク']);
    expect(await titles('YA 村上')).toEqual(['13歳のハローワーク']);
    expect(await titles('YA 浅田')).toEqual([]);
    const r = await searchCatalog(db, 'YA', 0);
    expect(r.results[0]?.youngAdult).toBe(true);
  });

  it('大活字本 finds the large-print editions only', async () => {
    expect(await titles('大活字本')).toEqual(['鉄道員 ぽっぽや']);
    expect(await titles('鉄道員 大活字本')).toEqual(['鉄道員 ぽっぽや']);
    expect(await titles('鉄道員')).toEqual(['鉄道員', '鉄道員 ぽっぽや']);
  });

  it('CD, DVD and 雑誌 narrow by material type', async () => {
    expect(await titles('CD')).toEqual(['ベスト・クラシック']);
    expect(await titles('ＤＶＤ')).toEqual(['となりのトトロ']);
    expect(await titles('雑誌')).toEqual(['月刊 たくさんのふしぎ']);
    expect(await titles('トトロ CD')).toEqual([]);
  });

  it('a copy added later to a title (npm run import) brings the mark of its call number to the title', async () => {
    const first = { title: 'はじめての大活字', materialType: 'book' as const, items: [copy('913 ハ', 'LP0')] };
    await addTitles(db, [first]);
    expect(await titles('大活字本')).not.toContain('はじめての大活字');
    const r = await importCatalogBatch(db, [
      { ...first, items: [copy('913 ハ', 'LP0'), copy('大活字 913 ハ', 'LP1')] },
    ]);
    expect(r).toMatchObject({ titles: 0, copies: 1 });
    expect(await titles('大活字本')).toContain('はじめての大活字');
  });

  it('titles catalogued before the keys existed get them at start (refreshCatalogKeys)', async () => {
    const [id] = await addTitles(db, [rec('天国までの百マイル', '大活字 913 ア', { isbn: '9784860550035' })]);
    // As a database from before migration 0014 has them.
    await sql`UPDATE bibs SET isbn13 = NULL, marks = '{}', keys_version = 0 WHERE id = ${id}`.execute(db);
    expect(await titles('9784860550035')).toEqual([]);
    expect(await refreshCatalogKeys(db)).toBe(1);
    expect(await titles('9784860550035')).toEqual(['天国までの百マイル']);
    expect(await titles('大活字本')).toContain('天国までの百マイル');
    expect(await refreshCatalogKeys(db)).toBe(0);
  });

  it('pages past the first of a marked search keep the count', async () => {
    const r = await searchCatalog(db, 'YA', 3);
    expect(r.total).toBe(1);
    expect(r.results).toEqual([]);
  });
});
