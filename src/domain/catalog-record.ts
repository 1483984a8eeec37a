import { z } from 'zod';

/**
 * One catalog record (a title and its copies) as the staff API's POST /admin/catalog and
 * `npm run import` take it: one schema, so a record the import accepts is one the API accepts.
 */
export const barcode = z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1–20 letters and digits');
/** A branch code's shape; which codes exist is the library profile's (checked at the edges that take one). */
export const branchCode = z.string().regex(/^[a-z][a-z-]{0,39}$/, 'must be a branch code');
export const materialType = z.enum(['book', 'magazine', 'kamishibai', 'cd', 'dvd', 'video', 'cassette']);
// PostgreSQL text holds no U+0000: refused here (400), it made the insert fail (500; found by fuzzing).
const noNul = (s: string) => !s.includes('\0');
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, 'must not contain U+0000');
const optionalText = (max: number) => z.string().trim().max(max).refine(noNul, 'must not contain U+0000').optional();

export const catalogItemSchema = z.strictObject({
  barcode,
  branch: branchCode,
  callNumber: text(100),
  inLibraryOnly: z.boolean().optional(),
});

export const catalogRecordSchema = z
  .strictObject({
    title: text(1000),
    titleKana: optionalText(1000),
    author: optionalText(1000),
    publisher: optionalText(1000),
    year: z.number().int().min(0).max(9999).optional(),
    isbn: optionalText(32),
    classification: optionalText(64),
    materialType,
    latestIssue: z.boolean().optional(),
    items: z.array(catalogItemSchema).max(1000),
  })
  .refine((r) => !r.latestIssue || r.materialType === 'magazine', {
    message: 'latestIssue is for magazines only',
    path: ['latestIssue'],
  });

export type CatalogRecordInput = z.infer<typeof catalogRecordSchema>;

/**
 * The title's fields by their snake_case names, in the record's order: a catalog export names its
 * columns so (docs/catalog-import.md), and so does the bibs table, one list for both.
 */
export const TITLE_FIELD_NAMES = [
  'title',
  'title_kana',
  'author',
  'publisher',
  'year',
  'isbn',
  'classification',
  'material_type',
  'latest_issue',
] as const;
