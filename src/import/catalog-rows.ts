import { materialTypeOfWord } from '../domain/material-words.js';
import { catalogItemSchema, catalogRecordSchema, TITLE_FIELD_NAMES } from '../domain/catalog-record.js';
import type { CatalogRecordInput as CatalogRecord } from '../domain/catalog-record.js';

/**
 * The rows of a catalog export (docs/catalog-import.md) made into catalog records: one row per
 * copy, the rows of one title next to each other. Pure: no file, no database.
 */
export const COLUMNS = [
  'record_id',
  ...TITLE_FIELD_NAMES,
  'barcode',
  'branch',
  'call_number',
  'in_library_only',
] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['title', 'barcode', 'branch', 'call_number'];

/** Japanese headings as library systems export them. */
const ALIASES: Record<string, Column> = {
  書誌id: 'record_id',
  書誌番号: 'record_id',
  書名: 'title',
  タイトル: 'title',
  書名ヨミ: 'title_kana',
  ヨミ: 'title_kana',
  著者: 'author',
  著者名: 'author',
  出版者: 'publisher',
  出版社: 'publisher',
  出版年: 'year',
  分類: 'classification',
  資料種別: 'material_type',
  最新号: 'latest_issue',
  資料番号: 'barcode',
  バーコード: 'barcode',
  所蔵館: 'branch',
  請求記号: 'call_number',
  館内閲覧: 'in_library_only',
  禁帯出: 'in_library_only',
};

export interface Row {
  line: number;
  /** The trimmed cell of a column; '' when empty or when the file has no such column. */
  get(c: Column): string;
}

export interface Rejection {
  line: number;
  reason: string;
}

export type Header = { ok: true; index: Map<Column, number>; ignored: string[] } | { ok: false; error: string };

const headingKey = (h: string) =>
  h
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readHeader(fields: string[]): Header {
  const index = new Map<Column, number>();
  const ignored: string[] = [];
  for (const [i, heading] of fields.entries()) {
    const key = headingKey(heading);
    const column = (COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[key];
    if (!column) {
      if (key !== '') ignored.push(heading);
      continue;
    }
    if (index.has(column)) return { ok: false, error: `column ${column} appears twice in the header` };
    index.set(column, i);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    return { ok: false, error: `the header has no ${missing.join(', ')} column (docs/catalog-import.md)` };
  return { ok: true, index, ignored };
}

export const rowOf = (index: Map<Column, number>, line: number, fields: string[]): Row => ({
  line,
  get: (c) => {
    const i = index.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  },
});

/** What makes rows one title: the record id, else the ISBN; a row with neither is a title of its own. */
export function groupKey(row: Row): string | undefined {
  const id = row.get('record_id');
  if (id !== '') return `id:${id}`;
  const isbn = row
    .get('isbn')
    .normalize('NFKC')
    .replace(/[^0-9Xx]/g, '');
  return isbn === '' ? undefined : `isbn:${isbn.toUpperCase()}`;
}

const YES = new Set(['1', 'true', 'yes', 'y', 't', '○', '◯', 'はい', '可', '有']);
const NO = new Set(['', '0', 'false', 'no', 'n', 'f', '×', 'いいえ', '不可', '無']);
function flag(cell: string, column: Column): boolean {
  const v = cell.normalize('NFKC').toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new RowError(`${column} "${cell}" is not yes or no`);
}

class RowError extends Error {}

/** A zod issue as a reason naming the file's column. */
const reasonOf = (issue: { path: PropertyKey[]; message: string }) => {
  const field = String(issue.path.at(-1) ?? 'record');
  return `${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${issue.message}`;
};

/**
 * The record of a group of rows, and the rows rejected with their reasons. The title's fields
 * come from the group's first row; each row adds a copy. A bad copy rejects its row; a bad
 * title rejects the group.
 */
export function recordOf(
  rows: readonly Row[],
  branches: ReadonlyMap<string, string>,
): { record?: CatalogRecord; rejected: Rejection[] } {
  const first = rows[0]!;
  const all = (reason: string) => ({ rejected: rows.map((r) => ({ line: r.line, reason })) });
  let title: Omit<CatalogRecord, 'items'>;
  try {
    title = titleFields(first);
  } catch (err) {
    if (err instanceof RowError) return all(err.message);
    throw err;
  }
  const rejected: Rejection[] = [];
  const items: CatalogRecord['items'] = [];
  for (const row of rows) {
    const empty = (['barcode', 'branch', 'call_number'] as const).find((c) => row.get(c) === '');
    if (empty) {
      rejected.push({ line: row.line, reason: `${empty} is empty` });
      continue;
    }
    const branch = branches.get(row.get('branch').normalize('NFKC'));
    if (!branch) {
      rejected.push({ line: row.line, reason: `unknown branch "${row.get('branch')}"` });
      continue;
    }
    let inLibraryOnly: boolean;
    try {
      inLibraryOnly = flag(row.get('in_library_only'), 'in_library_only');
    } catch (err) {
      rejected.push({ line: row.line, reason: (err as Error).message });
      continue;
    }
    const item = catalogItemSchema.safeParse({
      barcode: row.get('barcode').normalize('NFKC'),
      branch,
      callNumber: row.get('call_number'),
      inLibraryOnly,
    });
    if (item.success) items.push(item.data);
    else rejected.push({ line: row.line, reason: reasonOf(item.error.issues[0]!) });
  }
  if (items.length === 0) return { rejected };
  const record = catalogRecordSchema.safeParse({ ...title, items });
  if (!record.success) return all(reasonOf(record.error.issues[0]!));
  return { record: record.data, rejected };
}

function titleFields(row: Row): Omit<CatalogRecord, 'items'> {
  if (row.get('title') === '') throw new RowError('title is empty');
  const optional = (c: Column) => (row.get(c) === '' ? undefined : row.get(c));
  const yearCell = row.get('year').normalize('NFKC').replace(/年$/, '');
  if (yearCell !== '' && !/^\d{1,4}$/.test(yearCell)) throw new RowError(`year "${row.get('year')}" is not a year`);
  const word = row.get('material_type');
  // Most of a library is books: an empty material type is a book.
  const materialType = word === '' ? 'book' : materialTypeOfWord(word);
  if (!materialType) throw new RowError(`unknown material_type "${word}"`);
  return {
    title: row.get('title'),
    titleKana: optional('title_kana'),
    author: optional('author'),
    publisher: optional('publisher'),
    year: yearCell === '' ? undefined : Number(yearCell),
    isbn: optional('isbn'),
    classification: optional('classification'),
    materialType,
    latestIssue: flag(row.get('latest_issue'), 'latest_issue') || undefined,
  };
}
