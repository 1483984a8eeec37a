import type { Selectable } from 'kysely';
import { camelized, type Camelized } from './camelized.js';
import { isRowId, type Executor, type LockOption, type Tx } from './executor.js';
import type { BibsTable, ItemsTable, LoansTable } from './schema.js';

/** An open loan, with what the patron sees of its copy and title. */
export type LoanRow = Camelized<
  Pick<
    Selectable<LoansTable>,
    'id' | 'patron_id' | 'item_id' | 'bib_id' | 'branch_code' | 'checked_out_at' | 'due_date' | 'renewals'
  >
> & {
  itemBarcode: Selectable<ItemsTable>['barcode'];
  materialType: Selectable<BibsTable>['material_type'];
  title: Selectable<BibsTable>['title'];
};

function loanQuery(db: Executor) {
  return db
    .selectFrom('loans')
    .innerJoin('items', 'items.id', 'loans.item_id')
    .innerJoin('bibs', 'bibs.id', 'loans.bib_id')
    .select([
      'loans.id',
      'loans.patron_id',
      'loans.item_id',
      'loans.bib_id',
      'loans.branch_code',
      'loans.checked_out_at',
      'loans.due_date',
      'loans.renewals',
      'items.barcode as item_barcode',
      'bibs.material_type',
      'bibs.title',
    ])
    .where('loans.returned_at', 'is', null);
}

export async function openLoansOfPatron(db: Executor, patronId: string): Promise<LoanRow[]> {
  const rows = await loanQuery(db)
    .where('loans.patron_id', '=', patronId)
    .orderBy('loans.due_date')
    .orderBy('loans.id')
    .execute();
  return rows.map(camelized);
}

export function openLoan(db: Executor, loanId: string): Promise<LoanRow | undefined>;
export function openLoan(tx: Tx, loanId: string, lock: LockOption): Promise<LoanRow | undefined>;
export async function openLoan(db: Executor, loanId: string, lock?: LockOption): Promise<LoanRow | undefined> {
  if (!isRowId(loanId)) return undefined;
  let q = loanQuery(db).where('loans.id', '=', loanId);
  if (lock?.forUpdate) q = q.forUpdate(['loans']);
  const r = await q.executeTakeFirst();
  return r && camelized(r);
}

export function openLoanOfItem(db: Executor, itemId: string): Promise<LoanRow | undefined>;
export function openLoanOfItem(tx: Tx, itemId: string, lock: LockOption): Promise<LoanRow | undefined>;
export async function openLoanOfItem(db: Executor, itemId: string, lock?: LockOption): Promise<LoanRow | undefined> {
  let q = loanQuery(db).where('loans.item_id', '=', itemId);
  if (lock?.forUpdate) q = q.forUpdate(['loans']);
  const r = await q.executeTakeFirst();
  return r && camelized(r);
}

export async function patronHasTitleOnLoan(db: Executor, patronId: string, bibId: string): Promise<boolean> {
  const r = await db
    .selectFrom('loans')
    .select('id')
    .where('patron_id', '=', patronId)
    .where('bib_id', '=', bibId)
    .where('returned_at', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

export type NewLoan = Camelized<
  Pick<Selectable<LoansTable>, 'patron_id' | 'item_id' | 'bib_id' | 'branch_code' | 'checked_out_at' | 'due_date'>
>;

export async function insertLoan(db: Executor, l: NewLoan): Promise<string> {
  const r = await db
    .insertInto('loans')
    .values({
      patron_id: l.patronId,
      item_id: l.itemId,
      bib_id: l.bibId,
      branch_code: l.branchCode,
      checked_out_at: l.checkedOutAt,
      due_date: l.dueDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function closeLoan(db: Executor, loanId: string, at: Date, branch: string): Promise<void> {
  await db.updateTable('loans').set({ returned_at: at, returned_branch: branch }).where('id', '=', loanId).execute();
}

export async function renewLoanRow(db: Executor, loanId: string, dueDate: string, at: Date): Promise<void> {
  await db
    .updateTable('loans')
    .set((eb) => ({ due_date: dueDate, renewals: eb('renewals', '+', 1), renewed_at: at }))
    .where('id', '=', loanId)
    .execute();
}
