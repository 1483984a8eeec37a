import { materialFilterOfWord, type MaterialFilter } from './material-words.js';

/**
 * R-SRCH-1: the simple search (words over title, author, publisher) and the detailed search
 * (fields), typed in one line: `猫 著者:夏目 分類:C`. Every term must match (AND).
 */
export type SearchField = 'title' | 'author' | 'publisher' | 'classification' | 'materialType';

export interface SearchQuery {
  /** Words matched against title, author and publisher together. */
  any: string[];
  fields: Partial<Record<SearchField, string[]>>;
  /** Material words typed as words (絵本, 紙芝居, YA): each narrows the search (domain/material-words.ts). */
  materials?: MaterialFilter[];
}

const FIELD_PREFIXES: Record<string, SearchField> = {
  書名: 'title',
  タイトル: 'title',
  著者: 'author',
  作者: 'author',
  出版者: 'publisher',
  出版社: 'publisher',
  分類: 'classification',
  資料種別: 'materialType',
  種別: 'materialType',
  // What the English and やさしい日本語 help tell patrons to type (messages/en/chat.ts, easy/chat.ts).
  title: 'title',
  author: 'author',
  publisher: 'publisher',
  class: 'classification',
  しょめい: 'title',
  ちょしゃ: 'author',
  しゅっぱんしゃ: 'publisher',
  ぶんるい: 'classification',
};

const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 100;

/**
 * Splits on spaces (full- or half-width); `field:` or `field：` names a field for the next word,
 * in any case (Title:, AUTHOR:).
 */
export function parseSearchQuery(input: string): SearchQuery {
  const tokens = input
    .normalize('NFKC')
    .split(/\s+/)
    .filter((t) => t !== '');
  const q: SearchQuery = { any: [], fields: {} };
  let pending: SearchField | undefined;
  for (const [i, token] of tokens.slice(0, 2 * MAX_TERMS).entries()) {
    // 「ISBN 4-8340-0082-6」: the label goes with the number (domain/isbn.ts reads ISBN-prefixed forms).
    if (/^isbn:?$/i.test(token) && tokens[i + 1] !== undefined) {
      tokens[i + 1] = `ISBN${tokens[i + 1]}`;
      continue;
    }
    const m = /^([^:]+):(.*)$/.exec(token);
    const prefix = m?.[1]?.toLowerCase();
    // Own keys only: `constructor:` is words, not a field.
    const field = prefix !== undefined && Object.hasOwn(FIELD_PREFIXES, prefix) ? FIELD_PREFIXES[prefix] : undefined;
    if (field) {
      const value = m![2]!;
      if (value === '') pending = field;
      else add(q, field, value);
      continue;
    }
    const material = pending ? undefined : materialFilterOfWord(token);
    if (pending) {
      add(q, pending, token);
      pending = undefined;
    } else if (material) {
      q.materials ??= [];
      if (q.materials.length < MAX_TERMS) q.materials.push(material);
    } else if (q.any.length < MAX_TERMS) {
      q.any.push(token.slice(0, MAX_TERM_LENGTH));
    }
  }
  return q;
}

function add(q: SearchQuery, field: SearchField, value: string): void {
  q.fields[field] ??= [];
  q.fields[field].push(value.slice(0, MAX_TERM_LENGTH));
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.any.length === 0 && !q.materials?.length && Object.values(q.fields).every((v) => !v || v.length === 0);
}
