import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './executor.js';
import { startGram, termGrams } from '../domain/grams.js';
import {
  allOf,
  classCandidates,
  classNeeds,
  classOf,
  CLASSES,
  estimatedShare,
  gramCondition,
  gramsOf,
  type RankClass,
  type SearchPlan,
} from './search-sql.js';

/**
 * Which titles, in relevance order, are on a page of a query — without reading every hit.
 * Order: class (exact title, prefix, contains, other field), then newest first, then id downwards.
 *
 * Two ways to find hits, each fast where the other is slow, measured at 1M titles:
 * - the GIN indexes (bibs_search_grams_0..3, one per quarter of the titles by id): cost
 *   grows with the postings read (~0.3 µs each) and with every candidate read from the table
 *   (2–7 µs); right for a term few titles have. Read shard after shard, a LIMIT stops the
 *   reading as soon as enough are found;
 * - the walk (bibs_search_walk): the titles read in result order from an index that carries the
 *   normalised texts, checking the query on each entry (~0.3 µs) and stopping once enough are
 *   found; right for a term many titles have (日本 in 8% of them: 10 hits in ~125 entries).
 * A probe walk over the newest titles estimates how common the query is, and each step takes
 * the way the estimate favours; a walk that does not find enough falls back to the index. The
 * planner is never left to choose an order by walking (a filtered walk of a rare term reads the
 * whole index): walks are bounded by a LIMIT on the entries read, and the index queries order
 * by an expression no index provides. Either way the result is exact.
 */
export interface SearchTuning {
  /** Titles the probe reads (the newest); a catalog this small is answered by the probe alone. */
  probeRows: number;
  /** Most titles a walk reads before giving up for the index. */
  walkRows: number;
  /** Tests: take this way wherever both are possible, whatever the probe says. */
  prefer?: 'walk' | 'index';
}
export const DEFAULT_TUNING: SearchTuning = { probeRows: 1000, walkRows: 40_000 };

export interface Hit {
  id: string;
  year: number | null;
  cls: RankClass;
}

/**
 * Result order within a class: newest first (no year last), then the latest catalogued first. A
 * year is coarse: a magazine's issues of one year (and books of one year) differ only by when they
 * were catalogued, so by id upwards 2027年1月号 came before 2026年10月号, 11月号, 12月号.
 */
