import { sql } from 'kysely';
import { anyBigint, type Executor, type Tx } from './executor.js';

/**
 * Takes the job's advisory lock for the rest of the transaction; false when another instance
 * runs the same job right now (it will do the work, this one does nothing).
 */
export async function tryJobLock(tx: Tx, name: string): Promise<boolean> {
  const r = await sql<{
    locked: boolean;
  }>`SELECT pg_try_advisory_xact_lock(hashtext(${'job:' + name})) AS locked`.execute(tx);
  return r.rows[0]?.locked === true;
}

export async function recordJobRun(db: Executor, name: string, at: Date, processed: number): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ name, last_run_at: at, last_processed: processed })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_run_at: at, last_processed: processed }))
    .execute();
}

/** Of the given titles, those with a lendable copy on a shelf. */
export async function bibsWithShelvedCopies(db: Executor, bibIds: string[]): Promise<string[]> {
  if (bibIds.length === 0) return [];
  const rows = await db
    .selectFrom('items')
    .select('bib_id')
    .distinct()
    .where('bib_id', '=', anyBigint(bibIds))
    .where('status', '=', 'available')
    .where('in_library_only', '=', false)
    .execute();
  return rows.map((r) => r.bib_id);
}
