import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Query functions take the executor first; `Transaction<DB>` in a signature means "call me inside one". */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Tx = Transaction<DB>;

/** Tables whose rows a service locks get `forUpdate` through this flag, never by string. */
export interface LockOption {
  forUpdate?: boolean;
}

/**
 * `col = ANY($1)` with one array parameter: a list of any length is one bind parameter
 * (an `IN (…)` list is limited to 65,535 parameters).
 */
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
