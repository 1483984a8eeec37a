import { createHash } from 'node:crypto';
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

/**
 * For statements whose text has a few shapes (the catalog search: one per number of words and
 * fields): named by a hash of their text, and prepared on a connection only while it holds fewer
 * than BY_TEXT_LIMIT of them; a shape past that runs as an unnamed statement, as before.
 */
export const preparedByText = '/* prepared-by-text */';
export const BY_TEXT_LIMIT = 200;

/** A pg client that runs marked statements as named prepared statements. */
export class PreparingClient extends pg.Client {
  private readonly byText = new Set<string>();

  // pg's query() has many overloads; only (text, values) from Kysely's driver is rewritten.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values)) {
      const name = MARKER.exec(text)?.[1] ?? this.nameByText(text);
      if (name) return (super.query as (...a: unknown[]) => never)({ name, text, values });
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }

  private nameByText(text: string): string | undefined {
    if (!text.startsWith(preparedByText)) return undefined;
    const name = `t-${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (!this.byText.has(name)) {
      if (this.byText.size >= BY_TEXT_LIMIT) return undefined;
      this.byText.add(name);
    }
    return name;
  }
}
