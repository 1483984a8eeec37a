import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Query functions take the executor first; `Transaction<DB>` in a signature means "call me inside one". */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Tx = Transaction<DB>;

/** Tables whose rows a service locks get `forUpdate` through this flag, never by string. */
export interface LockOption {
  forUpdate?: boolean;
}
