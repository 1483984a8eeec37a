import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import type { HoldStatus } from '../../src/domain/hold-status.js';
import type { CatalogRecord } from '../../src/services/catalog.js';
import { searchCatalog, titleDetailView } from '../../src/services/catalog-search.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { addPatron, addTitles } from '../helpers/library.js';

let close: () => Promise<void>;
let db: Kysely<DB>;
const bib: Record<string, string> = {};

type Item = CatalogRecord['items'][number];
const copy = (barcode: string, branch: string, callNumber = '913.6 ミ', inLibraryOnly = false): Item => ({
  barcode,
  branch,
  callNumber,
  inLibraryOnly,
});
const rec = (title: string, items: Item[], extra: Partial<CatalogRecord> = {}): CatalogRecord => ({
  title,
  materialType: 'book',
  ...extra,
  items,
});

const CATALOG: CatalogRecord[] = [
  rec('みんなの本', [
    copy('A1', 'honkan'),
    copy('A2', 'tobu'),
    copy('A3', 'seibu'),
    copy('A4', 'honkan'),
    copy('A5', 'nanbu'),
  ]),
  rec('かしだし中の本', [copy('B1', 'honkan'), copy('B2', 'hokubu')]),
  rec('調べものの事典', [copy('C1', 'honkan', 'R 031', true)]),
  rec('となりのトトロ', [copy('D1', 'honkan', 'DVD 778')], { materialType: 'dvd', classification: '778.77' }),
  rec('月刊 調べもの 最新号', [copy('E1', 'honkan', 'Z 590')], { materialType: 'magazine', latestIssue: true }),
  rec('月刊 調べもの 先月号', [copy('E2', 'honkan', 'Z 590')], { materialType: 'magazine' }),
  rec('目録だけの本', []),
  rec('おおきなかぶ', [copy('F1', 'honkan', 'P コ')], { materialType: 'kamishibai', classification: 'C' }),
  rec('ぼくらの本', [copy('G1', 'honkan', '913.6 ソ'), copy('G2', 'tobu', 'YA 913 ソ')]),
];

async function setStatus(barcode: string, status: string): Promise<void> {
  await db.updateTable('items').set({ status }).where('barcode', '=', barcode).execute();
}

async function addHold(patronId: string, bibId: string, status: HoldStatus, itemBarcode?: string): Promise<void> {
  const at = new Date('2026-12-01T10:00:00+09:00');
  const item = itemBarcode
    ? await db.selectFrom('items').select('id').where('barcode', '=', itemBarcode).executeTakeFirstOrThrow()
    : undefined;
  const closed = ['fulfilled', 'cancelled', 'expired'].includes(status);
  await db
    .insertInto('holds')
    .values({
      patron_id: patronId,
      bib_id: bibId,
      pickup_branch: 'honkan',
      channel: status === 'requested' ? 'online' : 'counter',
      status,
      requested_at: at,
      official_at: status === 'requested' ? null : at,
      item_id: item?.id ?? null,
      secured_on: status === 'ready' ? '2026-12-01' : null,
      pickup_deadline: status === 'ready' ? '2026-12-09' : null,
      closed_at: closed ? at : null,
    })
    .execute();
}

beforeAll(async () => {
  const database = await testDatabase();
  close = database.close;
  db = database.db;
  const ids = await addTitles(db, CATALOG);
  CATALOG.forEach((r, i) => {
    bib[r.title] = ids[i]!;
  });
  await setStatus('A2', 'on_loan');
  await setStatus('A3', 'in_transit');
  await setStatus('A4', 'on_hold_shelf');
  await setStatus('A5', 'withdrawn');
  await setStatus('B1', 'on_loan');
  await setStatus('B2', 'on_loan');
  const statuses: HoldStatus[] = ['requested', 'queued', 'in_transit', 'ready', 'cancelled', 'fulfilled', 'expired'];
  for (const [i, status] of statuses.entries()) {
    const p = await addPatron(db, `P${i}`);
    await addHold(
      p,
      bib['みんなの本']!,
      status,
      status === 'in_transit' ? 'A3' : status === 'ready' ? 'A4' : undefined,
    );
  }
});
afterAll(async () => {
  await close?.();
});

const only = async (text: string) => {
  const r = await searchCatalog(db, text, 0);
  expect(r.results).toHaveLength(1);
  return r.results[0]!;
};

