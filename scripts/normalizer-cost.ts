/**
 * `npx tsx scripts/normalizer-cost.ts`: what normalizeForSearch costs a character, over the demo
 * catalog's titles, readings, authors and publishers repeated to ~200,000 strings; the best of 8
 * runs, as docs/search.md reports it. One core; run it on a quiet machine.
 */
import { normalizeForSearch } from '../src/domain/normalize.js';
import { demoCatalog } from '../src/seed/demo/index.js';

const fields = demoCatalog.flatMap((r) => [r.title, r.titleKana ?? '', r.author ?? '', r.publisher ?? '']);
const base = fields.filter((f) => f !== '');
const texts: string[] = [];
while (texts.length < 200_000) texts.push(...base);
const chars = texts.reduce((n, t) => n + t.length, 0);

let best = Number.POSITIVE_INFINITY;
for (let run = 0; run < 8; run++) {
  const t0 = process.hrtime.bigint();
  for (const t of texts) normalizeForSearch(t);
  best = Math.min(best, Number(process.hrtime.bigint() - t0));
}
console.log(
  `normalizeForSearch: ${texts.length} strings, ${chars} characters; best of 8: ` +
    `${(best / chars).toFixed(1)} ns a character, ${(best / texts.length / 1000).toFixed(2)} µs a string`,
);
