import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './executor.js';
import { preparedByText } from './prepared-statements.js';
import {
  allOf,
  classCandidates,
  classOf,
  gramCondition,
  type GramTitles,
  type RankClass,
  type SearchPlan,
} from './search-sql.js';

/** A hit with what orders it: class, then year, then id (search-ranking.ts byResultOrder). */
export interface Hit {
  id: string;
  year: number | null;
  cls: RankClass;
}

/** What the probe read of the grams: how many titles have them, and the catalog's size. */
export interface GramStats {
  /** Titles having each gram, in order. */
  of(grams: readonly string[]): number[];
  /** Titles having a gram the probe asked about; undefined for any other. */
  titles: GramTitles;
  catalog: number;
}

/** What the probe found: hits among the newest titles, the long titles' hits, the gram counts. */
export interface Probed {
  probe: { hits: Hit[]; complete: boolean };
  long: Hit[];
  /** Every hit whose title or reading is the rank term (class 0); undefined when there are too many to read here. */
  exactTitles: Hit[] | undefined;
  gramStats: GramStats;
}

/** Most exact titles the probe reads: a page's worth, and more for later pages. */
const EXACT_TITLES = 100;

interface HitRow {
  id: string;
  year: number | null;
  cls: number;
}
const toHit = (r: HitRow): Hit => ({ id: String(r.id), year: r.year, cls: Number(r.cls) as RankClass });

/** The GIN shards bibs_search_grams_0..3: as many as migrations/0005 made. */
export const SHARDS = 4;

/** The SQL of the strategies, over the conditions of one plan. */
export class Queries {
  private readonly exact: Expression<SqlBool>;
  private readonly cls;
  /** The grams' title counts, once the probe has read them: the index conditions choose by them. */
  private titles: GramTitles = () => undefined;
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
  async probe(rows: number, grams: string[]): Promise<Probed> {
    const term = this.plan.rank?.term;
    // The exact titles: few, by their hash indexes (the class the page starts with).
    const exactTitles = term
      ? sql`UNION ALL
      SELECT id, year, 0, true, 0, 'exact', NULL FROM (SELECT id, year FROM bibs
       WHERE (norm_title = ${term} OR norm_kana = ${term}) AND ${this.exact} LIMIT ${EXACT_TITLES}) e`
      : sql``;
    // The first row comes back even when it is no hit, to tell how many rows were read; the
    // class is worked out for the rows that come back only. `part` tells the parts apart.
    const { rows: got } = await sql<
      HitRow & { hit: boolean; n: number; part: 'walk' | 'long' | 'exact' | 'gram' | 'size'; gram: string | null }
    >`${sql.raw(preparedByText)}
      SELECT id, year, ${this.cls} AS cls, hit, n::float8 AS n, 'walk' AS part, NULL::text AS gram FROM (
        SELECT s.*, ${this.exact} AS hit, count(*) OVER () AS n, row_number() OVER () AS i FROM ${this.newest(rows)} s
      ) w WHERE hit OR i = 1
      UNION ALL
      SELECT id, year, ${this.cls}, true, 0, 'long', NULL FROM bibs WHERE NOT search_short AND ${this.exact}
      ${exactTitles}
      UNION ALL
      SELECT NULL, NULL, NULL, false, titles::float8, 'gram', gram FROM search_gram_titles
       WHERE gram = ANY(${[...new Set(grams)]}::text[])
      UNION ALL
      SELECT NULL, NULL, NULL, false, reltuples::float8, 'size', NULL FROM pg_class
       WHERE oid = 'bibs'::regclass`.execute(this.db);
    const walked = got.filter((r) => r.part === 'walk');
    const exact = got.filter((r) => r.part === 'exact').map(toHit);
    const titles = new Map(got.filter((r) => r.part === 'gram').map((r) => [r.gram!, Number(r.n)]));
    const asked = new Set(grams);
    this.titles = (g) => (asked.has(g) ? (titles.get(g) ?? 0) : undefined);
    return {
      probe: { hits: walked.filter((r) => r.hit).map(toHit), complete: Number(walked[0]?.n ?? 0) < rows },
      long: got.filter((r) => r.part === 'long').map(toHit),
      exactTitles: exact.length < EXACT_TITLES && term !== undefined ? exact : undefined,
      gramStats: {
        of: (gs) => gs.map((g) => titles.get(g) ?? 0),
        titles: this.titles,
        catalog: Number(got.find((r) => r.part === 'size')?.n ?? 0),
      },
    };
  }

  /** Hits among the newest `rows` titles, counted up to `upTo`. */
  async walkCount(rows: number, upTo: number): Promise<number> {
    const { rows: got } = await sql<{ n: string }>`${sql.raw(preparedByText)}
      SELECT count(*) AS n FROM (SELECT 1 FROM ${this.newest(rows)} s WHERE ${this.exact} LIMIT ${upTo}) x`.execute(
      this.db,
    );
    return Number(got[0]?.n ?? 0);
  }

  /** The first `limit` hits of a class among the newest `rows` titles, in result order. */
  async walkClass(cls: RankClass, rows: number, limit: number): Promise<Hit[]> {
    const { rows: got } = await sql<HitRow>`${sql.raw(preparedByText)}
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
    const grams = gramCondition(this.plan.grams, this.titles);
    const shard = (s: Expression<SqlBool>) =>
      sql`SELECT id, year, ${this.cls} AS cls FROM bibs WHERE ${s} AND ${grams} AND ${this.exact} LIMIT ${limit}`;
    const { rows } = await sql<HitRow>`${sql.raw(preparedByText)}
      SELECT id, year, cls FROM (${this.shards(shard)}) u
       LIMIT ${limit}`.execute(this.db);
    return rows.map(toHit);
  }

  /**
   * The first `limit` hits of a class, by its index, ordered by an expression no index has:
   * the planner sorts the class's hits rather than walk the result order.
   */
  async indexClass(cls: RankClass, limit: number): Promise<Hit[]> {
    const candidates = classCandidates(this.plan, cls, this.titles);
    const where = sql<SqlBool>`${candidates} AND ${this.exact} AND ${this.cls} = ${cls}`;
    // The exact title has a hash index of its own; the other classes, the GIN shards.
    const from =
      cls === 0 && this.plan.rank
        ? sql`SELECT id, year FROM bibs WHERE ${where}`
        : this.shards((shard) => sql`SELECT id, year FROM bibs WHERE ${shard} AND ${where}`);
    const { rows } = await sql<HitRow>`${sql.raw(preparedByText)}
      SELECT id, year, ${cls}::int AS cls FROM (${from}) u
       ORDER BY coalesce(year, -1) DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toHit);
  }
}
