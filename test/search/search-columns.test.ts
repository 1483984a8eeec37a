import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../migrations/0001_schema.js';
import * as configuration from '../../migrations/0002_library_configuration.js';
import * as searchColumns from '../../migrations/0003_search_columns.js';
import * as titleReading from '../../migrations/0004_title_reading.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import { refreshSearchColumns } from '../../src/db/search-columns.js';
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
  db.selectFrom('bibs').select(['id', 'title', 'author', 'publisher', 'norm_title', 'norm_author', 'norm_publisher', 'norm_version']).orderBy('id').execute();

function expectNormalised(rows: Awaited<ReturnType<typeof normRows>>): void {
  for (const r of rows) {
    expect(r.norm_title).toBe(normalizeForSearch(r.title));
    expect(r.norm_author).toBe(normalizeForSearch(r.author ?? ''));
    expect(r.norm_publisher).toBe(normalizeForSearch(r.publisher ?? ''));
    expect(r.norm_version).toBe(NORMALIZER_VERSION);
  }
}

describe(`search columns (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a title added through the catalog service is normalised as it is written', async () => {
    const [id] = await addTitles(db, [BOOK('ＪａｖａＳｃｒｉｐｔ　入門', [['N1', 'honkan']], { author: 'やまだ たろう', publisher: 'ｵﾗｲﾘｰ' })]);
    const row = await db.selectFrom('bibs').select(['norm_title', 'norm_author', 'norm_publisher', 'norm_version']).where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row).toEqual({ norm_title: 'javascript入門', norm_author: 'ヤマダタロウ', norm_publisher: 'オライリー', norm_version: NORMALIZER_VERSION });
  });

  it('migration 0003 fills the columns of titles that were there before it, in batches', async () => {
    const provider = {
      getMigrations: async (): Promise<Record<string, Migration>> => ({ '0001_schema': schema, '0002_library_configuration': configuration, '0003_search_columns': searchColumns, '0004_title_reading': titleReading }),
    };
    const down = await new Migrator({ db, provider }).migrateTo('0002_library_configuration');
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toEqual(['0004_title_reading', '0003_search_columns']);

    // 1,205 titles: more than two batches of 500.
    const titles = Array.from({ length: 1200 }, (_, i) => `古い本 ${i} ねこ`).concat(TRICKY);
    for (let i = 0; i < titles.length; i += 400) {
      await sql`INSERT INTO bibs (title, author, material_type)
        SELECT t, CASE WHEN t LIKE '%1 ねこ' THEN NULL ELSE 'ｱﾍﾞ ' || t END, 'book' FROM unnest(${titles.slice(i, i + 400)}::text[]) AS t`.execute(db);
    }

    expect(await migrateToLatest(db)).toEqual(['0003_search_columns', '0004_title_reading']);
    // The migration fills version 1; the start's refresh brings every row to the current version.
    await refreshSearchColumns(db);
    const rows = await normRows();
    expect(rows.length).toBe(titles.length + 1);
    expectNormalised(rows);
    expect(rows.find((r) => r.title === 'a,b {c} \\d')?.norm_title).toBe('a,b{c}\\d');
  });

  it('refreshSearchColumns rewrites exactly the titles of another normaliser version', async () => {
    await db.updateTable('bibs').set({ norm_title: '', norm_author: 'stale', norm_version: 0 }).where('title', 'like', '古い本%').execute();
    // A row already at the current version is trusted as it is (the version decides, not the value).
    const [kept] = await db.updateTable('bibs').set({ norm_title: 'kept' }).where('title', '=', 'NULL').returning('id').execute();
    const stale = await db.selectFrom('bibs').select((eb) => eb.fn.countAll<string>().as('n')).where('norm_version', '<>', NORMALIZER_VERSION).executeTakeFirstOrThrow();
    expect(Number(stale.n)).toBeGreaterThan(500);

    expect(await refreshSearchColumns(db)).toBe(Number(stale.n));
    expect(await refreshSearchColumns(db)).toBe(0);
    const rows = await normRows();
    expectNormalised(rows.filter((r) => r.id !== kept!.id));
    expect(rows.find((r) => r.id === kept!.id)?.norm_title).toBe('kept');
  });
});
