import { sql } from 'kysely';
import { marksOf, type Mark } from '../domain/catalog-display.js';
import { isbn13Of } from '../domain/isbn.js';
import type { Executor } from './executor.js';
import { textArrayFromJson } from './search-columns.js';

/**
 * The search keys of a title that are not words (migrations/0014): its ISBN-13 and the marks its
 * copies' call numbers carry. Bump CATALOG_KEYS_VERSION when what they are made of changes, and
 * the next start makes them again (refreshCatalogKeys).
 */
export const CATALOG_KEYS_VERSION = 1;

const BATCH = 1000;

export interface CatalogKeys {
  isbn13: string | null;
  marks: Mark[];
}

export function catalogKeysOf(isbn: string | null | undefined, callNumbers: readonly string[]): CatalogKeys {
  return { isbn13: isbn13Of(isbn) ?? null, marks: marksOf(callNumbers) };
}

/** Marks as one parameter per title (PostgreSQL arrays must be rectangular): a JSON array text. */
export const marksParam = (keys: readonly CatalogKeys[]) => keys.map((k) => JSON.stringify(k.marks));

/**
 * Makes the keys of every title made before them (or by another CATALOG_KEYS_VERSION), in
 * batches by id; run at start after the migrations, as refreshSearchColumns is. Running it twice
 * at once only writes the same values twice. Returns the number of titles rewritten.
 */
export async function refreshCatalogKeys(db: Executor): Promise<number> {
  let after = '0';
  let done = 0;
  for (;;) {
    const { rows } = await sql<{ id: string; isbn: string | null; calls: string[] }>`
      SELECT b.id, b.isbn, ARRAY(SELECT i.call_number FROM items i WHERE i.bib_id = b.id) AS calls
        FROM bibs b WHERE b.keys_version <> ${CATALOG_KEYS_VERSION} AND b.id > ${after}
       ORDER BY b.id LIMIT ${BATCH}`.execute(db);
    const last = rows.at(-1);
    if (!last) return done;
    const keys = rows.map((r) => catalogKeysOf(r.isbn, r.calls));
    await sql`
      UPDATE bibs SET isbn13 = v.isbn13, marks = ${textArrayFromJson('v.marks')}, keys_version = ${CATALOG_KEYS_VERSION}
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${keys.map((k) => k.isbn13)}::text[],
                    ${marksParam(keys)}::text[]) AS v(id, isbn13, marks)
       WHERE bibs.id = v.id`.execute(db);
    done += rows.length;
    after = String(last.id);
  }
}

/** Copies added to titles already catalogued: the marks of their call numbers join the title's. */
export async function addMarks(db: Executor, copies: readonly { bibId: string; callNumbers: string[] }[]) {
  const marked = copies
    .map((c) => ({ bibId: c.bibId, marks: marksOf(c.callNumbers) }))
    .filter((c) => c.marks.length > 0);
  if (marked.length === 0) return;
  await sql`
    UPDATE bibs
       SET marks = ARRAY(SELECT DISTINCT m FROM unnest(bibs.marks || ${textArrayFromJson('v.marks')}) AS m ORDER BY m)
      FROM unnest(${marked.map((c) => c.bibId)}::bigint[], ${marked.map((c) => JSON.stringify(c.marks))}::text[])
        AS v(id, marks)
     WHERE bibs.id = v.id`.execute(db);
}
