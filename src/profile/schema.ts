import { z } from 'zod';

/**
 * One library's facts and rules (LIBRARY_PROFILE, docs/adopting.md): everything that differs from
 * one public library to the next lives in one validated file, never in code. The domain's rules
 * take these values as arguments; the message table fills its placeholders from them.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weekday = z.enum(WEEKDAYS);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const hour = z.number().int().min(0).max(23);
const count = (min: number, max: number) => z.number().int().min(min).max(max);
const text = z.string().trim().min(1);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month and day MM-DD');
const residency = z.enum(['resident', 'worker', 'student', 'none']);
const materialType = z.enum(['book', 'magazine', 'kamishibai', 'cd', 'dvd', 'video', 'cassette']);
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

const openingHours = z
  .strictObject({ open: hhmm, close: hhmm })
  .refine((h) => h.open < h.close, { message: 'must close after it opens', path: ['close'] });

const branch = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z-]{0,39}$/, 'must be lower-case letters and hyphens'),
    name: text,
    /** What patrons type for it besides the name (東部, 東部館 …). */
    shortNames: z.array(text).default([]),
    phone: z
      .string()
      .regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, 'must be a phone number written with hyphens, like 0AA-BBB-CCCC'),
    address: text,
    /** Opening hours of each weekday the branch opens. */
    hours: z.partialRecord(weekday, openingHours),
    /** Regular closing weekdays (定期休館日). */
    closedWeekdays: z.array(weekday).refine(unique, 'must not repeat a weekday'),
    /** Whether holds can be collected here (受取館). */
    pickupPoint: z.boolean(),
  })
  .superRefine((b, ctx) => {
    for (const d of WEEKDAYS) {
      const closed = b.closedWeekdays.includes(d);
      if (!closed && !b.hours[d])
        ctx.addIssue({ code: 'custom', path: ['hours', d], message: 'is missing (open day)' });
      if (closed && b.hours[d])
        ctx.addIssue({ code: 'custom', path: ['hours', d], message: 'is set on a closing day' });
    }
  });

/** Who may use a service: residency groups and the lowest school year (0 = no age limit). */
const serviceAccess = z.strictObject({
  residency: z.array(residency).min(1).refine(unique, 'must not repeat a group'),
  minSchoolYear: count(0, 12),
});

/**
 * The library's names in another language (docs/translating.md): what the English or やさしい日本語
 * table says instead of the Japanese name. A branch missing here keeps its Japanese name.
 */
const translation = z.strictObject({
  library: z.strictObject({ name: text, accountName: text, municipality: text }).optional(),
  /** By branch code: 'Main Library (本館)', '本館（ほんかん）'. */
  branches: z.record(z.string(), text).default({}),
});

export const profileSchema = z
  .strictObject({
    library: z.strictObject({
      /** ○○市立図書館: how the library names itself to patrons. */
      name: text,
      /** The LINE official account's display name. */
      accountName: text,
      /** The municipality of 在住・在勤・在学. */
      municipality: text,
      homepage: z.url({ protocol: /^https?$/ }),
    }),
    branches: z
      .array(branch)
      .min(1)
      .refine((bs) => unique(bs.map((b) => b.code)), 'must not repeat a branch code')
      .refine((bs) => bs.some((b) => b.pickupPoint), 'must have a pickup point'),
    /** Closures every year (年末年始 …), for every branch; MM-DD to MM-DD, across the new year if needed. */
    yearlyClosures: z.array(z.strictObject({ from: monthDay, to: monthDay })),
    holds: z.strictObject({
      limit: count(1, 100),
      /** Which channels' holds count towards the limit. */
      countedChannels: z.array(z.enum(['online', 'counter', 'phone'])).min(1),
      /** The shelf period (取置期間) in opening days of the pickup branch. */
      shelfOpeningDays: count(1, 60),
      promotion: z.strictObject({
        /** Whether an online hold waits (依頼中) for the next opening day, so walk-ins come first. */
        waitForNextOpeningDay: z.boolean(),
        hour,
      }),
      /** R-RES-11, R-RES-12: how far ahead a hold may be suspended, or given a 不要日. */
      suspendMaxDays: count(1, 730).default(180),
    }),
    loans: z.strictObject({
      periodDays: count(1, 90),
      renewal: z.strictObject({
        times: count(0, 10),
        periodDays: count(1, 90),
        materials: z.array(materialType),
      }),
    }),
    /** 連絡方法 offered for holds; 連絡不要 is always offered. */
    contactMethods: z.array(z.enum(['none', 'email', 'line'])).refine((m) => m.includes('none'), 'must include none'),
    services: z.strictObject({
      reserve: serviceAccess,
      status: serviceAccess,
      renew: serviceAccess,
      email: serviceAccess,
    }),
    passwords: z
      .strictObject({ initialLength: count(6, 32), minLength: count(4, 64), maxLength: count(8, 256) })
      .refine((p) => p.minLength <= p.maxLength, { message: 'must not exceed maxLength', path: ['minLength'] }),
    mail: z.strictObject({ sender: z.email() }),
    /**
     * The library card as LINE shows it (docs/library-card.md): the card number as an NW-7
     * (Codabar) barcode between the start and stop letters the library's own cards print, so the
     * counter's scanner reads the phone as it reads the plastic card.
     */
    card: z
      .strictObject({
        codabarStart: z.enum(['A', 'B', 'C', 'D']).default('A'),
        codabarStop: z.enum(['A', 'B', 'C', 'D']).default('A'),
      })
      .default({ codabarStart: 'A', codabarStop: 'A' }),
    /** No LINE push from `from` until `until` (Tokyo hours). */
    quietHours: z.strictObject({ from: hour, until: hour }),
    /** Names in the other languages the bot speaks, keyed by language (en, easy). */
    translations: z.partialRecord(z.enum(['en', 'easy']), translation).default({}),
    reminders: z.strictObject({
      /** The pickup reminder: this many opening days of the pickup branch before the deadline. */
      pickupOpeningDaysBefore: count(0, 14),
      /** The due-date reminder: this many days before the due date. */
      dueDaysBefore: count(0, 14),
      /** R-NOTE-1: overdue notices, the first this many days after the due date, then every `everyDays`. */
      overdue: z
        .strictObject({ firstDaysAfter: count(1, 30), everyDays: count(1, 60), times: count(0, 10) })
        .default({ firstDaysAfter: 1, everyDays: 7, times: 3 }),
    }),
  })
  .refine((p) => p.quietHours.from !== p.quietHours.until, {
    message: 'must differ from quietHours.from',
    path: ['quietHours', 'until'],
  });

export type LibraryProfile = z.infer<typeof profileSchema>;
export type ProfileBranch = LibraryProfile['branches'][number];
export type ServiceAccess = z.infer<typeof serviceAccess>;

/** 0 = Sunday .. 6 = Saturday, as the calendar counts weekdays. */
export function weekdayNumber(d: Weekday): number {
  return WEEKDAYS.indexOf(d);
}
