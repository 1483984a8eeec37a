import type { Kysely } from 'kysely';
import { savepoint, type Tx } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { Refusal } from '../domain/refusals.js';

/**
 * What a service says when it does not do what was asked. Refusals are the library's rules
 * (422 at the staff API, a sentence in the chat); not-found and conflict are about the request.
 * Only the HTTP edge maps these to status codes.
 */
export type ServiceFailure =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'not_found'; what: 'patron' | 'bib' | 'item' | 'hold' | 'loan' | 'branch' | 'job'; id: string }
  | { kind: 'conflict'; code: string; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = (refusal: Refusal): Outcome<never> => ({ ok: false, failure: { kind: 'refused', refusal } });
export const notFound = (what: Extract<ServiceFailure, { kind: 'not_found' }>['what'], id: string): Outcome<never> => ({
  ok: false,
  failure: { kind: 'not_found', what, id },
});
export const conflict = (code: string, message: string): Outcome<never> => ({
  ok: false,
  failure: { kind: 'conflict', code, message },
});

/**
/** Carries a failure out of a transaction callback so that the transaction rolls back. */
class Abort extends Error {
  readonly failure: ServiceFailure;
  constructor(failure: ServiceFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

/**
 * Runs `work` in one transaction. A failed Outcome rolls the transaction back (nothing half
 * done), and is returned as it was.
 */
export async function inTransaction<T>(db: Kysely<DB>, work: (tx: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  // Called from inside a transaction (a chat event's): a savepoint gives the same all-or-nothing,
  // and PGlite's single connection is not asked for a second transaction.
  if (db.isTransaction) return inSavepoint(db as Tx, work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (tx) => {
        const outcome = await work(tx);
        if (!outcome.ok) throw new Abort(outcome.failure);
        return outcome;
      });
    } catch (err) {
      if (err instanceof Abort) return { ok: false, failure: err.failure };
      // PostgreSQL chose this transaction as a deadlock victim (or a serialisation loser): it was
      // rolled back whole, so running it again is safe.
      if (attempt < 3 && isRetryable(err)) continue;
      throw err;
    }
  }
}

let savepoints = 0;

async function inSavepoint<T>(tx: Tx, work: (tx: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const name = `service_${++savepoints}`;
  await savepoint.create(tx, name);
  try {
    const outcome = await work(tx);
    if (outcome.ok) await savepoint.release(tx, name);
    else await savepoint.rollback(tx, name);
    return outcome;
  } catch (err) {
    await savepoint.rollback(tx, name).catch(() => undefined);
    throw err;
  }
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
