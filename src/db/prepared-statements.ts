import pg from 'pg';

/**
 * Statements that run for nearly every webhook event start with this marker comment, e.g.
 * sql`${prepared('inbox-claim')} WITH …`. On PostgreSQL they become named prepared statements of
 * each connection: parsed once, and planned once when the generic plan is as good, where the
 * planning alone cost more than running them (0.3–0.4 ms each, measured by bench:webhook with
 * pg_stat_statements). PGlite sees only a comment.
 *
 * Invariant: a name always goes with the same SQL text; only statements whose text does not
 * depend on their arguments (arrays and JSON are passed as one parameter) may be marked, or a
 * connection would keep a new prepared statement for every shape.
 */
const MARKER = /^\/\* prepared:([a-z0-9-]+) \*\//;

export const preparedMarker = (name: string) => `/* prepared:${name} */`;

/** A pg client that runs marked statements as named prepared statements. */
export class PreparingClient extends pg.Client {
  // pg's query() has many overloads; only (text, values) from Kysely's driver is rewritten.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values)) {
      const name = MARKER.exec(text)?.[1];
      if (name) return (super.query as (...a: unknown[]) => never)({ name, text, values });
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
