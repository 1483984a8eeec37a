import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { allOf, classOf, searchPlan } from '../src/db/search-sql.js';
import type { SearchQuery } from '../src/domain/search-query.js';
import { benchIsbn } from './search-catalog.js';

/** The fixed query mix of bench/search, by class; words the generator (search-catalog.ts) uses. */
export const QUERY_MIX: Record<string, string[]> = {
  '1-char': ['猫', '海', '星', '桜', '夢', '庭'],
  '2-char common': ['日本', '歴史', '世界', '科学', '文化', '料理'],
  '3+ char': ['子ども', 'プログラミング', 'はじめての', '人工知能', '恐竜図鑑', 'ねこのひみつ'],
  'multi-word': ['日本 歴史', '猫 佐藤', 'はじめての 入門', '東京 散歩', '宇宙 新潮社', '海 第3巻'],
  'author field': [
    '著者:佐藤',
    '著者:ワトソン',
    '著者:岡本智子',
    '著者:林 書名:猫',
    '著者:高橋 出版者:講談社',
    '著者:鈴木 太郎',
  ],
  'no-hit': ['ゾウアザラシ', '量子もつれ', 'xyzzy', '猫 ラグビー', '著者:夏目漱石', '書名:佐藤'],
  // Issue 24: what patrons of a Japanese library type besides words.
  ISBN: [
    benchIsbn(4321, 13),
    hyphenated(benchIsbn(98_765, 13)),
    benchIsbn(55_555, 10),
    benchIsbn(20, 13),
    toFullWidth(benchIsbn(777, 13)),
    benchIsbn(19_999_999, 13),
  ],
  'material word': ['絵本', '紙芝居', 'YA', '大活字本', '猫 絵本', 'YA 歴史'],
  phrase: [
    '猫の本ありますか',
    '日本の歴史を探しています',
    'はじめてのプログラミングってある？',
    '恐竜図鑑はありますか',
    '宇宙の本',
    '料理の本を予約したい',
  ],
  // 異体字 and kana spellings (the catalog holds 齋藤 斎藤 斉藤, 髙橋 高橋, バイオリン ヴァイオリン …).
  'spelling variant': ['斉藤', '髙橋 歴史', '著者:渡邊', 'ヴァイオリン', 'ウイスキー', '著者:濱田 コンピューター'],
  typo: [
    'プログラミソグ入門',
    'コンピュータのひみち',
    '恐竜図艦',
    'はじめてのガーデニソグ',
    'ミステリーのすへて',
    'マーケティソグ講座',
  ],
};

/** 978-4-00-004321-C: the hyphens as printed on a book. */
function hyphenated(isbn13: string): string {
  return `${isbn13.slice(0, 3)}-${isbn13.slice(3, 4)}-${isbn13.slice(4, 6)}-${isbn13.slice(6, 12)}-${isbn13.slice(12)}`;
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

export interface BaselineAnswer {
  /** The first page, in relevance order. */
  ids: string[];
  /** Hits counted up to cap + 1, as the search counts them. */
  matched: number;
}

/**
 * The search as it was before the gram index: the same LIKE conditions and relevance order
 * (from src/db/search-sql.ts), with index and bitmap scans switched off so that PostgreSQL
 * (or PGlite) reads every row. What the indexed search must find, and how fast it would be.
 */
export async function baselineSearch(
  db: Kysely<DB>,
  q: SearchQuery,
  limit: number,
  cap: number,
): Promise<BaselineAnswer> {
  const plan = searchPlan(q);
  if (!plan || plan.exact.length === 0) return { ids: [], matched: 0 };
  const where = allOf(plan.exact);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_indexscan = off`.execute(tx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
    await sql`SET LOCAL enable_indexonlyscan = off`.execute(tx);
    const page = await sql<{ id: string }>`
      SELECT id FROM bibs WHERE ${where}
       ORDER BY ${classOf(plan)}, year DESC NULLS LAST, id DESC LIMIT ${limit}`.execute(tx);
    const count = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM (SELECT 1 FROM bibs WHERE ${where} LIMIT ${cap + 1}) s`.execute(tx);
    return { ids: page.rows.map((r) => String(r.id)), matched: Number(count.rows[0]?.n ?? 0) };
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
