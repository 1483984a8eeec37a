import type { Executor } from './executor.js';
import { type Hit, type Probed, Queries } from './search-queries.js';
import { startGram, termGrams } from '../domain/grams.js';
import { classNeeds, CLASSES, estimatedShare, gramsOf, type RankClass, type SearchPlan } from './search-sql.js';

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

export type { Hit };

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
  const probed = await q.probe(t.probeRows, [
    ...(plan.exactGrams ?? []),
    ...gramsOf(plan.grams),
    ...(plan.rank ? [...termGrams(plan.rank.term), startGram(plan.rank.term)] : []),
  ]);
  const { probe, long, gramStats } = probed;
  const classPage = () => pageOfClasses(q, plan, page, t, probed);
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
  return { ids: await classPage(), matched: page.cap + 1 };
}

/**
 * The page of a query of more than `cap` hits, class by class, each read in result order. A rank
 * term no title has (a word of authors' names) leaves only the last class. Without a title term
 * all hits are one class, of more than `cap` titles: at least (cap + 1) / N dense.
 */
async function pageOfClasses(
  q: Queries,
  plan: SearchPlan,
  page: { offset: number; limit: number; cap: number },
  t: SearchTuning,
  { probe, long, exactTitles, gramStats }: Probed,
): Promise<string[]> {
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
    else if (cls === 0 && plan.rank && exactTitles) {
      // Every exact title, the long ones among them, came with the probe.
      found.push(...[...exactTitles].sort(byResultOrder).slice(0, need));
      continue;
    } else if (cls !== 0 || !plan.rank) {
      const rows = walkLength(cls, inProbe.length, need);
      const walked = rows > 0 ? await q.walkClass(cls, rows, need) : [];
      if (walked.length === need) top = walked;
    }
    top = top ? [...top, ...longOfClass].sort(byResultOrder).slice(0, need) : await q.indexClass(cls, need);
    found.push(...top);
  }
  return found.slice(page.offset, page.offset + page.limit).map((h) => h.id);
}
