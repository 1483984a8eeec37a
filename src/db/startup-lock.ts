import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/** Any constant: it only has to differ from the job locks (hashtext of 'job:…') and Kysely's. */
const STARTUP_LOCK_ID = 727_001;

/**
 * Runs `work` while holding a session advisory lock, so instances starting together on one empty
 * PostgreSQL database seed it once: the second waits, then finds it seeded. The lock is held on
 * a connection of its own; `work` uses the pool. PGlite has a single connection and a single
 * process, so there it just runs.
 */
export async function underStartupLock<T>(database: Pick<Database, 'db' | 'kind'>, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return (database.db as Kysely<any>).connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${STARTUP_LOCK_ID})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${STARTUP_LOCK_ID})`.execute(conn);
    }
  });
}
