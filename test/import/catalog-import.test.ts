import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTitles } from '../../src/db/catalog-search.js';
import type { DB } from '../../src/db/schema.js';
import { parseSearchQuery } from '../../src/domain/search-query.js';
import { importCatalogLines, type ImportOptions } from '../../src/services/catalog-import.js';
import { onPostgres, testDatabase } from '../helpers/database.js';

let close: () => Promise<void>;
let db: Kysely<DB>;
const dir = mkdtempSync(join(tmpdir(), 'import-test-'));

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

/** The file as the CLI reads it: streamed by node:readline. */
async function importFile(name: string, content: string, opts: Partial<ImportOptions> = {}) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const outcome = await importCatalogLines(db, lines, { path, ...opts });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.summary;
}

const count = async (table: 'bibs' | 'items') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// One row per copy; the rows of a title share its ISBN (or record id). Line numbers in comments.
const CSV = [
  '\uFEFFtitle,title_kana,author,publisher,year,isbn,classification,material_type,' +
    'latest_issue,barcode,branch,call_number,in_library_only', // 1
  '吾輩は猫である,ワガハイハネコデアル,夏目漱石,新潮社,2003,978-4-10-101001-4,913.6,本,,IM001,本館,913.6 ナ,', // 2
  '吾輩は猫である,ワガハイハネコデアル,夏目漱石,新潮社,2003,978-4-10-101001-4,913.6,本,,IM002,tobu,913.6 ナ,', // 3
  '"猫と暮らす, 改訂版",,"山田 ""ねこ"" 太郎",ｵﾗｲﾘｰ,２０２１年,,645.7,book,,IM003,西部分館,645 ヤ,○', // 4
  '"月刊 ねこ', // 5: a line break inside quotes
  '2026年12月号",,,,2026,,,雑誌,yes,IM004,hokubu,Z ネ,1', // 6
  ',,,,,,,,,IM005,honkan,913,', // 7: no title
  '犬の本,,,,二千,,,本,,IM006,honkan,913,', // 8: not a year
  '鳥の本,,,,,,,レコード,,IM007,honkan,913,', // 9: unknown material type
  '魚の本,,,,,,,,,IM-8,honkan,913,', // 10: barcode not letters and digits
  '虫の本,,,,,,,,,IM009,北口分館,913,', // 11: unknown branch
  '草の本,,,,,,,,,IM002,honkan,913,', // 12: barcode of line 3 (in the same batch)
  '花の本,,,,,,,,,IM010,honkan,,', // 13: no call number
  '石の本,,,,,,,,,IM011,nanbu,457,maybe', // 14: not yes or no
  '週刊 ことば,,,,,,,本,yes,IM012,honkan,813,', // 15: latest issue of a book
].join('\r\n');