export function byResultOrder(a: Hit, b: Hit): number {
  if (a.cls !== b.cls) return a.cls - b.cls;
  if (a.year !== b.year) return a.year === null ? 1 : b.year === null ? -1 : b.year - a.year;
  return b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A walk is tried when the probe says it should find what it needs in half its length. */
const walkPays = (found: number, wanted: number, t: SearchTuning) =>
  t.prefer ? t.prefer === 'walk' : found * t.walkRows >= 2 * wanted * t.probeRows;

/**
 * The ids at [offset, offset + limit) of the query's hits, and how many hits there are up to
 * cap + 1 (more are not counted).
 */
export async function rankedPage(
  db: Executor,
  plan: SearchPlan,
  page: { offset: number; limit: number; cap: number },
  t: SearchTuning,
): Promise<{ ids: string[]; matched: number }> {
  const q = new Queries(db, plan);
  const slice = (hits: Hit[]) =>
    hits
      .sort(byResultOrder)
      .slice(page.offset, page.offset + page.limit)
      .map((h) => h.id);
  // With the probe, in the same statement (one round trip fewer, which under load is worth
  // more than the look-up): the titles per gram (search_gram_titles) of the query's grams and of
  // its rank term's title start, and the catalog's size.
  const { probe, long, gramStats } = await q.probe(t.probeRows, [
    ...(plan.exactGrams ?? []),
    ...gramsOf(plan.grams),
    ...(plan.rank ? [...termGrams(plan.rank.term), startGram(plan.rank.term)] : []),
  ]);
  // Every title in the walk index was read: the probe and the long titles are all the hits.
  if (probe.complete) return { ids: slice([...probe.hits, ...long]), matched: probe.hits.length + long.length };

  // Counting: a common query is proved to have more than `cap` hits by the titles counted for
  // its gram (one term of one or two characters) or by a walk; otherwise the index finds them
  // all (up to cap + 1), and when there are no more, they are the answer.
  const capped =
    (plan.exactGrams !== undefined && Math.max(...gramStats.of(plan.exactGrams)) > page.cap) ||
    (walkPays(probe.hits.length, page.cap + 1, t) &&
      (await q.walkCount(t.walkRows, page.cap + 1)) + long.length > page.cap);
  if (!capped) {
    const hits = await q.indexHits(page.cap + 1);
    if (hits.length <= page.cap) return { ids: slice(hits), matched: hits.length };
  }

  // More than `cap` hits: fill the page class by class, each read in result order. A rank term
  // no title has (a word of authors' names) leaves only the last class. Without a title term
  // all hits are one class, of more than `cap` titles: at least (cap + 1) / N dense.
  let classes: readonly RankClass[] = plan.rank ? CLASSES : [0];
  // (A probe hit of the first three classes shows the rank term is in titles, whatever the counts.)
  const inTitles = probe.hits.some((h) => h.cls < 3);
  if (plan.rank && !inTitles && Math.min(...gramStats.of(termGrams(plan.rank.term))) === 0) classes = [3];
  const floor = plan.rank ? 0 : (page.cap + 1) / Math.max(page.cap + 1, gramStats.catalog);
  /**
   * How many titles to walk for `need` hits of a class, 0 for none: the probe's share of them, or
   * else the share the gram counts lead to expect. A class can be dense and still too rare for
   * the probe's titles to show it (猫 絵本: 猫 in 5% of titles, picture books 5%, both with 猫
   * first in ~0.1%: the GIN index reads and sorts a thousand titles from the table; the walk finds
   * 10 in ~10,000 index entries). On the estimate alone the walk stops at four times the length
   * it expects, and the index takes over: a wrong guess costs a bounded walk, never a result.
   */
  const walkLength = (cls: RankClass, inProbe: number, need: number): number => {
    if (walkPays(Math.max(inProbe, floor * t.probeRows), need, t)) return t.walkRows;
    const needs = t.prefer ? undefined : classNeeds(plan, cls);
    if (!needs) return 0;
    // The statistics' size of a catalog never analysed is -1: its largest gram count is a floor.
    const { of, catalog } = gramStats;
    const share = estimatedShare(needs, (g) => of([g])[0]!, Math.max(catalog, ...of(gramsOf(needs))));
    if (!walkPays(share * t.probeRows, need, t)) return 0;
    return Math.min(t.walkRows, Math.ceil((4 * need) / share));
  };
  const wanted = page.offset + page.limit;
  const found: Hit[] = [];
  for (const cls of classes) {
    const need = wanted - found.length;
    if (need <= 0) break;
    const inProbe = probe.hits.filter((h) => h.cls === cls);
    const longOfClass = long.filter((h) => h.cls === cls);
    let top: Hit[] | undefined;
    // The probe read the newest titles: its first `need` of a class are the class's first.
    if (inProbe.length >= need) top = inProbe;
    else if (cls !== 0 || !plan.rank) {
      const rows = walkLength(cls, inProbe.length, need);
      const walked = rows > 0 ? await q.walkClass(cls, rows, need) : [];
      if (walked.length === need) top = walked;
    }
    top = top ? [...top, ...longOfClass].sort(byResultOrder).slice(0, need) : await q.indexClass(cls, need);
    found.push(...top);
  }
  return { ids: found.slice(page.offset, page.offset + page.limit).map((h) => h.id), matched: page.cap + 1 };
}

interface GramStats {
  /** Titles having each gram, in order. */
  of(grams: readonly string[]): number[];
  catalog: number;
}

interface HitRow {
  id: string;
  year: number | null;
  cls: number;
}
const toHit = (r: HitRow): Hit => ({ id: String(r.id), year: r.year, cls: Number(r.cls) as RankClass });

/** As many as migrations/0005 made. */
const SHARDS = 4;

/** The SQL of the strategies, over the conditions of one plan. */
class Queries {
  private readonly exact: Expression<SqlBool>;
  private readonly cls;
  private readonly db: Executor;
  private readonly plan: SearchPlan;
  constructor(db: Executor, plan: SearchPlan) {
    this.db = db;
    this.plan = plan;
    this.exact = allOf(plan.exact);
    this.cls = classOf(plan);
  }

  /** The newest `rows` titles of the walk index, with the columns the conditions read. */
  private newest(rows: number) {
    return sql`(SELECT id, year, norm_title, norm_kana, norm_author, norm_publisher, classification, material_type
      FROM bibs WHERE search_short ORDER BY year DESC NULLS LAST, id DESC LIMIT ${rows})`;
  }

  /**
   * Hits among the newest `rows` titles, and whether those were all the titles of the walk
   * index; in the same statement, the hits among titles too long for the walk index (next to
   * none; their own small index), how many titles have each of `grams` (search_gram_titles), and
   * how many the catalog has (the statistics' estimate).
   */
  async probe(
    rows: number,
    grams: string[],
  ): Promise<{ probe: { hits: Hit[]; complete: boolean }; long: Hit[]; gramStats: GramStats }> {
    // The first row comes back even when it is no hit, to tell how many rows were read; the
    // class is worked out for the rows that come back only. `part` tells the parts apart.
    const { rows: got } = await sql<
      HitRow & { hit: boolean; n: number; part: 'walk' | 'long' | 'gram' | 'size'; gram: string | null }
    >`
      SELECT id, year, ${this.cls} AS cls, hit, n::float8 AS n, 'walk' AS part, NULL::text AS gram FROM (
        SELECT s.*, ${this.exact} AS hit, count(*) OVER () AS n, row_number() OVER () AS i FROM ${this.newest(rows)} s
      ) w WHERE hit OR i = 1
      UNION ALL
      SELECT id, year, ${this.cls}, true, 0, 'long', NULL FROM bibs WHERE NOT search_short AND ${this.exact}
      UNION ALL
      SELECT NULL, NULL, NULL, false, titles::float8, 'gram', gram FROM search_gram_titles
       WHERE gram = ANY(${[...new Set(grams)]}::text[])
      UNION ALL
      SELECT NULL, NULL, NULL, false, reltuples::float8, 'size', NULL FROM pg_class
       WHERE oid = 'bibs'::regclass`.execute(this.db);
    const walked = got.filter((r) => r.part === 'walk');
    const titles = new Map(got.filter((r) => r.part === 'gram').map((r) => [r.gram!, Number(r.n)]));
    return {
      probe: { hits: walked.filter((r) => r.hit).map(toHit), complete: Number(walked[0]?.n ?? 0) < rows },
      long: got.filter((r) => r.part === 'long').map(toHit),
      gramStats: {
        of: (gs) => gs.map((g) => titles.get(g) ?? 0),
        catalog: Number(got.find((r) => r.part === 'size')?.n ?? 0),
      },
    };
  }

  /** Hits among the newest `rows` titles, counted up to `upTo`. */
  async walkCount(rows: number, upTo: number): Promise<number> {
    const { rows: got } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM (SELECT 1 FROM ${this.newest(rows)} s WHERE ${this.exact} LIMIT ${upTo}) x`.execute(
      this.db,
    );
    return Number(got[0]?.n ?? 0);
  }

  /** The first `limit` hits of a class among the newest `rows` titles, in result order. */
  async walkClass(cls: RankClass, rows: number, limit: number): Promise<Hit[]> {
    const { rows: got } = await sql<HitRow>`
      SELECT id, year, ${cls}::int AS cls FROM ${this.newest(rows)} s WHERE ${this.exact} AND ${this.cls} = ${cls}
       ORDER BY year DESC NULLS LAST, id DESC LIMIT ${limit}`.execute(this.db);
    return got.map(toHit);
  }

  /**
   * The rows of `select` from each GIN shard in turn: `select` filters bibs, and its
   * condition must name the shard in the very words of the index's predicate (a literal).
   */
  private shards(select: (shard: Expression<SqlBool>) => RawBuilder<unknown>) {
    const parts = Array.from(
      { length: SHARDS },
      (_, s) => sql`(${select(sql<SqlBool>`id % ${sql.lit(SHARDS)} = ${sql.lit(s)}`)})`,
    );
    return sql.join(parts, sql` UNION ALL `);
  }

  /** Up to `limit` hits in no order, by the GIN shards: a common term stops in the first. */
  async indexHits(limit: number): Promise<Hit[]> {
    const grams = gramCondition(this.plan.grams);
    const shard = (s: Expression<SqlBool>) =>
      sql`SELECT id, year, ${this.cls} AS cls FROM bibs WHERE ${s} AND ${grams} AND ${this.exact} LIMIT ${limit}`;
    const { rows } = await sql<HitRow>`
      SELECT id, year, cls FROM (${this.shards(shard)}) u
       LIMIT ${limit}`.execute(this.db);
    return rows.map(toHit);
  }

  /**
   * The first `limit` hits of a class, by its index, ordered by an expression no index has:
   * the planner sorts the class's hits rather than walk the result order.
   */
  async indexClass(cls: RankClass, limit: number): Promise<Hit[]> {
    const candidates = classCandidates(this.plan, cls);
    const where = sql<SqlBool>`${candidates} AND ${this.exact} AND ${this.cls} = ${cls}`;
    // The exact title has a hash index of its own; the other classes, the GIN shards.
    const from =
      cls === 0 && this.plan.rank
        ? sql`SELECT id, year FROM bibs WHERE ${where}`
        : this.shards((shard) => sql`SELECT id, year FROM bibs WHERE ${shard} AND ${where}`);
    const { rows } = await sql<HitRow>`
      SELECT id, year, ${cls}::int AS cls FROM (${from}) u
       ORDER BY coalesce(year, -1) DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toHit);
  }
}
