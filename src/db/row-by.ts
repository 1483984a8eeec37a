import type { Kysely, Selectable } from 'kysely';
import { camelized, type Camelized } from './camelized.js';
import type { Executor, LockOption, Tx } from './executor.js';
import type { DB } from './schema.js';

/**
 * A read of one row by a unique key. With a transaction and `{ forUpdate: true }` the row stays
 * locked until that transaction ends; outside a transaction the lock cannot be asked for.
 */
export interface LockableRead<R> {
  (db: Executor, key: string): Promise<R | undefined>;
  (tx: Tx, key: string, lock: LockOption): Promise<R | undefined>;
}

type Table = keyof DB & string;
type Column<T extends Table> = keyof Selectable<DB[T]> & string;
/** Some columns of a table's row as a select reads them. */
export type RowOf<T extends Table, C extends Column<T>> = Pick<Selectable<DB[T]>, C>;

/**
 * The read of the `table` row whose `key` column equals the key: its `columns`, camelCased unless
 * `toRow` maps them. `accepts` answers a key the column cannot hold (a bigint id from a postback)
 * as not found, where the statement would fail.
 */
export function rowBy<T extends Table, C extends Column<T>, R = Camelized<RowOf<T, C>>>(
  table: T,
  key: Column<T>,
  columns: readonly C[],
  options: { toRow?: (r: RowOf<T, C>) => R; accepts?: (key: string) => boolean } = {},
): LockableRead<R> {
  const toRow = options.toRow ?? (camelized as (r: RowOf<T, C>) => R);
  return async (db: Executor, value: string, lock?: LockOption): Promise<R | undefined> => {
    if (options.accepts && !options.accepts(value)) return undefined;
    // Kysely's types cannot follow a table named by a type parameter; rowBy's signature types the callers.
    let q = (db as Kysely<any>)
      .selectFrom(table as string)
      .select(columns)
      .where(key as string, '=', value);
    if (lock?.forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toRow(r as RowOf<T, C>);
  };
}
