import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderMigrationProvider, migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import { refreshSearchColumns, searchColumnsOf } from '../../src/db/search-columns.js';
import { NORMALIZER_VERSION, normalizeForSearch } from '../../src/domain/normalize.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addTitles, BOOK } from '../helpers/library.js';

let close: () => Promise<void>;
let db: Kysely<DB>;

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
});
afterAll(async () => {
  await close?.();
});

// Titles that a naive array literal or a naive normaliser would spoil.
const TRICKY = ['猫 の "本"', 'a,b {c} \\d', "O'Reilly", 'ﾈｺ　ｰ', 'NULL'];

const normRows = () =>
  db
    .selectFrom('bibs')
    .select([
      'id',
      'title',
      'title_kana',
      'author',
      'publisher',
      'classification',
      'material_type',
      'norm_title',
      'norm_author',
      'norm_publisher',
      'search_grams',
      'norm_version',
    ])
    .orderBy('id')
    .execute();

function expectNormalised(rows: Awaited<ReturnType<typeof normRows>>): void {
  for (const r of rows) {
    expect(r.norm_title).toBe(normalizeForSearch(r.title));
    expect(r.norm_author).toBe(normalizeForSearch(r.author ?? ''));
    expect(r.norm_publisher).toBe(normalizeForSearch(r.publisher ?? ''));
    // The grams are those of the tokeniser, whatever the text (quotes, braces, backslashes).
    const cols = searchColumnsOf({ ...r, titleKana: r.title_kana, materialType: r.material_type });
    expect(new Set(r.search_grams)).toEqual(new Set(cols.search_grams));
    expect(r.norm_version).toBe(NORMALIZER_VERSION);
  }
}

describe(`search columns (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a title added through the catalog service is normalised as it is written', async () => {
    const [id] = await addTitles(db, [
      BOOK('ＪａｖａＳｃｒｉｐｔ　入門', [['N1', 'honkan']], { author: 'やまだ たろう', publisher: 'ｵﾗｲﾘｰ' }),
    ]);
    const row = await db
      .selectFrom('bibs')
      .select(['norm_title', 'norm_author', 'norm_publisher', 'norm_version'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      norm_title: 'javascript入門',
      norm_author: 'ヤマダタロウ',
      norm_publisher: 'オライリ',
      norm_version: NORMALIZER_VERSION,
    });
  });

  it(
    'migrations 0003..0005 and the start fill the columns ' + 'of titles that were there before them, in batches',
    async () => {
      const down = await new Migrator({ db, provider: new FolderMigrationProvider() }).migrateTo(
        '0002_library_configuration',
      );
      expect(down.error).toBeUndefined();
      // Later migrations (other features) are undone and redone too.
      expect(down.results?.map((r) => r.migrationName).slice(-3)).toEqual([
        '0005_search_grams',
        '0004_title_reading',
        '0003_search_columns',
      ]);

      // 1,205 titles: more than two batches of 500.
      const titles = Array.from({ length: 1200 }, (_, i) => `古い本 ${i} ねこ`).concat(TRICKY);
      for (let i = 0; i < titles.length; i += 400) {
        await sql`INSERT INTO bibs (title, author, material_type)
        SELECT t, CASE WHEN t LIKE '%1 ねこ' THEN NULL ELSE 'ｱﾍﾞ ' || t END, 'book'
        FROM unnest(${titles.slice(i, i + 400)}::text[]) AS t`.execute(db);
      }

      expect((await migrateToLatest(db)).slice(0, 3)).toEqual([
        '0003_search_columns',
        '0004_title_reading',
        '0005_search_grams',
      ]);
      // The migration fills version 1 (no grams yet); the start's refresh brings every row to the current version.
      await refreshSearchColumns(db);
      const rows = await normRows();
      expect(rows.length).toBe(titles.length + 1);
      expectNormalised(rows);
      expect(rows.find((r) => r.title === 'a,b {c} \\d')?.norm_title).toBe('a,b{c}\\d');
    },
  );

  it('search_gram_titles counts the titles of every gram, as titles are added and after a rebuild', async () => {
    const counted = async () =>
      new Map(
        (await db.selectFrom('search_gram_titles').selectAll().where('titles', '>', 0).execute()).map((r) => [
          r.gram,
          r.titles,
        ]),
      );
    const recounted = async () => {
      const m = new Map<string, number>();
      for (const r of await db.selectFrom('bibs').select('search_grams').execute())
        for (const g of r.search_grams) m.set(g, (m.get(g) ?? 0) + 1);
      return m;
    };
    await addTitles(db, [BOOK('猫の島', [['GC1', 'honkan']], { author: '猫田' }), BOOK('猫', [['GC2', 'tobu']])]);
    expect(await counted()).toEqual(await recounted());
    expect((await counted()).get('猫')).toBeGreaterThanOrEqual(2);
  });

  it('refreshSearchColumns rewrites exactly the titles of another normaliser version', async () => {
    await db
      .updateTable('bibs')
      .set({ norm_title: '', norm_author: 'stale', search_grams: [], norm_version: 0 })
      .where('title', 'like', '古い本%')
      .execute();
    // A row already at the current version is trusted as it is (the version decides, not the value).
    const [kept] = await db
      .updateTable('bibs')
      .set({ norm_title: 'kept' })
      .where('title', '=', 'NULL')
      .returning('id')
      .execute();
    const stale = await db
      .selectFrom('bibs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('norm_version', '<>', NORMALIZER_VERSION)
      .executeTakeFirstOrThrow();
    expect(Number(stale.n)).toBeGreaterThan(500);

    expect(await refreshSearchColumns(db)).toBe(Number(stale.n));
    expect(await refreshSearchColumns(db)).toBe(0);
    const rows = await normRows();
    expectNormalised(rows.filter((r) => r.id !== kept!.id));
    expect(rows.find((r) => r.id === kept!.id)?.norm_title).toBe('kept');
  });
});
