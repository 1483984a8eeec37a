import { searchTitles, titleDetail, type CopiesReader, type CopyHit, type TitleHit } from '../db/catalog-search.js';
import type { RankingCache } from '../db/search-ranking-cache.js';
import { closeTitles, type CloseTitle } from '../db/search-suggest.js';
import type { Executor } from '../db/executor.js';
import {
  copyState,
  isKamishibai,
  isLargePrint,
  isYoungAdult,
  titleAvailability,
  type CopyState,
  type TitleAvailability,
} from '../domain/catalog-display.js';
import { reservabilityRefusal } from '../domain/holds.js';
import type { Refusal } from '../domain/refusals.js';
import { isEmptyQuery, parseSearchQuery, type SearchQuery } from '../domain/search-query.js';

/** R-ELIG-1: anyone may search, so nothing here asks who is searching. */
export const PAGE_SIZE = 10;

/** A title as the result list shows it (R-SRCH-2..4), with what the detail view needs to offer 予約申込. */
export interface TitleSummary extends TitleHit {
  /** R-SRCH-4: 貸出：○ when true, 貸出：× (or 館内閲覧のみ) when false. */
  lendable: boolean;
  /** What the result list says: 貸出：○, 貸出：×, or 館内閲覧のみ when no copy is ever lent. */
  availability: TitleAvailability;
  /** R-SRCH-3: some copy's call number carries YA. */
  youngAdult: boolean;
  /** Some copy's call number carries 大活字: a large-print edition (大活字本). */
  largePrint: boolean;
  /** R-SRCH-2: a kamishibai (classification C). */
  kamishibai: boolean;
  /** The first copy's call number (請求記号); null for a title without copies. */
  callNumber: string | null;
  /** R-RES-1 / R-SRCH-5: null when the title may be reserved, else why not. */
  reservable: Refusal | null;
}

export interface CopyView extends CopyHit {
  /** R-SRCH-5: the copy's status in the detail view. */
  state: CopyState;
}

export interface TitleDetailView extends Omit<TitleSummary, 'copies'> {
  copies: CopyView[];
}

export interface CatalogSearchResult {
  query: SearchQuery;
  /** Exact up to 1000; when `capped`, more than 1000 titles matched. */
  total: number;
  capped: boolean;
  /** 0-based, PAGE_SIZE titles a page. */
  page: number;
  hasNext: boolean;
  results: TitleSummary[];
  /** 「もしかして」: when nothing matched, up to 3 titles close to the words (db/search-suggest.ts). */
  suggestions: CloseTitle[];
}

/**
 * R-SRCH-1: a line typed in the chat (`猫 著者:夏目 分類:913`) searched as one query, every
 * term combined with AND. A line with no words answers "nothing found" without asking the
 * database.
 */
/** What a runtime lets concurrent searches share: kept rankings, and copies read together. */
export interface SharedSearchReads {
  rankings?: RankingCache;
  copies?: CopiesReader;
}

export async function searchCatalog(
  db: Executor,
  text: string,
  page: number,
  shared: SharedSearchReads = {},
): Promise<CatalogSearchResult> {
  const query = parseSearchQuery(text);
  const p = Number.isSafeInteger(page) && page > 0 ? page : 0;
  if (isEmptyQuery(query))
    return { query, total: 0, capped: false, page: p, hasNext: false, results: [], suggestions: [] };
  const found = await searchTitles(db, query, { offset: p * PAGE_SIZE, limit: PAGE_SIZE, ...shared });
  // Only the words of titles are compared (a number, an ISBN, is no typo of a title).
  const typed = [...query.any, ...(query.fields.title ?? [])].filter((w) => !/^[\d\s-]*$/.test(w.normalize('NFKC')));
  const suggestions = found.total === 0 && p === 0 && typed.length > 0 ? await closeTitles(db, typed) : [];
  return {
    suggestions,
    query,
    total: found.total,
    capped: found.capped,
    page: p,
    hasNext: (p + 1) * PAGE_SIZE < found.total,
    results: found.hits.map(summarise),
  };
}

/** R-SRCH-5: the title with each copy's state and the number of holds; undefined for an unknown id. */
export async function titleDetailView(db: Executor, bibId: string): Promise<TitleDetailView | undefined> {
  const hit = await titleDetail(db, bibId);
  if (!hit) return undefined;
  return { ...summarise(hit), copies: hit.copies.map((c) => ({ ...c, state: copyState(c, hit.latestIssue) })) };
}

function summarise(t: TitleHit): TitleSummary {
  const availability = titleAvailability(t.copies, t.latestIssue);
  return {
    ...t,
    lendable: availability === 'lendable',
    availability,
    youngAdult: t.copies.some((c) => isYoungAdult(c.callNumber)),
    largePrint: t.copies.some((c) => isLargePrint(c.callNumber)),
    kamishibai: isKamishibai(t),
    callNumber: t.copies[0]?.callNumber ?? null,
    // The same copies placeHold weighs, so 予約申込 is offered exactly when a hold would be taken.
    reservable: reservabilityRefusal(t, t.copies),
  };
}
