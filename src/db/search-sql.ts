import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { classificationGram, materialTypeGram, startGram, TAG, tagged, termGrams } from '../domain/grams.js';
import { materialTypeOfWord, type MaterialFilter } from '../domain/material-words.js';
import { escapeLike, normalizeForSearch } from '../domain/normalize.js';
import type { SearchQuery } from '../domain/search-query.js';
import { isbn13Of } from '../domain/isbn.js';

/**
 * The SQL conditions of one catalog query (the strategies of db/search-ranking.ts put them
 * together). Columns are named without a table, so that a condition reads the same over bibs
 * and over a subquery of the search walk index. Every value is a bind parameter; LIKE patterns
 * are escaped, so `%`, `_` and `\` in a query match only themselves.
 */
type Condition = Expression<SqlBool>;
type NormColumn = 'norm_title' | 'norm_kana' | 'norm_author' | 'norm_publisher';

/** What a term's grams say: all of `all` present, and for each of `anyOf`, all of one of its sets. */
export interface GramNeed {
  all: string[];
  anyOf: string[][][];
}

export interface SearchPlan {
  /** Exact: a title matches when every condition holds (the LIKEs; relevance, not the index, decides order). */
  exact: Condition[];
  /** Necessary for a match, one need a term, answered by the GIN index: the candidates `exact` is checked on. */
  grams: GramNeed[];
  /** The term relevance is judged by (the first title term, else the first word), and its place in `grams`. */
  rank?: { term: string; at: number };
  /**
   * For a query of one word or field term of one or two characters: grams each of which a
   * title has exactly when the term is in that field (title or reading, author, publisher), so
   * that the query has at least as many hits as the most frequent of them has titles
   * (search_gram_titles).
   */
  exactGrams?: string[];
  /**
   * Every hit is among few titles that an index of their own lists (db/search-subset.ts): the
   * titles of an ISBN, or the titles a copy's call number marks (YA, 大活字).
   */
  subset?: { isbn13: string } | { marked: true };
}

const like = (column: NormColumn, pattern: string) => sql<SqlBool>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
const contains = (term: string) => `%${escapeLike(term)}%`;
const inTitle = (pattern: string) => sql<SqlBool>`(${like('norm_title', pattern)} OR ${like('norm_kana', pattern)})`;

/** Terms made comparable with the stored columns; a term that normalises to nothing is no term. */
const normalised = (terms: readonly string[] | undefined): string[] =>
  (terms ?? []).map(normalizeForSearch).filter((t) => t !== '');

const need = (all: string[] = [], anyOf: string[][][] = []): GramNeed => ({ all, anyOf });

