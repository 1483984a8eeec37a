import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/**
 * What must never reach a client: a stack frame, an error's name line, or SQL text. The words
 * are matched where they would appear in a leak, so ordinary messages ("at least") do not trip it.
 */
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /\bat (file|node):/,
  /\bError:/,
  /\bSELECT\b/,
  /\bINSERT\b/,
  /\brelation\b/,
  /\bsyntax\b/,
];

export function leakIn(body: string): string | undefined {
  return LEAKS.find((re) => re.test(body))?.source;
}

/** Row counts of the tables rejected input must not touch, as one string to compare. */
export async function storedCounts(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<Record<string, string | number>>`
    SELECT (SELECT count(*) FROM webhook_inbox) AS inbox, (SELECT count(*) FROM patrons) AS patrons,
           (SELECT count(*) FROM holds) AS holds, (SELECT count(*) FROM loans) AS loans,
           (SELECT count(*) FROM bibs) AS bibs`.execute(db);
  return JSON.stringify(rows[0]);
}

/** fast-check seed: fixed by default so a CI run is reproducible; FUZZ_SEED=random or a number overrides. */
export function fuzzSeed(): { seed?: number } {
  const s = process.env.FUZZ_SEED;
  if (s === 'random') return {};
  return { seed: s ? Number(s) : 20261128 };
}
