import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { barcode, branchCode as branchCodeShape, catalogRecordSchema } from '../domain/catalog-record.js';
import { libraryProfile } from '../profile/active.js';

/** Request bodies of the staff API, exactly as CONTRACT.md writes them. */
export const cardNumber = z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1–20 letters and digits');
export { barcode };

/** The branches are the library profile's: an unknown code is malformed input (400), as before. */
const isProfileBranch = (code: string) => libraryProfile().branches.some((b) => b.code === code);
const NOT_A_BRANCH = 'must be a branch code of the library profile';
export const branchCode = branchCodeShape.refine(isProfileBranch, NOT_A_BRANCH);
// Year 0000 is a real date to isIsoDate but not to PostgreSQL (an insert error, a 500): bounded like `instant`.
export const isoDate = z
  .string()
  .refine(
    (s) => isIsoDate(s) && Math.abs(Number(s.slice(0, 4)) - 2000) < 1000,
    'must be a real date YYYY-MM-DD between 1000 and 2999',
  );
// Bounded: the jobs add days and years to it, and an instant near year 9999 ends in an invalid Date (a 500).
export const instant = z.iso
  .datetime({ offset: true, message: 'must be ISO-8601 with an offset' })
  .refine((s) => Math.abs(new Date(s).getUTCFullYear() - 2000) < 1000, 'must be between the years 1000 and 2999');
// No U+0000: PostgreSQL text cannot hold it (an insert error, a 500).
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\0'), 'must not contain U+0000');

export const newPatronBody = z.strictObject({
  cardNumber,
  name: text(200),
  birthDate: isoDate,
  residency: z.enum(['resident', 'worker', 'student', 'none']),
  disabilityService: z.boolean().optional(),
});

export const catalogBody = z
  .strictObject({ records: z.array(catalogRecordSchema).min(1).max(5000) })
  .superRefine((body, ctx) => {
    for (const [i, r] of body.records.entries()) {
      for (const [j, item] of r.items.entries()) {
        if (!isProfileBranch(item.branch))
          ctx.addIssue({ code: 'custom', path: ['records', i, 'items', j, 'branch'], message: NOT_A_BRANCH });
      }
    }
  });

export const checkoutBody = z.strictObject({
  cardNumber,
  itemBarcode: barcode,
  checkedOutAt: instant.optional(),
  dueDate: isoDate.optional(),
});
export const checkinBody = z.strictObject({ itemBarcode: barcode, branch: branchCode });
export const holdBody = z.strictObject({
  cardNumber,
  bibId: z
    .union([
      z.string().regex(/^\d{1,18}$/, 'must be a bib id'),
      z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    ])
    .transform(String),
  pickupBranch: branchCode,
  channel: z.enum(['counter', 'phone']),
});
export const closedDatesBody = z.strictObject({
  dates: z.array(isoDate).min(1).max(1000),
  branch: branchCode.optional(),
});
export const jobBody = z.strictObject({ now: instant.optional() });