describe(`catalog search service (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('R-SRCH-1: an empty line answers nothing found without asking the database', async () => {
    const noDatabase = new Proxy(
      {},
      {
        get: () => {
          throw new Error('the database was asked');
        },
      },
    ) as Kysely<DB>;
    expect(await searchCatalog(noDatabase, ' 　 ', 0)).toEqual({
      query: { any: [], fields: {} },
      total: 0,
      capped: false,
      page: 0,
      hasNext: false,
      results: [],
      suggestions: [],
    });
  });

  it('R-SRCH-1: the answer carries the parsed query', async () => {
    const r = await searchCatalog(db, '本 書名:みんな', 0);
    expect(r.query).toEqual({ any: ['本'], fields: { title: ['みんな'] } });
    expect(r.results.map((t) => t.title)).toEqual(['みんなの本']);
  });

  it('R-SRCH-4: 貸出：○ when one copy is on the shelf, 貸出：× when all are out or for use in the library', async () => {
    expect((await only('書名:みんなの本')).lendable).toBe(true);
    expect((await only('かしだし中')).lendable).toBe(false);
    expect((await only('事典')).lendable).toBe(false);
    expect((await only('目録だけ')).lendable).toBe(false);
  });

  it('R-SRCH-2: kamishibai are found with 分類:C and marked; their call number shows P', async () => {
    const t = await only('分類:C');
    expect(t).toMatchObject({ title: 'おおきなかぶ', kamishibai: true, callNumber: 'P コ' });
    expect((await only('書名:みんなの本')).kamishibai).toBe(false);
  });

  it('R-SRCH-3: a title is young-adult when any copy has YA in its call number', async () => {
    expect(await only('ぼくら')).toMatchObject({ youngAdult: true, callNumber: '913.6 ソ' });
    expect((await only('書名:みんなの本')).youngAdult).toBe(false);
  });

  it('R-SRCH-5: the detail shows every copy with its state and branch, and counts active holds only', async () => {
    const d = await titleDetailView(db, bib['みんなの本']!);
    expect(d?.holdCount).toBe(4);
    expect(d?.copies.map((c) => [c.barcode, c.branchName, c.state])).toEqual([
      ['A1', '本館', 'available'],
      ['A4', '本館', 'on_hold_shelf'],
      ['A2', '東部分館', 'on_loan'],
      ['A3', '西部分館', 'in_transit'],
      ['A5', '南部分館', 'unavailable'],
    ]);
    expect((await only('書名:みんなの本')).holdCount).toBe(4);
    expect((await titleDetailView(db, bib['ぼくらの本']!))?.holdCount).toBe(0);
  });

  it('R-SRCH-5: an in-library-only copy says so in the detail view', async () => {
    expect((await titleDetailView(db, bib['調べものの事典']!))?.copies.map((c) => c.state)).toEqual([
      'in_library_only',
    ]);
  });

  it('R-RES-1 / R-SRCH-5: 予約申込 is offered for lendable material, even when every copy is out', async () => {
    expect((await titleDetailView(db, bib['みんなの本']!))?.reservable).toBeNull();
    expect((await titleDetailView(db, bib['かしだし中の本']!))?.reservable).toBeNull();
    expect((await titleDetailView(db, bib['月刊 調べもの 先月号']!))?.reservable).toBeNull();
  });

  it(
    'R-RES-1 / R-SRCH-5: no 予約申込 for audiovisual material, ' +
      'the latest magazine issue, in-library-only material',
    async () => {
      expect((await titleDetailView(db, bib['となりのトトロ']!))?.reservable).toEqual({ code: 'NOT_RESERVABLE_AV' });
      expect((await titleDetailView(db, bib['月刊 調べもの 最新号']!))?.reservable).toEqual({
        code: 'NOT_RESERVABLE_LATEST_ISSUE',
      });
      expect((await titleDetailView(db, bib['調べものの事典']!))?.reservable).toEqual({
        code: 'NOT_RESERVABLE_IN_LIBRARY_ONLY',
      });
      expect((await titleDetailView(db, bib['目録だけの本']!))?.reservable).toEqual({
        code: 'NOT_RESERVABLE_NO_COPIES',
      });
      expect((await only('トトロ')).reservable).toEqual({ code: 'NOT_RESERVABLE_AV' });
    },
  );

  it('a title without copies has no call number', async () => {
    expect(await only('目録だけ')).toMatchObject({ callNumber: null, copies: [] });
  });

  it('an id that names no title has no detail, whatever it looks like', async () => {
    for (const id of ['999999', 'abc', '1 OR 1=1', '', '99999999999999999999'])
      expect(await titleDetailView(db, id)).toBeUndefined();
  });
});
