import type { Kysely } from 'kysely';
import { existingBarcodes, insertBib, insertItems, type NewBib, type NewItem } from '../db/catalog.js';
import type { DB } from '../db/schema.js';
import { conflict, inTransaction, ok, type Outcome } from './errors.js';

export interface CatalogRecord extends NewBib {
  items: NewItem[];
}

/**
 * Adds bibliographic records with their copies, all or nothing. A barcode already in the
 * catalog (or twice in the input) is a conflict: copies are identified by barcode at the counter.
 */
export async function importCatalogRecords(db: Kysely<DB>, records: CatalogRecord[]): Promise<Outcome<{ bibIds: string[] }>> {
  const barcodes = records.flatMap((r) => r.items.map((i) => i.barcode));
  const twice = barcodes.find((b, i) => barcodes.indexOf(b) !== i);
  if (twice !== undefined) return conflict('DUPLICATE_BARCODE', `barcode ${twice} appears twice in the request`);
  return inTransaction(db, async (tx) => {
    const taken = await existingBarcodes(tx, barcodes);
    if (taken.length > 0) return conflict('BARCODE_EXISTS', `barcode ${taken[0]} is already in the catalog`);
    const bibIds: string[] = [];
    for (const r of records) {
      const id = await insertBib(tx, r);
      await insertItems(tx, id, r.items);
      bibIds.push(id);
    }
    return ok({ bibIds });
  });
}
