import type { Kysely } from 'kysely';
import { insertRecords, insertItemsOf } from '../db/catalog-bulk.js';
import { existingBarcodes, existingCopies, type NewBib, type NewItem } from '../db/catalog.js';
import type { DB } from '../db/schema.js';
import { conflict, inTransaction, ok, type Outcome } from './errors.js';

export interface CatalogRecord extends NewBib {
  items: NewItem[];
}

/**
 * The staff API's catalog call: adds records with their copies, all or nothing. A barcode
 * already in the catalog (or twice in the input) is a conflict: copies are identified by
 * barcode at the counter. Records arrive validated by catalogRecordSchema (catalog-record.ts),
 * the schema the import validates its rows with.
 */
export async function importCatalogRecords(
  db: Kysely<DB>,
  records: CatalogRecord[],
): Promise<Outcome<{ bibIds: string[] }>> {
  const barcodes = records.flatMap((r) => r.items.map((i) => i.barcode));
  const twice = barcodes.find((b, i) => barcodes.indexOf(b) !== i);
  if (twice !== undefined) return conflict('DUPLICATE_BARCODE', `barcode ${twice} appears twice in the request`);
  return inTransaction(db, async (tx) => {
    const taken = await existingBarcodes(tx, barcodes);
    if (taken.length > 0) return conflict('BARCODE_EXISTS', `barcode ${taken[0]} is already in the catalog`);
    return ok({ bibIds: await insertRecords(tx, records) });
  });
}

export interface BatchResult {
  titles: number;
  copies: number;
  /** Copies whose barcode was in the catalog already: left as they are. */
  present: number;
}

/**
 * `npm run import`: adds one batch of records in one transaction, so that a crash leaves whole
 * batches. Unlike the staff call it takes what it can, which makes a re-run continue where the
 * last one stopped: a copy whose barcode is in the catalog is skipped, a record with no new copy
 * adds nothing, and a record some of whose copies are in already gets its new copies on the
 * title those belong to (not a second title). Barcodes are unique within the batch (the caller
 * rejects a repeated one).
 */
export async function importCatalogBatch(db: Kysely<DB>, records: CatalogRecord[]): Promise<BatchResult> {
  return db.transaction().execute(async (tx) => {
    const present = await existingCopies(
      tx,
      records.flatMap((r) => r.items.map((i) => i.barcode)),
    );
    const fresh: CatalogRecord[] = [];
    const toExisting: { bibId: string; items: NewItem[] }[] = [];
    for (const r of records) {
      const known = r.items.map((i) => present.get(i.barcode)).find((id) => id !== undefined);
      const items = r.items.filter((i) => !present.has(i.barcode));
      // A record whose copies were all there, or a title without copies imported before.
      if (known !== undefined) {
        if (items.length > 0) toExisting.push({ bibId: known, items });
      } else if (r.items.length > 0) fresh.push(r);
    }
    await insertRecords(tx, fresh);
    await insertItemsOf(tx, toExisting);
    return {
      titles: fresh.length,
      copies: fresh.reduce((n, r) => n + r.items.length, 0) + toExisting.reduce((n, e) => n + e.items.length, 0),
      present: present.size,
    };
  });
}