/** The plan of a query; undefined when no title can match (a material type word the catalog does not know). */
export function searchPlan(q: SearchQuery): SearchPlan | undefined {
  const exact: Condition[] = [];
  const needs: GramNeed[] = [];
  // An ISBN is one title's key, matched whole by its own index: no title word is made of it.
  const isbns = q.any.map(isbn13Of);
  const words = normalised(q.any.filter((_, i) => isbns[i] === undefined));
  let subset: SearchPlan['subset'];
  let materialGrams: string[] | undefined;
  for (const isbn13 of isbns.filter((i) => i !== undefined)) {
    exact.push(sql<SqlBool>`isbn13 = ${isbn13}`);
    subset = { isbn13 };
  }
  for (const m of q.materials ?? []) {
    const f = materialCondition(m);
    exact.push(f.condition);
    if (f.need) needs.push(f.need);
    else subset ??= { marked: true };
    materialGrams = f.grams;
  }
  // Where the first word's and the first title term's needs are (material words' needs come before).
  const wordAt = needs.length;
  for (const t of words) {
    exact.push(
      sql<SqlBool>`(${inTitle(contains(t))} OR ${like('norm_author', contains(t))}
                    OR ${like('norm_publisher', contains(t))})`,
    );
    const g = termGrams(t);
    needs.push(need([], [[g, tagged(TAG.author, g), tagged(TAG.publisher, g)]]));
  }
  // A title is found by its words or by its reading (ヨミ).
  const titles = normalised(q.fields.title);
  const titleAt = needs.length;
  for (const t of titles) {
    exact.push(inTitle(contains(t)));
    needs.push(need(termGrams(t)));
  }
  const byColumn: [NormColumn, string, string[]][] = [
    ['norm_author', TAG.author, normalised(q.fields.author)],
    ['norm_publisher', TAG.publisher, normalised(q.fields.publisher)],
  ];
  for (const [column, tag, terms] of byColumn) {
    for (const t of terms) {
      exact.push(like(column, contains(t)));
      needs.push(need(tagged(tag, termGrams(t))));
    }
  }
  // Classification is a hierarchy read from the left: 913 finds 913.6, C finds C.
  for (const t of normalised(q.fields.classification)) {
    exact.push(sql<SqlBool>`lower(btrim(classification)) LIKE ${`${escapeLike(t)}%`} ESCAPE '\\'`);
    const g = classificationGram(t);
    if (g) needs.push(need([g]));
  }
  for (const word of q.fields.materialType ?? []) {
    if (normalizeForSearch(word) === '') continue;
    const type = materialTypeOfWord(word);
    if (!type) return undefined;
    exact.push(sql<SqlBool>`material_type = ${type}`);
    needs.push(need([materialTypeGram(type)]));
  }
  const plan: SearchPlan = { exact, grams: needs, ...(subset ? { subset } : {}) };
  const term = titles[0] ?? words[0];
  if (term !== undefined) plan.rank = { term, at: titles[0] !== undefined ? titleAt : wordAt };
  if (needs.length === 1 && exact.length === 1) {
    const n = needs[0]!;
    const alternatives = n.anyOf.length === 1 ? n.anyOf[0]! : n.anyOf.length === 0 ? [n.all] : [];
    // One gram per field is the whole term only for a term of one or two characters.
    const fieldGram = (a: string[]) => a.length === 1 && /^(a:|p:)?.{1,2}$/u.test(a[0]!) && !/^[c^m]:/.test(a[0]!);
    if (alternatives.length > 0 && alternatives.every(fieldGram)) {
      plan.exactGrams = alternatives.map((a) => a[0]!);
    }
  }
  // A material word alone: each of its grams is had exactly by titles it finds (a type; a
  // classification's first characters), so search_gram_titles counts its hits from below.
  if (exact.length === 1 && needs.length === 1 && materialGrams && q.materials?.length === 1)
    plan.exactGrams = materialGrams;
  return plan;
}

/**
 * A material word's condition, and the grams a title meeting it has (none for a mark: marks are
 * kept out of the gram index, which every query reads; the marked titles have their own).
 */
function materialCondition(m: MaterialFilter): { condition: Condition; need?: GramNeed; grams?: string[] } {
  // A classification as `分類:` reads it, from the left: 紙芝居 is what 分類:C finds (R-SRCH-2).
  const classIs = (c: string) =>
    sql<SqlBool>`lower(btrim(classification)) LIKE ${`${escapeLike(c.toLowerCase())}%`} ESCAPE '\\'`;
  const classGram = (c: string) => classificationGram(c.toLowerCase())!;
  if ('mark' in m) return { condition: sql<SqlBool>`${m.mark} = ANY(marks)` };
  if (!('type' in m)) {
    const g = classGram(m.classification);
    return { condition: classIs(m.classification), need: need([g]), grams: [g] };
  }
  const typeIs = sql<SqlBool>`material_type = ${m.type}`;
  const t = materialTypeGram(m.type);
  if (m.classification === undefined) return { condition: typeIs, need: need([t]), grams: [t] };
  const g = classGram(m.classification);
  return {
    condition: sql<SqlBool>`(${typeIs} OR ${classIs(m.classification)})`,
    need: need([], [[[t], [g]]]),
    grams: [t, g],
  };
}

