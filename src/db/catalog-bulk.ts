import { sql } from 'kysely';
import type { NewBib, NewItem } from './catalog.js';
import type { Executor } from './executor.js';
import { addMarks, CATALOG_KEYS_VERSION, catalogKeysOf, marksParam } from './catalog-keys.js';
import { countGrams, gramsParam, searchColumnsOf, textArrayFromJson } from './search-columns.js';

export interface NewRecord extends NewBib {
  items: NewItem[];
}

/**
 * Adds titles with their copies in four statements whatever their number (ids drawn first,
 * then titles, their gram counts and copies, as array parameters): the bulk path of the staff API and of
 * `npm run import`. Returns the new ids in input order.
 */
export async function insertRecords(db: Executor, records: readonly NewRecord[]): Promise<string[]> {
  if (records.length === 0) return [];
  const { rows: drawn } = await sql<{ id: string }>`
    SELECT nextval(pg_get_serial_sequence('bibs', 'id'))::text AS id FROM generate_series(1,
      ${records.length}::int)`.execute(db);
  const ids = drawn.map((r) => r.id);
  const cols = records.map(searchColumnsOf);
  const keys = records.map((r) =>
    catalogKeysOf(
      r.isbn,
      r.items.map((i) => i.callNumber),
    ),
  );
  const col = <T>(f: (r: NewRecord) => T) => records.map(f);
  await sql`
    INSERT INTO bibs (id, title, title_kana, author, publisher, year, isbn, classification, material_type, latest_issue,
                      norm_title, norm_kana, norm_author, norm_publisher, search_grams, norm_version,
                      isbn13, marks, keys_version)
    OVERRIDING SYSTEM VALUE
    SELECT v.id, v.title, v.kana, v.author, v.publisher, v.year, v.isbn, v.classification, v.material_type, v.latest,
           v.norm_title, v.norm_kana, v.norm_author, v.norm_publisher, ${textArrayFromJson('v.grams')},
             ${cols[0]!.norm_version}::int, v.isbn13, ${textArrayFromJson('v.marks')}, ${CATALOG_KEYS_VERSION}::int
      FROM unnest(${ids}::bigint[], ${col((r) => r.title)}::text[], ${col((r) => r.titleKana ?? null)}::text[],
                  ${col((r) => r.author ?? null)}::text[], ${col((r) => r.publisher ?? null)}::text[],
                    ${col((r) => r.year ?? null)}::int[],
                  ${col((r) => r.isbn ?? null)}::text[], ${col((r) => r.classification ?? null)}::text[],
                    ${col((r) => r.materialType)}::text[],
                  ${col((r) => r.latestIssue ?? false)}::boolean[], ${cols.map((c) => c.norm_title)}::text[],
                    ${cols.map((c) => c.norm_kana)}::text[],
                  ${cols.map((c) => c.norm_author)}::text[], ${cols.map((c) => c.norm_publisher)}::text[],
                    ${gramsParam(cols)}::text[], ${keys.map((k) => k.isbn13)}::text[], ${marksParam(keys)}::text[])
        AS v(id, title, kana, author, publisher, year, isbn, classification, material_type, latest,
             norm_title, norm_kana, norm_author, norm_publisher, grams, isbn13, marks)`.execute(db);
  await countGrams(
    db,
    cols.map((c) => c.search_grams),
  );
  // The titles' marks were made from these copies above.
  await insertItems(
    db,
    records.map((r, i) => ({ bibId: ids[i]!, items: r.items })),
  );
  return ids;
}

/** Copies of titles already in the catalog: their call numbers' marks (YA, 大活字) join the title's. */
export async function insertItemsOf(
  db: Executor,
  copies: readonly { bibId: string; items: readonly NewItem[] }[],
): Promise<void> {
  await insertItems(db, copies);
  await addMarks(
    db,
    copies.map((c) => ({ bibId: c.bibId, callNumbers: c.items.map((i) => i.callNumber) })),
  );
}

async function insertItems(db: Executor, copies: readonly { bibId: string; items: readonly NewItem[] }[]) {
  const items = copies.flatMap((c) => c.items.map((it) => ({ ...it, bibId: c.bibId })));
  if (items.length === 0) return;
  await sql`
    INSERT INTO items (barcode, bib_id, home_branch, location_branch, call_number, in_library_only)
    SELECT v.barcode, v.bib_id, v.branch, v.branch, v.call_number, v.in_library_only
      FROM unnest(${items.map((i) => i.barcode)}::text[], ${items.map((i) => i.bibId)}::bigint[],
        ${items.map((i) => i.branch)}::text[],
                  ${items.map((i) => i.callNumber)}::text[], ${items.map((i) => i.inLibraryOnly ?? false)}::boolean[])
        AS v(barcode, bib_id, branch, call_number, in_library_only)`.execute(db);
}
