import { sql, type Kysely } from 'kysely';

/**
 * The library's configuration, present in every database (demo or not): the six branches of
 * RULES.md and the default calendar (closed on Mondays and from 29 Dec to 3 Jan).
 * Phone numbers are what patrons are told to call (R-CAN-2); check them before going live.
 */
export const BRANCHES = [
  { code: 'honkan', name: '本館', phone: '047-445-1010', sortOrder: 1 },
  { code: 'tobu', name: '東部分館', phone: '047-441-3011', sortOrder: 2 },
  { code: 'seibu', name: '西部分館', phone: '047-446-3311', sortOrder: 3 },
  { code: 'hokubu', name: '北部分館', phone: '047-446-1811', sortOrder: 4 },
  { code: 'nanbu', name: '南部分館', phone: '047-443-5151', sortOrder: 5 },
  { code: 'higashi-hatsutomi', name: '東初富分館', phone: '047-441-4020', sortOrder: 6 },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const b of BRANCHES) {
    await sql`
      INSERT INTO branches (code, name, phone, sort_order, weekly_closed_days)
      VALUES (${b.code}, ${b.name}, ${b.phone}, ${b.sortOrder}, '{1}')
      ON CONFLICT (code) DO NOTHING`.execute(db);
    await sql`
      INSERT INTO annual_closures (branch_code, start_month_day, end_month_day)
      VALUES (${b.code}, '12-29', '01-03')
      ON CONFLICT DO NOTHING`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM annual_closures`.execute(db);
  await sql`DELETE FROM branches`.execute(db);
}
