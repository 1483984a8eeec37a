import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { vacuumCatalog } from '../db/search-columns.js';
import type { DB } from '../db/schema.js';
import { groupKey, readHeader, recordOf, rowOf, type Rejection, type Row } from '../import/catalog-rows.js';
import { delimiterFor, readDelimited } from '../import/delimited.js';
import { importCatalogBatch, type CatalogRecord } from './catalog.js';

/**
 * `npm run import`: a catalog export (docs/catalog-import.md), streamed, in batches of whole
 * titles, each batch one transaction. Re-running the same file after a crash continues: copies
 * already in the catalog are skipped (services/catalog.ts importCatalogBatch).
 */
export interface ImportProgress {
  rows: number;
  titles: number;
  copies: number;
  present: number;
  rejected: number;
}

export interface ImportSummary extends ImportProgress {
  /** Every rejected row, by line number, and why. */
  rejections: Rejection[];
  /** Headings the import does not know, left out. */
  ignoredColumns: string[];
}

export interface ImportOptions {
  /** The file's name, for its delimiter (.tsv is tab-separated); `delimiter` overrides it. */
  path: string;
  delimiter?: ',' | '\t';
  /** Rows a batch collects before it is written (whole titles: a batch may be a little longer). */
  batchRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string };

export async function importCatalogLines(
  db: Kysely<DB>,
  lines: AsyncIterable<string>,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { ok: false, error: 'the file is empty' };
  const delimiter = opts.delimiter ?? delimiterFor(opts.path, first.value);
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const records = readDelimited(prepend(first.value, rest), delimiter);
  const head = await records.next();
  const header = readHeader(head.done ? [] : head.value.fields);
  if (!header.ok) return { ok: false, error: header.error };

  // Branches by code and by name (本館, ○○分館 …), as exports name them either way.
  const branches = new Map<string, string>();
  for (const b of await listBranches(db)) branches.set(b.code, b.code).set(b.name.normalize('NFKC'), b.code);

  const s: ImportSummary = {
    rows: 0,
    titles: 0,
    copies: 0,
    present: 0,
    rejected: 0,
    rejections: [],
    ignoredColumns: header.ignored,
  };
  const batchRows = opts.batchRows ?? 1000;
  let batch: CatalogRecord[] = [];
  let batchSize = 0;
  let seen = new Map<string, number>();
  const reject = (r: Rejection) => {
    s.rejections.push(r);
    s.rejected++;
  };
  const flush = async () => {
    if (batch.length > 0) {
      const done = await importCatalogBatch(db, batch);
      s.titles += done.titles;
      s.copies += done.copies;
      s.present += done.present;
    }
    batch = [];
    batchSize = 0;
    seen = new Map();
    opts.onProgress?.({ ...s });
  };
  const take = async (group: Row[]) => {
    // A barcode twice in a batch would fail the whole batch: the later row is rejected.
    const rows = group.filter((r) => {
      const code = r.get('barcode').normalize('NFKC');
      const before = seen.get(code);
      if (before !== undefined && code !== '')
        reject({ line: r.line, reason: `barcode ${code} is also on line ${before}` });
      else seen.set(code, r.line);
      return before === undefined || code === '';
    });
    if (rows.length === 0) return;
    const { record, rejected } = recordOf(rows, branches);
    rejected.forEach(reject);
    if (record) {
      batch.push(record);
      batchSize += record.items.length;
    }
    if (batchSize >= batchRows) await flush();
  };

  let group: Row[] = [];
  let key: string | undefined;
  for await (const rec of records) {
    s.rows++;
    const row = rowOf(header.index, rec.line, rec.fields);
    const k = groupKey(row);
    // Rows of one title stand together; a row without a key is a title of its own.
    if (group.length > 0 && (k === undefined || k !== key)) {
      await take(group);
      group = [];
    }
    group.push(row);
    key = k;
  }
  if (group.length > 0) await take(group);
  await flush();
  // Statistics for the planner, and the visibility map the search's index-only walk reads.
  await vacuumCatalog(db);
  return { ok: true, summary: s };
}

async function* prepend(first: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}
