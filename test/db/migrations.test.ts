import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import type { HoldStatus } from '../../src/domain/hold-status.js';
import { onPostgres, testDatabase } from '../helpers/database.js';

const TABLES = [
  'account_link_nonces',
  'account_link_requests',
  'annual_closures',
  'audit_log',
  'bibs',
  'branches',
  'closed_dates',
  'conversation_states',
  'email_verifications',
  'holds',
  'items',
  'job_runs',
  'line_users',
  'loans',
  'login_throttle',
  'notices',
  'patrons',
  'webhook_inbox',
];

/** The SQLSTATE of the error `work` fails with (23505 unique, 23514 check). */
async function sqlStateOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    return String((err as { code?: unknown }).code);
  }
  throw new Error('the statement was accepted');
}

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

let serial = 0;
const next = () => String(++serial);

async function patron(opts: { disabilityService?: boolean } = {}): Promise<string> {
  const r = await db
    .insertInto('patrons')
    .values({
      card_number: `P${next()}`,
      name: '鎌ケ谷 花子',
      birth_date: '1980-05-05',
      residency: 'resident',
      disability_service: opts.disabilityService ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function title(): Promise<{ bibId: string; itemId: string }> {
  const bib = await db
    .insertInto('bibs')
    .values({ title: `本 ${next()}`, material_type: 'book' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto('items')
    .values({
      barcode: `B${next()}`,
      bib_id: bib.id,
      home_branch: 'honkan',
      location_branch: 'honkan',
      call_number: '913.6',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { bibId: bib.id, itemId: item.id };
}

function hold(patronId: string, bibId: string, extra: { status?: HoldStatus; itemId?: string } = {}) {
  const now = new Date('2026-12-01T10:00:00+09:00');
  const status = extra.status ?? 'queued';
  return db
    .insertInto('holds')
    .values({
      patron_id: patronId,
      bib_id: bibId,
      pickup_branch: 'honkan',
      channel: 'counter',
      status,
      requested_at: now,
      official_at: now,
      item_id: extra.itemId ?? null,
      trapped_at: extra.itemId ? now : null,
      secured_on: status === 'ready' ? '2026-12-01' : null,
      pickup_deadline: status === 'ready' ? '2026-12-09' : null,
    })
    .execute();
}

function loan(patronId: string, t: { bibId: string; itemId: string }) {
  return db
    .insertInto('loans')
    .values({
      patron_id: patronId,
      item_id: t.itemId,
      bib_id: t.bibId,
      branch_code: 'honkan',
      checked_out_at: new Date('2026-12-01T10:00:00+09:00'),
      due_date: '2026-12-15',
    })
    .execute();
}

describe(`migrations (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('creates every table of the schema', async () => {
    const rows = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
    const names = rows.rows.map((r) => r.table_name);
    for (const t of TABLES) expect(names).toContain(t);
  });

  it('the six branches exist with their names and phone numbers, each closed on Mondays', async () => {
    const branches = await db.selectFrom('branches').selectAll().orderBy('sort_order').execute();
    expect(branches.map((b) => [b.code, b.name])).toEqual([
      ['honkan', '本館'],
      ['tobu', '東部分館'],
      ['seibu', '西部分館'],
      ['hokubu', '北部分館'],
      ['nanbu', '南部分館'],
      ['higashi-hatsutomi', '東初富分館'],
    ]);
    for (const b of branches) {
      expect(b.phone).toMatch(/^0\d{1,4}-\d{1,4}-\d{4}$/);
      expect(b.weekly_closed_days.map(Number)).toEqual([1]);
    }
  });

  it('every branch closes over the year end, 29 December to 3 January', async () => {
    const rows = await db.selectFrom('annual_closures').selectAll().orderBy('branch_code').execute();
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.start_month_day).toBe('12-29');
      expect(r.end_month_day).toBe('01-03');
    }
    expect(new Set(rows.map((r) => r.branch_code)).size).toBe(6);
  });

  it('running the migrations again applies nothing and changes no configuration', async () => {
    expect(await migrateToLatest(db)).toEqual([]);
    const n = await db
      .selectFrom('branches')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(6);
  });

  it('R-ELIG-5: a disability-service patron cannot be given a password hash', async () => {
    const id = await patron({ disabilityService: true });
    expect(
      await sqlStateOf(
        db.updateTable('patrons').set({ password_hash: '$argon2id$fake' }).where('id', '=', id).execute(),
      ),
    ).toBe('23514');
  });

  it('a card number with a symbol is refused', async () => {
    const insert = db
      .insertInto('patrons')
      .values({ card_number: 'AB-123', name: '鎌ケ谷 太郎', birth_date: '1980-05-05', residency: 'resident' })
      .execute();
    expect(await sqlStateOf(insert)).toBe('23514');
  });

  it('a patron cannot hold one title twice at the same time (unique index)', async () => {
    const p = await patron();
    const t = await title();
    await hold(p, t.bibId);
    expect(await sqlStateOf(hold(p, t.bibId))).toBe('23505');
  });

  it('a patron may hold a title again after the earlier hold ended', async () => {
    const p = await patron();
    const t = await title();
    await hold(p, t.bibId);
    await db
      .updateTable('holds')
      .set({ status: 'cancelled', closed_at: new Date() })
      .where('patron_id', '=', p)
      .execute();
    await expect(hold(p, t.bibId)).resolves.toBeDefined();
  });

  it('one copy cannot be trapped for two holds', async () => {
    const t = await title();
    await hold(await patron(), t.bibId, { status: 'ready', itemId: t.itemId });
    expect(await sqlStateOf(hold(await patron(), t.bibId, { status: 'in_transit', itemId: t.itemId }))).toBe('23505');
  });

  it('one copy cannot be on two open loans', async () => {
    const t = await title();
    await loan(await patron(), t);
    expect(await sqlStateOf(loan(await patron(), t))).toBe('23505');
  });

  it('a returned copy can be lent again', async () => {
    const t = await title();
    await loan(await patron(), t);
    await db
      .updateTable('loans')
      .set({ returned_at: new Date(), returned_branch: 'honkan' })
      .where('item_id', '=', t.itemId)
      .execute();
    await expect(loan(await patron(), t)).resolves.toBeDefined();
  });
});

describe.skipIf(onPostgres())('embedded database (PGlite) on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'library-pglite-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps patrons across a restart, and a restart applies no migration again', async () => {
    const first = await openDatabase({ pgliteDir: dir });
    try {
      expect(await migrateToLatest(first.db)).toEqual(
        expect.arrayContaining(['0001_schema', '0002_library_configuration']),
      );
      await first.db
        .insertInto('patrons')
        .values({ card_number: '2000123456', name: '鎌ケ谷 一郎', birth_date: '1975-01-10', residency: 'resident' })
        .execute();
    } finally {
      await first.close();
    }

    const second = await openDatabase({ pgliteDir: dir });
    try {
      expect(await migrateToLatest(second.db)).toEqual([]);
      const p = await second.db.selectFrom('patrons').select(['card_number', 'name', 'birth_date']).executeTakeFirst();
      expect(p).toEqual({ card_number: '2000123456', name: '鎌ケ谷 一郎', birth_date: '1975-01-10' });
    } finally {
      await second.close();
    }
  });
});