describe(`npm run import (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it(
    'imports a CSV export: titles grouped by ISBN, quotes, line breaks, ' +
      'Japanese branch names and words; rejects bad rows with the line and why',
    async () => {
      const s = await importFile('catalog.csv', CSV);
      expect(s).toMatchObject({ rows: 13, titles: 3, copies: 4, present: 0, ignoredColumns: [] });
      expect(s.rejections.map((r) => r.line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
      const reasons = Object.fromEntries(s.rejections.map((r) => [r.line, r.reason]));
      expect(reasons).toMatchObject({
        7: 'title is empty',
        9: 'unknown material_type "レコード"',
        11: 'unknown branch "北口分館"',
        12: 'barcode IM002 is also on line 3',
        13: 'call_number is empty',
      });
      expect(reasons[8]).toMatch(/^year/);
      expect(reasons[10]).toMatch(/^barcode: /);
      expect(reasons[14]).toMatch(/^in_library_only/);
      expect(reasons[15]).toMatch(/^latest_issue: /);

      const neko = await db
        .selectFrom('items')
        .innerJoin('bibs', 'bibs.id', 'items.bib_id')
        .select(['bibs.id', 'bibs.title', 'items.home_branch'])
        .where('items.barcode', 'in', ['IM001', 'IM002'])
        .execute();
      expect(new Set(neko.map((r) => r.id)).size).toBe(1);
      expect(neko.map((r) => r.home_branch).sort()).toEqual(['honkan', 'tobu']);
      const kurasu = await db
        .selectFrom('bibs')
        .selectAll()
        .where('title', '=', '猫と暮らす, 改訂版')
        .executeTakeFirstOrThrow();
      expect(kurasu).toMatchObject({ author: '山田 "ねこ" 太郎', publisher: 'ｵﾗｲﾘｰ', year: 2021 });
      const magazine = await db
        .selectFrom('bibs')
        .selectAll()
        .where('material_type', '=', 'magazine')
        .executeTakeFirstOrThrow();
      expect(magazine).toMatchObject({ title: '月刊 ねこ\n2026年12月号', latest_issue: true });
      const copy = await db.selectFrom('items').selectAll().where('barcode', '=', 'IM003').executeTakeFirstOrThrow();
      expect(copy).toMatchObject({ home_branch: 'seibu', in_library_only: true, call_number: '645 ヤ' });

      // Imported titles are searchable at once, by the GIN index too.
      const byIndex = { offset: 0, limit: 10, tuning: { probeRows: 1, walkRows: 1, prefer: 'index' as const } };
      expect((await searchTitles(db, parseSearchQuery('おらいりー'), byIndex)).hits.map((h) => h.title)).toEqual([
        '猫と暮らす, 改訂版',
      ]);
      expect((await searchTitles(db, parseSearchQuery('著者:夏目'), byIndex)).hits.map((h) => h.title)).toEqual([
        '吾輩は猫である',
      ]);
    },
  );

  it('re-running the same file adds nothing twice: every copy is found present', async () => {
    const [bibs, items] = [await count('bibs'), await count('items')];
    const s = await importFile('catalog.csv', CSV);
    expect(s).toMatchObject({ titles: 0, copies: 0, present: 4 });
    expect([await count('bibs'), await count('items')]).toEqual([bibs, items]);
  });

  it('a run that stopped part way is continued: new copies of a title join the title already imported', async () => {
    const tsv = [
      '書誌ID\t書名\t著者\t資料番号\t所蔵館\t請求記号\t備考',
      'R1\tかがみの孤城\t辻村深月\tTS001\t本館\t913.6 ツ\t寄贈',
      'R1\tかがみの孤城\t辻村深月\tTS002\t東初富分館\t913.6 ツ\t',
      'R2\tツナグ\t辻村深月\tTS003\t南部分館\t913.6 ツ\t',
    ];
    // The first run stopped after the first copy (batches of one row).
    const first = await importFile('part.tsv', tsv.slice(0, 2).join('\n'), { batchRows: 1 });
    expect(first).toMatchObject({ titles: 1, copies: 1, ignoredColumns: ['備考'] });
    const again = await importFile('export.tsv', tsv.join('\n'), { batchRows: 1 });
    expect(again).toMatchObject({ rows: 3, titles: 1, copies: 2, present: 1, rejected: 0 });
    const kagami = await db
      .selectFrom('items')
      .innerJoin('bibs', 'bibs.id', 'items.bib_id')
      .select(['bibs.id', 'items.home_branch'])
      .where('bibs.title', '=', 'かがみの孤城')
      .execute();
    expect(kagami).toHaveLength(2);
    expect(new Set(kagami.map((k) => k.id)).size).toBe(1);
  });

  it('refuses a file whose header lacks a required column, and imports nothing', async () => {
    const bibs = await count('bibs');
    await expect(importFile('bad.csv', 'title,barcode,branch\n本,X1,honkan\n')).rejects.toThrow(/call_number/);
    expect(await count('bibs')).toBe(bibs);
  });
});