/** Relevance classes: exact title, title prefix, title contains, the rest (author or publisher). */
export const CLASSES = [0, 1, 2, 3] as const;
export type RankClass = (typeof CLASSES)[number];

/** The class of a row; 0 for every row of a query without a title term (one class). */
export function classOf(plan: SearchPlan): RawBuilder<number> {
  if (!plan.rank) return sql<number>`0::int`;
  const t = plan.rank.term;
  return sql<number>`(CASE WHEN norm_title = ${t} OR norm_kana = ${t} THEN 0
    WHEN ${inTitle(`${escapeLike(t)}%`)} THEN 1 WHEN ${inTitle(contains(t))} THEN 2 ELSE 3 END)`;
}

export const allOf = (conditions: readonly Condition[]): Condition =>
  conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;

/** Most `@>` a condition is spread into: three words of the simple search (3 × 3 × 3). */
const MAX_SPREAD = 27;

/** How many titles have a gram (search_gram_titles); undefined when it was not read. */
export type GramTitles = (gram: string) => number | undefined;
const unknownTitles: GramTitles = () => undefined;

/** Grams that say more than the words: a title's start, a classification, a material type. */
const STRUCTURAL = [TAG.start, TAG.classification, TAG.materialType];
const isStructural = (g: string) => STRUCTURAL.some((tag) => g.startsWith(tag));

/**
 * A term's word grams, in their order in the term, are cut into this many runs, and a `@>`
 * names the rarest gram of each run. GIN reads the whole posting list of every gram it is given,
 * while the grams of one word are nearly always found together: at 1M titles, ハジ, ノプ and ミン
 * find the same 279 titles of ハジメテノプログラミング in a quarter of the catalog as all eleven
 * grams, from a fifth of the index pages. One gram from each part of the term, not the rarest
 * ones overall: neighbours go together (ノプ and グラ, the two rarest, are in every 「…のプログラミング」).
 * The LIKE conditions check every candidate, so fewer grams can cost candidates, never hits.
 */
const TERM_RUNS = 3;

/** The structural grams and the rarest word gram of each run; all of them when a count is unknown. */
function rarest(grams: readonly string[], titles: GramTitles): string[] {
  const words = grams.filter((g) => !isStructural(g));
  if (words.length <= TERM_RUNS || words.some((g) => titles(g) === undefined)) return [...grams];
  const kept = new Set<string>();
  for (let run = 0; run < TERM_RUNS; run++) {
    const part = words.slice(
      Math.floor((run * words.length) / TERM_RUNS),
      Math.floor(((run + 1) * words.length) / TERM_RUNS),
    );
    kept.add(part.reduce((best, g) => (titles(g)! < titles(best)! ? g : best)));
  }
  return grams.filter((g) => isStructural(g) || kept.has(g));
}

/**
 * The GIN condition of the terms' needs. A word of the simple search may be in any of three
 * fields (title or reading, author, publisher), so its need is an OR; the ORs of several words
 * are multiplied out, (T1 ∨ A1 ∨ P1) ∧ (T2 ∨ A2 ∨ P2) = (T1 ∧ T2) ∨ (T1 ∧ A2) ∨ …, so that each
 * `@>` names every gram it needs and the GIN index intersects them itself, instead of the
 * table being read for the candidates of one word to check the other.
 *
 * With the grams' title counts (`titles`): a choice needing a gram no title has finds nothing
 * and is left out (宇宙 新潮社: one `@>` of nine, as no author has 宇宙 and no title 新潮), and
 * each term names only its rarest grams. The counts are kept with the titles in their
 * transaction, and titles are changed or removed only by a rebuild, which counts again.
 */
