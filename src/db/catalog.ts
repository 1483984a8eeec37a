import type { Selectable } from 'kysely';
import type { MaterialType } from '../domain/holds.js';
import type { Camelized } from './camelized.js';
import { anyBigint, anyText, type Executor, type LockOption, type Tx } from './executor.js';
import type { BibsTable, ItemsTable } from './schema.js';

export interface NewBib {
  title: string;
  titleKana?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  year?: number | undefined;
  isbn?: string | undefined;
  classification?: string | undefined;
  materialType: MaterialType;
  latestIssue?: boolean | undefined;
}
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

const bibColumns = [
  'id',
  'title',
  'title_kana',
  'author',
  'publisher',
  'year',
  'isbn',
  'classification',
  'material_type',
  'latest_issue',
] as const;
type RawBib = Pick<Selectable<BibsTable>, (typeof bibColumns)[number]>;
export type BibRow = Camelized<RawBib>;

export async function findBib(db: Executor, id: string): Promise<BibRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await db.selectFrom('bibs').select(bibColumns).where('id', '=', id).executeTakeFirst();
  return r && toBib(r);
}

function toBib(r: RawBib): BibRow {
  return {
    id: r.id,
    title: r.title,
    titleKana: r.title_kana,
    author: r.author,
    publisher: r.publisher,
    year: r.year,
    isbn: r.isbn,
    classification: r.classification,
    materialType: r.material_type,
    latestIssue: r.latest_issue,
  };
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
type RawItem = Pick<Selectable<ItemsTable>, (typeof itemColumns)[number]>;
export type ItemRow = Camelized<RawItem>;

function toItem(r: RawItem): ItemRow {
  return {
    id: r.id,
    barcode: r.barcode,
    bibId: r.bib_id,
    homeBranch: r.home_branch,
    locationBranch: r.location_branch,
    callNumber: r.call_number,
    inLibraryOnly: r.in_library_only,
    status: r.status,
  };
}

export async function itemsOfBib(db: Executor, bibId: string): Promise<ItemRow[]> {
  const rows = await db.selectFrom('items').select(itemColumns).where('bib_id', '=', bibId).orderBy('id').execute();
  return rows.map(toItem);
}

export function findItemByBarcode(db: Executor, barcode: string): Promise<ItemRow | undefined>;
export function findItemByBarcode(tx: Tx, barcode: string, lock: LockOption): Promise<ItemRow | undefined>;
export async function findItemByBarcode(
  db: Executor,
  barcode: string,
  lock?: LockOption,
): Promise<ItemRow | undefined> {
  let q = db.selectFrom('items').select(itemColumns).where('barcode', '=', barcode);
  if (lock?.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toItem(r);
}

export function findItem(db: Executor, id: string): Promise<ItemRow | undefined>;
export function findItem(tx: Tx, id: string, lock: LockOption): Promise<ItemRow | undefined>;
export async function findItem(db: Executor, id: string, lock?: LockOption): Promise<ItemRow | undefined> {
  let q = db.selectFrom('items').select(itemColumns).where('id', '=', id);
  if (lock?.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toItem(r);
}

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
