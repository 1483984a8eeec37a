import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';

/** Request bodies of the staff API, exactly as CONTRACT.md writes them. */
export const cardNumber = z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1–20 letters and digits');
export const barcode = cardNumber;
export const isoDate = z.string().refine(isIsoDate, 'must be a real date YYYY-MM-DD');
export const branchCode = z.enum(['honkan', 'tobu', 'seibu', 'hokubu', 'nanbu', 'higashi-hatsutomi']);
export const instant = z.iso.datetime({ offset: true, message: 'must be ISO-8601 with an offset' });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const newPatronBody = z.strictObject({
  cardNumber,
  name: text(200),
  birthDate: isoDate,
  residency: z.enum(['resident', 'worker', 'student', 'none']),
  disabilityService: z.boolean().optional(),
});

export const catalogBody = z.strictObject({
  records: z
    .array(
      z.strictObject({
        title: text(1000),
        titleKana: optionalText(1000),
        author: optionalText(1000),
        publisher: optionalText(1000),
        year: z.number().int().min(0).max(9999).optional(),
        isbn: optionalText(32),
        classification: optionalText(64),
        materialType: z.enum(['book', 'magazine', 'kamishibai', 'cd', 'dvd', 'video', 'cassette']),
        latestIssue: z.boolean().optional(),
        items: z.array(z.strictObject({ barcode, branch: branchCode, callNumber: text(100), inLibraryOnly: z.boolean().optional() })).max(1000),
      }),
    )
    .min(1)
    .max(5000),
}).refine((b) => b.records.every((r) => !r.latestIssue || r.materialType === 'magazine'), 'latestIssue is for magazines only');

export const checkoutBody = z.strictObject({ cardNumber, itemBarcode: barcode, checkedOutAt: instant.optional(), dueDate: isoDate.optional() });
export const checkinBody = z.strictObject({ itemBarcode: barcode, branch: branchCode });
export const holdBody = z.strictObject({
  cardNumber,
  bibId: z.union([z.string().regex(/^\d{1,18}$/, 'must be a bib id'), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).transform(String),
  pickupBranch: branchCode,
  channel: z.enum(['counter', 'phone']),
});
export const closedDatesBody = z.strictObject({ dates: z.array(isoDate).min(1).max(1000), branch: branchCode.optional() });
export const jobBody = z.strictObject({ now: instant.optional() });
