import { anyBigint, anyText, type Executor, type LockOption } from './executor.js';

export interface NewBib {
  title: string;
  titleKana?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  year?: number | undefined;
  isbn?: string | undefined;
  classification?: string | undefined;
  materialType: string;
  latestIssue?: boolean | undefined;
}
export interface NewItem {
  barcode: string;
  branch: string;
  callNumber: string;
  inLibraryOnly?: boolean | undefined;
}

export interface BibRow {
  id: string;
  title: string;
  titleKana: string | null;
  author: string | null;
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  classification: string | null;
  materialType: string;
  latestIssue: boolean;
}
export interface ItemRow {
  id: string;
  barcode: string;
  bibId: string;
  homeBranch: string;
  locationBranch: string;
  callNumber: string;
  inLibraryOnly: boolean;
  status: string;
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

export async function findBib(db: Executor, id: string): Promise<BibRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await db.selectFrom('bibs').select(bibColumns).where('id', '=', id).executeTakeFirst();
  return r && toBib(r);
}

function toBib(r: {
  id: string;
  title: string;
  title_kana: string | null;
  author: string | null;
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  classification: string | null;
  material_type: string;
  latest_issue: boolean;
}): BibRow {
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

function toItem(r: {
  id: string;
  barcode: string;
  bib_id: string;
  home_branch: string;
  location_branch: string;
  call_number: string;
  in_library_only: boolean;
  status: string;
}): ItemRow {
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

export async function itemsOfBib(db: Executor, bibId: string, lock: LockOption = {}): Promise<ItemRow[]> {
  let q = db.selectFrom('items').select(itemColumns).where('bib_id', '=', bibId).orderBy('id');
  if (lock.forUpdate) q = q.forUpdate();
  return (await q.execute()).map(toItem);
}

export async function findItemByBarcode(
  db: Executor,
  barcode: string,
  lock: LockOption = {},
): Promise<ItemRow | undefined> {
  let q = db.selectFrom('items').select(itemColumns).where('barcode', '=', barcode);
  if (lock.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toItem(r);
}

export async function findItem(db: Executor, id: string, lock: LockOption = {}): Promise<ItemRow | undefined> {
  let q = db.selectFrom('items').select(itemColumns).where('id', '=', id);
  if (lock.forUpdate) q = q.forUpdate();
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
export async function lockShelvedItem(db: Executor, id: string): Promise<boolean> {
  const r = await db
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
