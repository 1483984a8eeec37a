import { sql, type Selectable } from 'kysely';
import { ACTIVE_HOLD_STATUSES, type MaterialType } from '../domain/holds.js';
import type { SearchQuery } from '../domain/search-query.js';
import { isRowId, type Executor } from './executor.js';
import type { BibsTable } from './schema.js';
import { Coalescer } from '../lib/coalescer.js';
import { preparedMarker } from './prepared-statements.js';
import { catalogGeneration, type RankingCache } from './search-ranking-cache.js';
import { DEFAULT_TUNING, rankedPage, type SearchTuning } from './search-ranking.js';
import { searchPlan } from './search-sql.js';
import { subsetPage } from './search-subset.js';

/**
 * The catalog search: a page of titles with their copies and hold counts. The SQL of the
 * search is in three files: search-sql.ts (the conditions of a query), search-ranking.ts
 * (how the hits of a page are found), and this one (what is shown of them).
 */
export interface CopyHit {
  barcode: string;
  /** The branch the copy belongs to (所蔵館); a copy in transit still shows its home. */
  branch: string;
  branchName: string;
  callNumber: string;
  status: string;
  inLibraryOnly: boolean;
}

export interface TitleHit {
  bibId: string;
  title: string;
  author: string | null;
  publisher: string | null;
  year: number | null;
  materialType: MaterialType;
  classification: string | null;
  latestIssue: boolean;
  /** By branch order, then in the order they were catalogued. */
  copies: CopyHit[];
  /** Active holds (依頼中, N位, in transit, 受取り可): R-SRCH-5 予約件数. */
  holdCount: number;
}

export interface SearchPage {
  total: number;
  /** More than COUNT_CAP titles matched; `total` is then COUNT_CAP. */
  capped: boolean;
  hits: TitleHit[];
}

/** Counting stops here: a patron refines a query long before reading a thousand titles. */
export const COUNT_CAP = 1000;

/** Everything a search needs beyond the query; tuning is for tests and the bench. */
export interface SearchOptions {
  offset: number;
  limit: number;
  tuning?: SearchTuning;
  /** Keeps rankings between searches while the catalog is unchanged (not used with `tuning`). */
  rankings?: RankingCache;
  /** Reads copies together with other searches running at the same time (batchedCopies). */
  copies?: CopiesReader;
}

/** Titles with copies and hold counts, and the catalog generation they were read at. */
export type CopiesReader = (ids: readonly string[]) => Promise<{ titles: TitleHit[]; generation: string | undefined }>;

/**
 * A CopiesReader on the pool that reads the pages of searches running at the same time in one
 * statement (each gets its own titles back). Only for reads outside a transaction.
 */
export function batchedCopies(db: Executor): CopiesReader {
  const batch = new Coalescer((ids: string[]) => titlesWithCopies(db, [...new Set(ids)]));
  return async (ids) => {
    if (ids.length === 0) return { titles: [], generation: undefined };
    const r = await batch.add([...ids]);
    const wanted = new Set(ids);
    return { titles: r.titles.filter((t) => wanted.has(t.bibId)), generation: r.generation };
  };
}

const wholeNumber = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);

/**
 * R-SRCH-1: the titles on one page of a query, in relevance order (exact title, title prefix,
 * title contains, then author or publisher; newest first within each), with the count of all
 * hits up to COUNT_CAP. db/search-ranking.ts decides how they are found.
 */
