import { sql, type Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Executor } from './executor.js';
import type { BranchesTable } from './schema.js';

export type BranchRow = Camelized<Pick<Selectable<BranchesTable>, 'code' | 'name' | 'phone' | 'weekly_closed_days'>>;

export async function listBranches(db: Executor): Promise<BranchRow[]> {
  const rows = await db.selectFrom('branches').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    phone: r.phone,
    weeklyClosedDays: r.weekly_closed_days.map(Number),
  }));
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
