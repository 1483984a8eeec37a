// Calendar dates of the library, always in Asia/Tokyo.
//
// Japan has had no daylight saving time since 1951, so Tokyo is a fixed UTC+9.
// Everything here works on UTC fields of shifted instants, never on the process
// time zone, so a server running in UTC (or anywhere) gets the same answers.

/** A Tokyo calendar date written 'YYYY-MM-DD' (four-digit year). */
export type IsoDate = string;

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const TOKYO_OFFSET_MS = 9 * MS_PER_HOUR;

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC midnight of the date, as epoch milliseconds, or NaN when `s` is not a
 * real calendar date. Day arithmetic is done on these numbers: whole days, no DST.
 */
function utcMidnightMs(s: string): number {
  const m = ISO_DATE_SHAPE.exec(s);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0..99 to 1900..1999.
  d.setUTCFullYear(year, month - 1, day);
  // A date such as 2025-02-30 rolls over into March; a real date round-trips.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return Number.NaN;
  }
  return d.getTime();
}

/** Epoch ms of the date, or a thrown Error: a malformed date here is a programming error. */
function toMs(d: IsoDate): number {
  const ms = utcMidnightMs(d);
  if (Number.isNaN(ms)) throw new Error(`not an ISO calendar date: ${JSON.stringify(d)}`);
  return ms;
}

function fromMs(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new Error(`date out of the supported range (years 0000-9999): ${ms}`);
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${mm}-${dd}`;
}

/** True when `s` is 'YYYY-MM-DD' and names a day that exists (no 2025-02-29). */
export function isIsoDate(s: string): boolean {
  return !Number.isNaN(utcMidnightMs(s));
}

/** The Tokyo calendar date of an instant. */
export function tokyoDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('tokyoDate: invalid Date');
  return fromMs(Math.floor((ms + TOKYO_OFFSET_MS) / MS_PER_DAY) * MS_PER_DAY);
}

/** The Tokyo wall-clock hour (0..23) of an instant. */
export function tokyoHour(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('tokyoHour: invalid Date');
  return new Date(ms + TOKYO_OFFSET_MS).getUTCHours();
}

/** The instant at which the date begins in Tokyo (00:00 JST = 15:00 UTC the day before). */
export function tokyoStartOfDay(d: IsoDate): Date {
  return new Date(toMs(d) - TOKYO_OFFSET_MS);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`addDays: not a whole number of days: ${n}`);
  return fromMs(toMs(d) + n * MS_PER_DAY);
}

/** 0 = Sunday .. 6 = Saturday, like Date#getDay. */
export function weekdayOf(d: IsoDate): number {
  return new Date(toMs(d)).getUTCDay();
}

/** Negative when a is earlier, 0 when equal, positive when later (a sort comparator). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toMs(a) - toMs(b));
}

/** Whole days from a to b: positive when b is later, so addDays(a, daysBetween(a, b)) === b. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toMs(b) - toMs(a)) / MS_PER_DAY);
}