export function gramCondition(needs: readonly GramNeed[], titles: GramTitles = unknownTitles): Condition {
  const absent = (g: string) => titles(g) === 0;
  if (needs.some((n) => n.all.some(absent))) return sql<SqlBool>`false`;
  const all = needs.flatMap((n) => rarest(n.all, titles));
  const anyOf = needs.flatMap((n) =>
    n.anyOf.map((alternatives) => alternatives.filter((alt) => !alt.some(absent)).map((alt) => rarest(alt, titles))),
  );
  if (anyOf.some((alternatives) => alternatives.length === 0)) return sql<SqlBool>`false`;
  const has = (grams: string[]) => sql<SqlBool>`search_grams @> ${grams}::text[]`;
  const size = anyOf.reduce((n, alternatives) => n * alternatives.length, 1);
  if (size <= MAX_SPREAD) {
    let sets: string[][] = [all];
    for (const alternatives of anyOf) sets = sets.flatMap((set) => alternatives.map((alt) => [...set, ...alt]));
    const nonEmpty = sets.filter((set) => set.length > 0);
    if (nonEmpty.length < sets.length) return sql<SqlBool>`true`;
    return sets.length === 1 ? has(sets[0]!) : sql<SqlBool>`(${sql.join(sets.map(has), sql` OR `)})`;
  }
  const parts: Condition[] = all.length > 0 ? [has(all)] : [];
  for (const alternatives of anyOf) parts.push(sql<SqlBool>`(${sql.join(alternatives.map(has), sql` OR `)})`);
  return allOf(parts);
}

/**
 * The needs every title of `cls` meets: the plan's, with the rank term's narrowed to the class's
 * fields (prefix: its title start gram too; contains: title or reading; the rest: author or
 * publisher). Undefined for the exact title, which has a hash index instead of grams.
 */
export function classNeeds(plan: SearchPlan, cls: RankClass): GramNeed[] | undefined {
  if (!plan.rank) return plan.grams;
  const { term, at } = plan.rank;
  if (cls === 0) return undefined;
  const g = termGrams(term);
  const narrowed =
    cls === 1
      ? need([startGram(term), ...g])
      : cls === 2
        ? need(g)
        : need([], [[tagged(TAG.author, g), tagged(TAG.publisher, g)]]);
  return plan.grams.map((n, i) => (i === at ? narrowed : n));
}

/**
 * A condition every title of `cls` meets, answerable by an index: the exact title by its hash
 * index, the others by the GIN index with the rank term's need narrowed to the class's fields.
 */
export function classCandidates(plan: SearchPlan, cls: RankClass, titles?: GramTitles): Condition {
  const needs = classNeeds(plan, cls);
  if (needs) return gramCondition(needs, titles);
  const term = plan.rank!.term;
  return sql<SqlBool>`(norm_title = ${term} OR norm_kana = ${term})`;
}

/** Every gram the needs name. */
export const gramsOf = (needs: readonly GramNeed[]): string[] => [
  ...new Set(needs.flatMap((n) => [...n.all, ...n.anyOf.flat(2)])),
];

/**
 * The share of the catalog expected to meet all the needs, from the titles each gram has
 * (`titles(gram)`, search_gram_titles) and the catalog's size: a need is met by at most as many
 * titles as its rarest gram has (for a choice of fields, the sum over them), and the needs are
 * taken as independent. An estimate, to choose a way, never to decide a result.
 */
export function estimatedShare(needs: readonly GramNeed[], titles: (gram: string) => number, catalog: number): number {
  if (catalog <= 0) return 0;
  const atMost = (grams: readonly string[]) => (grams.length === 0 ? catalog : Math.min(...grams.map(titles)));
  let share = 1;
  for (const n of needs) {
    let t = atMost(n.all);
    for (const alternatives of n.anyOf)
      t = Math.min(
        t,
        alternatives.reduce((sum, alt) => sum + atMost(alt), 0),
      );
    share *= Math.min(1, t / catalog);
  }
  return share;
}
