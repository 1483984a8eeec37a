/**
 * bench/jobs: promoteHolds and expireHolds over 100,000 holds on PostgreSQL (DATABASE_URL),
 * against a plain UPDATE of the same rows measured in the same run; with suspended holds and holds
 * with a 不要日 in the mix (issue 26), and the pause-holds job that resumes and cancels them.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:jobs
 * BENCH_HOLDS sets the number of holds (default 100000); BENCH_PAUSED=off leaves the suspended holds
 * and 不要日 out (to compare with the bench before issue 26).
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { benchDatabase } from './bench-database.js';
import { expireHolds, JOBS, promoteHolds, type JobContext } from '../src/services/jobs.js';

const HOLDS = Number(process.env.BENCH_HOLDS ?? 100_000);
const PAUSED_MIX = process.env.BENCH_PAUSED !== 'off';
const SHELVED_TITLES = 1000; // titles with a copy on the shelf: promotion traps a copy for them
const scratch = await benchDatabase('bench:jobs');
const database = await scratch.open();

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const rate = (n: number, t: number) => Math.round(n / ((performance.now() - t) / 1000));

try {
  const t0 = performance.now();
  await load(database);
  console.log(`loaded ${HOLDS} holds, ${HOLDS} titles, ${HOLDS / 5} patrons in ${ms(t0)}`);
  const jobs: JobContext = { db: database.db, promoteHoldsHour: 9, deliverNotices: async () => 0 };

  // Baseline: the same rows, one plain UPDATE, then put back.
  let t = performance.now();
  await sql`UPDATE holds SET status = 'queued', official_at = now() WHERE status = 'requested'`.execute(database.db);
  const baselinePromoteMs = performance.now() - t;
  await sql`UPDATE holds SET status = 'requested', official_at = NULL WHERE status = 'queued'`.execute(database.db);
  await sql`VACUUM ANALYZE holds`.execute(database.db);

  // Tuesday 09:00 Tokyo, the morning after the holds were placed (Monday is closed; placed Sunday).
  t = performance.now();
  const promoted = await promoteHolds(jobs, new Date('2026-12-01T09:00:00+09:00'));
  const promoteMs = performance.now() - t;
  const promoteRate = rate(promoted, t);
  const trapped = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM holds WHERE status = 'ready'`.execute(database.db)).rows[0]!.n,
  );
  console.log(
    `promoteHolds: ${promoted} holds in ${promoteMs.toFixed(0)} ms (${promoteRate} holds/s), ` +
      `${trapped} copies trapped; plain UPDATE ${baselinePromoteMs.toFixed(0)} ms; ` +
      `ratio ${(promoteMs / baselinePromoteMs).toFixed(2)}x`,
  );

  // Issue 26: the morning's pause-holds run: suspensions that ended are cleared (their shelf copies
  // trapped), holds past their 不要日 cancelled with a notice.
  const mix = (
    await sql<{ suspended: string; ended: string; lapsing: string }>`
      SELECT count(*) FILTER (WHERE suspended_until >= '2026-12-01') AS suspended,
             count(*) FILTER (WHERE suspended_until < '2026-12-01') AS ended,
             count(*) FILTER (WHERE not_needed_after < '2026-12-01') AS lapsing FROM holds`.execute(database.db)
  ).rows[0]!;
  t = performance.now();
  const paused = await JOBS['pause-holds']!(jobs, new Date('2026-12-01T09:05:00+09:00'));
  const pauseMs = performance.now() - t;
  console.log(
    `pause-holds: ${paused} holds (${mix.ended} suspensions ended, ${mix.lapsing} past their 不要日; ` +
      `${mix.suspended} still suspended) in ${pauseMs.toFixed(0)} ms`,
  );

  // Make every queued hold ready with a past deadline, on a copy of its own.
  await sql`
    UPDATE items SET status = 'on_hold_shelf'
     WHERE bib_id IN (SELECT bib_id FROM holds WHERE status = 'queued')`.execute(database.db);
  await sql`
    UPDATE holds h
       SET status = 'ready', item_id = i.id, secured_on = '2026-12-01', pickup_deadline = '2026-12-09',
           trapped_at = now()
      FROM items i WHERE i.bib_id = h.bib_id AND h.status = 'queued'`.execute(database.db);
  const ready = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM holds WHERE status = 'ready'`.execute(database.db)).rows[0]!.n,
  );

  t = performance.now();
  await sql`
    UPDATE holds SET status = 'expired', closed_at = now()
     WHERE status = 'ready' AND pickup_deadline < '2026-12-10'`.execute(database.db);
  const baselineExpireMs = performance.now() - t;
  await sql`UPDATE holds SET status = 'ready', closed_at = NULL WHERE status = 'expired'`.execute(database.db);
  await sql`VACUUM ANALYZE holds`.execute(database.db);

  t = performance.now();
  const expired = await expireHolds(jobs, new Date('2026-12-10T00:05:00+09:00'));
  const expireMs = performance.now() - t;
  const expireRate = rate(expired, t);
  console.log(
    `expireHolds: ${expired} of ${ready} ready holds in ${expireMs.toFixed(0)} ms (${expireRate} holds/s); ` +
      `plain UPDATE ${baselineExpireMs.toFixed(0)} ms; ratio ${(expireMs / baselineExpireMs).toFixed(2)}x`,
  );
  console.log(
    `SUMMARY bench:jobs holds=${HOLDS} ` +
      `promote=${promoteMs.toFixed(0)}ms ` +
      `(${promoteRate}/s, ${(promoteMs / baselinePromoteMs).toFixed(2)}x plain UPDATE) ` +
      `expire=${expireMs.toFixed(0)}ms (${expireRate}/s, ${(expireMs / baselineExpireMs).toFixed(2)}x plain UPDATE) ` +
      `pause=${pauseMs.toFixed(0)}ms (suspended=${mix.suspended} ended=${mix.ended} lapsing=${mix.lapsing}) ` +
      `target<10000ms each: ${promoteMs < 10_000 && expireMs < 10_000 && pauseMs < 10_000 ? 'met' : 'MISSED'}`,
  );
} finally {
  await scratch.drop();
}

/** Fixture: set-based SQL, so loading is not what the bench measures. */
async function load(d: Database): Promise<void> {
  const db = d.db;
  await sql`
    INSERT INTO bibs (title, material_type)
    SELECT 'ベンチ書名 ' || g, 'book' FROM generate_series(1, ${HOLDS}) g`.execute(db);
  // One copy per title, on loan except for SHELVED_TITLES of them.
  await sql`
    INSERT INTO items (barcode, bib_id, home_branch, location_branch, call_number, status)
    SELECT 'B' || id, id, 'honkan', 'honkan', '913.6',
           CASE WHEN id <= ${SHELVED_TITLES} THEN 'available' ELSE 'on_loan' END
      FROM bibs`.execute(db);
  await sql`
    INSERT INTO patrons (card_number, name, birth_date, residency, password_hash)
    SELECT 'C' || g, '利用者 ' || g, '1980-01-01', 'resident', 'x' FROM generate_series(1, ${HOLDS / 5}) g`.execute(db);
  // Five online holds per patron, placed on Sunday 29 Nov 2026, pickup at 本館.
  await sql`
    INSERT INTO holds (patron_id, bib_id, pickup_branch, channel, contact, status, requested_at)
    SELECT p.id, b.id, 'honkan', 'online', CASE WHEN b.id % 3 = 0 THEN 'line' ELSE 'none' END, 'requested',
           '2026-11-29T15:00:00+09:00'::timestamptz + (b.id || ' milliseconds')::interval
      FROM bibs b JOIN patrons p ON p.id = (b.id - 1) / 5 + 1`.execute(db);
  // Issue 26: a tenth suspended past the bench's days, a tenth whose suspension ended the day
  // before, a tenth not needed after that day (R-RES-11, R-RES-12).
  if (PAUSED_MIX)
    await sql`
    UPDATE holds SET
      suspended_until = CASE bib_id % 10 WHEN 1 THEN DATE '2026-12-20' WHEN 2 THEN DATE '2026-11-30' END,
      not_needed_after = CASE bib_id % 10 WHEN 3 THEN DATE '2026-11-30' END
     WHERE bib_id % 10 IN (1, 2, 3)`.execute(db);
  await sql`ANALYZE`.execute(db);
}
