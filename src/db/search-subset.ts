import { sql } from 'kysely';
import type { Executor } from './executor.js';
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
  page: { offset: number; limit: number },
): Promise<{ ids: string[]; matched: number }> {
  const exact = allOf(plan.exact);
  const cls = classOf(plan);
  const subset = plan.subset!;
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
