import { sql, type Expression, type SqlBool } from 'kysely';
import { ACTIVE_HOLD_STATUSES, type MaterialType } from '../domain/holds.js';
import { materialTypeOfWord } from '../domain/material-words.js';
import { escapeLike, normalizeForSearch } from '../domain/normalize.js';
import type { SearchQuery } from '../domain/search-query.js';
import { anyBigint, anyText, type Executor } from './executor.js';

/**
 * All SQL of the catalog search, in one place, over the normalised columns of bibs
 * (migrations/0003): an index on them changes this file only. Every value is a bind parameter;
 * LIKE patterns are escaped, so `%`, `_` and `\` in a query match only themselves.
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

type NormColumn = 'norm_title' | 'norm_kana' | 'norm_author' | 'norm_publisher';

const like = (column: NormColumn, pattern: string) => sql<SqlBool>`${sql.ref(`bibs.${column}`)} LIKE ${pattern} ESCAPE '\\'`;
const containsPattern = (term: string) => `%${escapeLike(term)}%`;

/** Terms made comparable with the stored columns; a term that normalises to nothing is no term. */
const normalised = (terms: readonly string[] | undefined): string[] => (terms ?? []).map(normalizeForSearch).filter((t) => t !== '');

/**
 * The WHERE conditions of a query, all to be met (AND); undefined when no title can match
 * (a material type word the catalog does not know), [] when the query has no usable term.
 */
function conditions(q: SearchQuery): Expression<SqlBool>[] | undefined {
  const out: Expression<SqlBool>[] = [];
  for (const t of normalised(q.any)) {
    const p = containsPattern(t);
    out.push(sql<SqlBool>`(${like('norm_title', p)} OR ${like('norm_kana', p)} OR ${like('norm_author', p)} OR ${like('norm_publisher', p)})`);
  }
  // A title is found by its words or by its reading (ヨミ).
  for (const t of normalised(q.fields.title)) out.push(sql<SqlBool>`(${like('norm_title', containsPattern(t))} OR ${like('norm_kana', containsPattern(t))})`);
  const byColumn: [NormColumn, string[] | undefined][] = [
    ['norm_author', q.fields.author],
    ['norm_publisher', q.fields.publisher],
  ];
  for (const [column, terms] of byColumn) for (const t of normalised(terms)) out.push(like(column, containsPattern(t)));
  // Classification is a hierarchy read from the left: 913 finds 913.6, C finds C.
  for (const t of normalised(q.fields.classification)) {
    out.push(sql<SqlBool>`lower(btrim(bibs.classification)) LIKE ${`${escapeLike(t)}%`} ESCAPE '\\'`);
  }
  for (const word of q.fields.materialType ?? []) {
    if (normalizeForSearch(word) === '') continue;
    const type = materialTypeOfWord(word);
    if (!type) return undefined;
    out.push(sql<SqlBool>`bibs.material_type = ${type}`);
  }
  return out;
}

/**
 * Exact title, then title beginning with the term, then title containing it, then the rest
 * (matched by author or publisher). The term is the first title field, else the first word.
 */
function relevance(q: SearchQuery) {
  const term = normalised(q.fields.title)[0] ?? normalised(q.any)[0];
  // No title term (only author, classification …): every hit is in one class.
  if (term === undefined) return undefined;
  const prefix = `${escapeLike(term)}%`;
  return sql<number>`CASE WHEN bibs.norm_title = ${term} OR bibs.norm_kana = ${term} THEN 0
    WHEN ${like('norm_title', prefix)} OR ${like('norm_kana', prefix)} THEN 1
    WHEN ${like('norm_title', containsPattern(term))} OR ${like('norm_kana', containsPattern(term))} THEN 2 ELSE 3 END`;
}

const wholeNumber = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);

export async function searchTitles(db: Executor, q: SearchQuery, opts: { offset: number; limit: number }): Promise<SearchPage> {
  const where = conditions(q);
  if (!where || where.length === 0) return { total: 0, capped: false, hits: [] };
  const offset = wholeNumber(opts.offset);
  const limit = wholeNumber(opts.limit);
  const matching = db.selectFrom('bibs').where((eb) => eb.and(where));

  const rank = relevance(q);
  const rows = await matching
    .select(bibColumns)
    .$if(rank !== undefined, (qb) => qb.orderBy(rank!))
    .orderBy('bibs.year', (ob) => ob.desc().nullsLast())
    .orderBy('bibs.id')
    .limit(limit)
    .offset(offset)
    .execute();

  // A short page that is not empty tells the total without counting.
  let matched: number;
  if (rows.length < limit && (rows.length > 0 || offset === 0)) matched = offset + rows.length;
  else {
    const n = await db
      .selectFrom(matching.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('m'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    matched = Number(n.n);
  }
  return { total: Math.min(matched, COUNT_CAP), capped: matched > COUNT_CAP, hits: await withCopiesAndHolds(db, rows) };
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
