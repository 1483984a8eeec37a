import type { SearchTuning } from '../../src/db/search-ranking.js';
import { materialTypeOfWord } from '../../src/domain/material-words.js';
import { normalizeForSearch } from '../../src/domain/normalize.js';
import type { SearchQuery } from '../../src/domain/search-query.js';
import type { MaterialFilter } from '../../src/domain/material-words.js';
import { isbn13Of } from '../../src/domain/isbn.js';

/** What a title needs for the reference model: the searchable fields of a catalog record. */
export interface Searchable {
  title: string;
  titleKana?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  classification?: string | undefined;
  materialType: string;
  isbn?: string | undefined;
  items?: readonly { callNumber: string }[] | undefined;
}

/** The model of a material word: a type or a classification (from the left), or a call-number mark. */
function meets(r: Searchable, m: MaterialFilter): boolean {
  const c = (r.classification ?? '').trim().toLowerCase();
  const calls = (r.items ?? []).map((i) => i.callNumber.normalize('NFKC').toUpperCase());
  if ('mark' in m)
    return m.mark === 'youngAdult'
      ? calls.some((n) => /(^|[^A-Z])YA([^A-Z]|$)/.test(n))
      : calls.some((n) => n.includes('大活字'));
  const byClass = m.classification !== undefined && c.startsWith(m.classification.toLowerCase());
  return byClass || ('type' in m && m.type === r.materialType);
}

const terms = (ts: readonly string[] | undefined) => (ts ?? []).map(normalizeForSearch).filter((t) => t !== '');

/**
 * The search written as a plain filter over records in TypeScript: the SQL of
 * db/catalog-search.ts must find exactly these (no false hit, no miss).
 */
export function bruteForce(records: readonly Searchable[], q: SearchQuery): number[] {
  // ISBNs as the product reads them (isbn3 is the model of ISBN forms; test/search/isbn.test.ts
  // checks them one by one): a word that is one matches the title's ISBN, not its texts.
  const isbns = q.any.map(isbn13Of);
  const any = terms(q.any.filter((_, i) => isbns[i] === undefined));
  const wantIsbn = isbns.filter((i) => i !== undefined);
  const materials = q.materials ?? [];
  const title = terms(q.fields.title);
  const author = terms(q.fields.author);
  const publisher = terms(q.fields.publisher);
  const classification = terms(q.fields.classification);
  const types = (q.fields.materialType ?? []).filter((w) => normalizeForSearch(w) !== '').map(materialTypeOfWord);
  const count = any.length + title.length + author.length + publisher.length + classification.length + types.length;
  if (count + wantIsbn.length + materials.length === 0) return [];
  const out: number[] = [];
  records.forEach((r, i) => {
    const t = normalizeForSearch(r.title);
    const k = normalizeForSearch(r.titleKana ?? '');
    const a = normalizeForSearch(r.author ?? '');
    const p = normalizeForSearch(r.publisher ?? '');
    const c = (r.classification ?? '').replace(/^ +| +$/g, '').toLowerCase();
    const ok =
      any.every((w) => t.includes(w) || k.includes(w) || a.includes(w) || p.includes(w)) &&
      title.every((w) => t.includes(w) || k.includes(w)) &&
      author.every((w) => a.includes(w)) &&
      publisher.every((w) => p.includes(w)) &&
      classification.every((w) => c.startsWith(w)) &&
      types.every((ty) => ty === r.materialType) &&
      wantIsbn.every((i) => isbn13Of(r.isbn) === i) &&
      materials.every((m) => meets(r, m));
    if (ok) out.push(i);
  });
  return out;
}

/**
 * The ways db/search-ranking.ts may find hits, for tests whose catalogs are small: undefined is
 * the default (a small catalog is answered by the probe alone); the others read one title in
 * the probe, then take the GIN index, or the walk, wherever both are possible, or whichever the
 * gram counts' estimate favours.
 */
export const STRATEGIES: (SearchTuning | undefined)[] = [
  undefined,
  { probeRows: 1, walkRows: 1_000_000, prefer: 'index' },
  { probeRows: 1, walkRows: 1_000_000, prefer: 'walk' },
  // A probe of one title tells next to nothing: the titles per gram choose the way.
  { probeRows: 1, walkRows: 1_000_000 },
];
