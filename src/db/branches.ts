import { sql, type Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Executor } from './executor.js';
import type { BranchesTable } from './schema.js';

export type BranchRow = Camelized<
  Pick<Selectable<BranchesTable>, 'code' | 'name' | 'phone' | 'weekly_closed_days' | 'pickup_point'>
>;

/** The branches of the library profile, in its order (a branch it no longer lists is left out). */
export async function listBranches(db: Executor): Promise<BranchRow[]> {
  const rows = await db
    .selectFrom('branches')
    .selectAll()
    .where('in_profile', '=', true)
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    phone: r.phone,
    weeklyClosedDays: r.weekly_closed_days.map(Number),
    pickupPoint: r.pickup_point,
  }));
}

export interface ProfileBranchRow {
  code: string;
  name: string;
  phone: string;
  weeklyClosedDays: number[];
  pickupPoint: boolean;
}

/**
 * Makes the branches table say what the profile says: its branches in its order, the others kept
 * (the past names them) but marked as no longer in the profile; the yearly closures replaced.
 * Staff-added closed dates (closed_dates) are the database's own and are left alone.
 */
export async function syncBranches(
  db: Executor,
  branches: readonly ProfileBranchRow[],
  yearly: readonly { start: string; end: string }[],
): Promise<void> {
  // sort_order is unique: move every row out of the way before the profile's order is written.
  await sql`UPDATE branches SET sort_order = -1000000 - sort_order, in_profile = false`.execute(db);
  for (const [i, b] of branches.entries()) {
    const days = `{${b.weeklyClosedDays.join(',')}}`;
    await sql`
      INSERT INTO branches (code, name, phone, sort_order, weekly_closed_days, pickup_point, in_profile)
      VALUES (${b.code}, ${b.name}, ${b.phone}, ${i + 1}, ${days}::smallint[], ${b.pickupPoint}, true)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, phone = excluded.phone,
        sort_order = excluded.sort_order, weekly_closed_days = excluded.weekly_closed_days,
        pickup_point = excluded.pickup_point, in_profile = true`.execute(db);
  }
  await sql`
    UPDATE branches SET sort_order = 1000 + r.n
    FROM (SELECT code, row_number() OVER (ORDER BY sort_order DESC) AS n FROM branches WHERE NOT in_profile) r
    WHERE branches.code = r.code`.execute(db);
  await sql`DELETE FROM annual_closures`.execute(db);
  for (const b of branches) {
    for (const y of yearly) {
      await sql`
        INSERT INTO annual_closures (branch_code, start_month_day, end_month_day)
        VALUES (${b.code}, ${y.start}, ${y.end}) ON CONFLICT DO NOTHING`.execute(db);
    }
  }
}

export async function closedDatesBetween(db: Executor, branch: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('closed_dates')
    .select('date')
    .where('branch_code', '=', branch)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return rows.map((r) => r.date);
}

export async function annualClosures(db: Executor, branch: string): Promise<{ start: string; end: string }[]> {
  const rows = await db
    .selectFrom('annual_closures')
    .select(['start_month_day', 'end_month_day'])
    .where('branch_code', '=', branch)
    .execute();
  return rows.map((r) => ({ start: r.start_month_day, end: r.end_month_day }));
}

/** Returns how many (branch, date) rows were new. */
export async function insertClosedDates(db: Executor, rows: { branch: string; date: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('closed_dates')
    .values(rows.map((r) => ({ branch_code: r.branch, date: r.date })))
    .onConflict((oc) => oc.columns(['branch_code', 'date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export async function databaseAnswers(db: Executor): Promise<boolean> {
  await sql`SELECT 1`.execute(db);
  return true;
}
