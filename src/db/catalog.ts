import { TITLE_FIELD_NAMES, type CatalogRecordInput } from '../domain/catalog-record.js';
import { camelized, type Camelized } from './camelized.js';
import { anyBigint, anyText, isRowId, type Executor, type Tx } from './executor.js';
import { rowBy, type RowOf } from './row-by.js';

/** A title as the staff API and the import hand it over (validated by catalogRecordSchema). */
export type NewBib = Omit<CatalogRecordInput, 'items'>;
export interface NewItem {
  barcode: string;
  branch: string;
  callNumber: string;
  inLibraryOnly?: boolean | undefined;
}

/** The title of each barcode already in the catalog, by barcode. */
export async function existingCopies(db: Executor, barcodes: string[]): Promise<Map<string, string>> {
  if (barcodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('items')
    .select(['barcode', 'bib_id'])
    .where('barcode', '=', anyText(barcodes))
    .execute();
  return new Map(rows.map((r) => [r.barcode, r.bib_id]));
}

export async function existingBarcodes(db: Executor, barcodes: string[]): Promise<string[]> {
  if (barcodes.length === 0) return [];
  const rows = await db.selectFrom('items').select('barcode').where('barcode', '=', anyText(barcodes)).execute();
  return rows.map((r) => r.barcode);
}

const bibColumns = ['id', ...TITLE_FIELD_NAMES] as const;
export type BibRow = Camelized<RowOf<'bibs', (typeof bibColumns)[number]>>;

export async function findBib(db: Executor, id: string): Promise<BibRow | undefined> {
  if (!isRowId(id)) return undefined;
  const r = await db.selectFrom('bibs').select(bibColumns).where('id', '=', id).executeTakeFirst();
  return r && camelized(r);
}

const itemColumns = [
  'id',
  'barcode',
  'bib_id',
  'home_branch',
  'location_branch',
  'call_number',
  'in_library_only',
  'status',
] as const;
export type ItemRow = Camelized<RowOf<'items', (typeof itemColumns)[number]>>;

export async function itemsOfBib(db: Executor, bibId: string): Promise<ItemRow[]> {
  const rows = await db.selectFrom('items').select(itemColumns).where('bib_id', '=', bibId).orderBy('id').execute();
  return rows.map(camelized);
}

/** A copy by its barcode, as the counter scans it. */
export const findItemByBarcode = rowBy('items', 'barcode', itemColumns);
export const findItem = rowBy('items', 'id', itemColumns);

export async function updateItem(
  db: Executor,
  id: string,
  change: { status?: string; locationBranch?: string },
): Promise<void> {
  await db
    .updateTable('items')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.locationBranch !== undefined ? { location_branch: change.locationBranch } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Locks a copy that is on the shelf; false when it is not, or another transaction holds it. */
export async function lockShelvedItem(tx: Tx, id: string): Promise<boolean> {
  const r = await tx
    .selectFrom('items')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'available')
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return r !== undefined;
}

export async function catalogIsEmpty(db: Executor): Promise<boolean> {
  return (await db.selectFrom('bibs').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** Puts copies back on the shelf where they stand (no hold wants them). */
export async function shelveItems(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('items')
    .set({ status: 'available', updated_at: new Date() })
    .where('id', '=', anyBigint(ids))
    .execute();
}
