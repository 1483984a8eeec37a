import { ACTIVE_HOLD_STATUSES, type MaterialType } from '../domain/holds.js';
import type { SearchQuery } from '../domain/search-query.js';
import { anyBigint, anyText, type Executor } from './executor.js';
import { DEFAULT_TUNING, rankedPage, type SearchTuning } from './search-ranking.js';
import { searchPlan } from './search-sql.js';

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
  const { ids, matched } = await rankedPage(db, plan, page, opts.tuning ?? DEFAULT_TUNING);
  const rows = ids.length === 0 ? [] : await db.selectFrom('bibs').select(bibColumns).where('bibs.id', '=', anyBigint(ids)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A title deleted between the two reads is left out rather than shown half.
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  return { total: Math.min(matched, COUNT_CAP), capped: matched > COUNT_CAP, hits: await withCopiesAndHolds(db, ordered) };
}

/** One title with its copies and hold count; undefined for an id that names no title. */
export async function titleDetail(db: Executor, bibId: string): Promise<TitleHit | undefined> {
  if (!/^\d{1,18}$/.test(bibId)) return undefined;
  const row = await db.selectFrom('bibs').select(bibColumns).where('bibs.id', '=', bibId).executeTakeFirst();
  if (!row) return undefined;
  return (await withCopiesAndHolds(db, [row]))[0];
}

const bibColumns = [
  'bibs.id',
  'bibs.title',
  'bibs.author',
  'bibs.publisher',
  'bibs.year',
  'bibs.material_type',
  'bibs.classification',
  'bibs.latest_issue',
] as const;

interface BibHitRow {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  year: number | null;
  material_type: string;
  classification: string | null;
  latest_issue: boolean;
}

/** Copies and hold counts of a page of titles: one query each, whatever the page size. */
async function withCopiesAndHolds(db: Executor, rows: BibHitRow[]): Promise<TitleHit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // In turn, not in parallel: inside a transaction both would share one connection anyway.
  const copies = await db
    .selectFrom('items')
    .innerJoin('branches', 'branches.code', 'items.home_branch')
    .select(['items.bib_id', 'items.barcode', 'items.home_branch', 'branches.name', 'items.call_number', 'items.status', 'items.in_library_only'])
    .where('items.bib_id', '=', anyBigint(ids))
    .orderBy('branches.sort_order')
    .orderBy('items.id')
    .execute();
  const holds = await db
    .selectFrom('holds')
    .select((eb) => ['holds.bib_id', eb.fn.countAll<string>().as('n')])
    .where('holds.bib_id', '=', anyBigint(ids))
    .where('holds.status', '=', anyText(ACTIVE_HOLD_STATUSES))
    .groupBy('holds.bib_id')
    .execute();
  const copiesOf = new Map<string, CopyHit[]>();
  for (const c of copies) {
    const list = copiesOf.get(c.bib_id) ?? [];
    list.push({ barcode: c.barcode, branch: c.home_branch, branchName: c.name, callNumber: c.call_number, status: c.status, inLibraryOnly: c.in_library_only });
    copiesOf.set(c.bib_id, list);
  }
  const holdsOf = new Map(holds.map((h) => [h.bib_id, Number(h.n)]));
  return rows.map((r) => ({
    bibId: r.id,
    title: r.title,
    author: r.author,
    publisher: r.publisher,
    year: r.year,
    // The CHECK of migrations/0001 allows only these values.
    materialType: r.material_type as MaterialType,
    classification: r.classification,
    latestIssue: r.latest_issue,
    copies: copiesOf.get(r.id) ?? [],
    holdCount: holdsOf.get(r.id) ?? 0,
  }));
}
