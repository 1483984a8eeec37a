import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Query functions take the executor first; `Tx` in a signature means "call me inside one". A
 * function that locks rows (FOR UPDATE) or takes an advisory transaction lock takes a `Tx`: outside
 * a transaction the lock would end with the statement, before the caller used what it locked.
 * A function that opens its own transaction takes `Kysely<DB>` (a transaction cannot open one).
 * inbox-claim.ts is the one exception, and says why.
 */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Tx = Transaction<DB>;

/**
 * Asks a read for `FOR UPDATE`: its rows stay locked until the caller's transaction ends. The
 * reads that take it have an overload that accepts it with a `Tx` only.
 */
export interface LockOption {
  forUpdate: true;
}

/**
 * `col = ANY($1)` with one array parameter: a list of any length is one bind parameter
 * (an `IN (…)` list is limited to 65,535 parameters).
 */
/**
 * Whether a key from outside (a postback, a URL) can be a bigint id: a read by id answers any
 * other as not found, where PostgreSQL would fail the statement.
 */
export const isRowId = (key: string): boolean => /^\d{1,18}$/.test(key);

export const anyBigint = (ids: readonly string[]) => sql<string>`ANY(${[...ids]}::bigint[])`;
export const anyText = (values: readonly string[]) => sql<string>`ANY(${[...values]}::text[])`;

/** Savepoints inside an outer transaction: a nested use case can still roll back alone. */
export const savepoint = {
  async create(tx: Tx, name: string): Promise<void> {
    await sql`SAVEPOINT ${sql.id(name)}`.execute(tx);
  },
  async release(tx: Tx, name: string): Promise<void> {
    await sql`RELEASE SAVEPOINT ${sql.id(name)}`.execute(tx);
  },
  async rollback(tx: Tx, name: string): Promise<void> {
    await sql`ROLLBACK TO SAVEPOINT ${sql.id(name)}`.execute(tx);
  },
};