export async function searchTitles(db: Executor, q: SearchQuery, opts: SearchOptions): Promise<SearchPage> {
  const plan = searchPlan(q);
  if (!plan || plan.exact.length === 0) return { total: 0, capped: false, hits: [] };
  const page = { offset: wholeNumber(opts.offset), limit: wholeNumber(opts.limit), cap: COUNT_CAP };
  const cache = opts.tuning ? undefined : opts.rankings;
  const key = JSON.stringify([q, page.offset, page.limit]);
  const kept = cache?.get(key);
  const read: CopiesReader = opts.copies ?? ((ids) => titlesWithCopies(db, ids));
  if (kept) {
    // Copies and holds are read fresh, with the generation: a ranking from before a catalog change is not used.
    const { titles, generation } = await read(kept.ids);
    if (generation === kept.generation) return pageOf(kept.ids, kept.matched, titles);
    cache!.forget(key);
  }
  // Read before ranking: if the catalog changes meanwhile, the ranking is kept under the older
  // generation and dropped at its first use, never used stale.
  const before = cache ? await catalogGeneration(db) : undefined;
  const { ids, matched } = plan.subset
    ? await subsetPage(db, plan, page)
    : await rankedPage(db, plan, page, opts.tuning ?? DEFAULT_TUNING);
  const { titles } = await read(ids);
  if (cache && before !== undefined && ids.length > 0) cache.set(key, { generation: before, ids, matched });
  return pageOf(ids, matched, titles);
}

function pageOf(ids: readonly string[], matched: number, titles: readonly TitleHit[]): SearchPage {
  const byId = new Map(titles.map((t) => [t.bibId, t]));
  // A title deleted between the two reads is left out rather than shown half.
  return {
    total: Math.min(matched, COUNT_CAP),
    capped: matched > COUNT_CAP,
    hits: ids.flatMap((id) => byId.get(id) ?? []),
  };
}

/** One title with its copies and hold count; undefined for an id that names no title. */
export async function titleDetail(db: Executor, bibId: string): Promise<TitleHit | undefined> {
  if (!isRowId(bibId)) return undefined;
  return (await titlesWithCopies(db, [bibId])).titles[0];
}

type TitleRow = Pick<
  Selectable<BibsTable>,
  'id' | 'title' | 'author' | 'publisher' | 'year' | 'material_type' | 'classification' | 'latest_issue'
> & {
  copies: CopyHit[] | null;
  holds: string;
  generation: string;
};

/**
 * Titles with their copies (by branch order, then as catalogued) and active hold counts, in
 * one statement whatever the page size: each round trip costs a page of results ~0.5 ms.
 */
async function titlesWithCopies(
  db: Executor,
  ids: readonly string[],
): Promise<{ titles: TitleHit[]; generation: string | undefined }> {
  if (ids.length === 0) return { titles: [], generation: undefined };
  const { rows } = await sql<TitleRow>`${sql.raw(preparedMarker('catalog-titles-with-copies'))}
    SELECT b.id, b.title, b.author, b.publisher, b.year, b.material_type, b.classification, b.latest_issue,
           (SELECT json_agg(json_build_object('barcode', i.barcode, 'branch', i.home_branch, 'branchName', br.name,
                    'callNumber', i.call_number, 'status', i.status, 'inLibraryOnly', i.in_library_only)
                      ORDER BY br.sort_order, i.id)
              FROM items i JOIN branches br ON br.code = i.home_branch WHERE i.bib_id = b.id) AS copies,
           (SELECT count(*) FROM holds h WHERE h.bib_id = b.id
             AND h.status IN (${sql.raw(ACTIVE_HOLD_STATUSES.map((st) => `'${st}'`).join(', '))})) AS holds,
           (SELECT n FROM catalog_generation) AS generation
      -- The ids as JSON, not an array: the planner cannot see how many there are, so every plan
      -- of this prepared statement costs the same and its generic plan is kept (with an array it
      -- was planned again at most searches: 0.25 ms each, more than running it).
      FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) AS page(id)
        JOIN bibs b ON b.id = page.id::bigint`.execute(db);
  const titles = rows.map((r) => ({
    bibId: String(r.id),
    title: r.title,
    author: r.author,
    publisher: r.publisher,
    year: r.year,
    materialType: r.material_type,
    classification: r.classification,
    latestIssue: r.latest_issue,
    copies: r.copies ?? [],
    holdCount: Number(r.holds),
  }));
  return { titles, generation: rows[0] ? String(rows[0].generation) : undefined };
}
