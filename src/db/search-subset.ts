import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './executor.js';
import { byResultOrder, type Hit } from './search-ranking.js';
import { allOf, classOf, type SearchPlan } from './search-sql.js';

/**
 * The page of a query whose hits all lie among few titles with an index of their own (an ISBN's
 * title; the titles a copy's call number marks): every one of those titles is checked and sorted
 * in one statement, in the result order of db/search-ranking.ts (class, newest first, then the
 * latest catalogued first), with the count of all hits. Exact by construction: no estimate, no
 * walk. `plan.subset` must be set.
 */
export async function subsetPage(
  db: Executor,
  plan: SearchPlan,
  page: { offset: number; limit: number; cap: number },
): Promise<{ ids: string[]; matched: number }> {
  const exact = allOf(plan.exact);
  const cls = classOf(plan);
  const subset = plan.subset!;
  if ('marked' in subset) {
    return withoutParallelWorkers(db, (ex) =>
      plan.rank ? pageAndCount(ex, subset, exact, cls, page) : markedInOrder(ex, exact, page),
    );
  }
  return pageAndCount(db, subset, exact, cls, page);
}

/**
 * Runs a marked query's statements without parallel workers (PostgreSQL; PGlite has none). The
 * planner deems a read of the marked titles' index big enough for two workers, and starting them
 * is nearly all the time: at 1M titles, counting 大活字本's first 1,001 titles took 6–15 ms when the
 * machine was quiet and a median of 63 ms under load 8–10, for 0.3 ms of reading in each worker.
 * Outside a transaction, in one of its own that sets it; inside the caller's, as they are (a SET
 * LOCAL would outlive them).
 */
async function withoutParallelWorkers<T>(db: Executor, read: (ex: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return read(db);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(tx);
    return read(tx);
  });
}

/** Every hit of the subset checked and sorted, with the count of all of them. */
async function pageAndCount(
  db: Executor,
  subset: NonNullable<SearchPlan['subset']>,
  exact: Expression<SqlBool>,
  cls: RawBuilder<number>,
  page: { offset: number; limit: number; cap: number },
): Promise<{ ids: string[]; matched: number }> {
  // Each condition in the words of its index's predicate, so that the planner takes that index.
  const hits =
    'isbn13' in subset
      ? sql`SELECT id, year, ${cls} AS cls FROM bibs WHERE isbn13 = ${subset.isbn13} AND ${exact}`
      : sql`SELECT id, year, ${cls} AS cls FROM bibs WHERE cardinality(marks) > 0 AND search_short AND ${exact}
            UNION ALL
            SELECT id, year, ${cls} AS cls FROM bibs WHERE NOT search_short AND ${exact}`;
  const { rows } = await sql<{ id: string; n: string }>`
    SELECT id, count(*) OVER () AS n FROM (${hits}) h
     ORDER BY cls, year DESC NULLS LAST, id DESC OFFSET ${page.offset} LIMIT ${page.limit}`.execute(db);
  if (rows.length > 0 || page.offset === 0)
    return { ids: rows.map((r) => String(r.id)), matched: Number(rows[0]?.n ?? 0) };
  // A page past the last hit: the count still says how many there are.
  const { rows: counted } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${hits}) h`.execute(db);
  return { ids: [], matched: Number(counted[0]?.n ?? 0) };
}

/**
 * A marked query without words (YA, 大活字本): one class, so the marked titles' index gives the
 * result order itself; read only the page and count up to cap + 1, instead of sorting them all.
 * Titles too long for that index (next to none) are read apart and merged.
 */
async function markedInOrder(
  db: Executor,
  exact: Expression<SqlBool>,
  page: { offset: number; limit: number; cap: number },
): Promise<{ ids: string[]; matched: number }> {
  const short = sql`SELECT id, year FROM bibs WHERE cardinality(marks) > 0 AND search_short AND ${exact}`;
  // One after another: the executor may be a transaction's single connection.
  const first = await sql<{ id: string; year: number | null }>`${short}
      ORDER BY year DESC NULLS LAST, id DESC LIMIT ${page.offset + page.limit}`.execute(db);
  const counted = await sql<{ n: string }>`SELECT count(*) AS n FROM (${short} LIMIT ${page.cap + 1}) s`.execute(db);
  const long = await sql<{ id: string; year: number | null }>`
    SELECT id, year FROM bibs WHERE NOT search_short AND ${exact}`.execute(db);
  const hits: Hit[] = [...first.rows, ...long.rows].map((r) => ({ id: String(r.id), year: r.year, cls: 0 }));
  const ids = hits
    .sort(byResultOrder)
    .slice(page.offset, page.offset + page.limit)
    .map((h) => h.id);
  return { ids, matched: Number(counted.rows[0]?.n ?? 0) + long.rows.length };
}
