import { type BranchCalendar, calendarFrom } from '../../src/domain/calendar.js';
import { libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { type LibraryProfile, weekdayNumber } from '../../src/profile/schema.js';

/**
 * The bundled profiles, for rule tests that name the value they check ("Kamagaya's
 * holds.limit 5"): a domain rule takes the value as an argument, so such a test holds whichever
 * profile the process has installed.
 */
export const KAMAGAYA: LibraryProfile = loadProfileFile(bundledProfilePath('kamagaya'));

/** A branch's calendar as the profile gives it (weekly closing days, yearly closures), no staff dates. */
export function profileCalendar(p: LibraryProfile, fromYear: number, toYear: number, branch = 0): BranchCalendar {
  const b = p.branches[branch]!;
  return calendarFrom(
    b.closedWeekdays.map(weekdayNumber),
    p.yearlyClosures.map((y) => ({ start: y.from, end: y.to })),
    fromYear,
    toYear,
  );
}

/** Kamagaya's calendar: closed on Mondays and 29 Dec – 3 Jan. */
export const kamagayaCalendar = (fromYear: number, toYear: number): BranchCalendar =>
  profileCalendar(KAMAGAYA, fromYear, toYear);

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** '2026-12-15' → '2026年12月15日（火）', as the chat writes a date. */
export function dateJa(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日（${WEEKDAY_JA[weekday]}）`;
}

/** The day `days` after an ISO date. */
export function daysAfter(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A contact method as the chat offers it: the button's label, what a patron types, the stored value. */
export interface ContactChoice {
  label: string;
  typed: string;
  kind: 'none' | 'email' | 'line';
}

/**
 * The installed profile's facts (LIBRARY_PROFILE, Kamagaya by default) the chat tests name, so one
 * scenario checks the same behaviour under either library: Kamagaya's 本館, 東部分館, LINE, 5件 and
 * 依頼中 under Kamagaya, the other library's own values under its profile. Read when a test runs.
 */
export const here = {
  get profile(): LibraryProfile {
    return libraryProfile();
  },
  /** The n-th pickup point (受取館) as the chat lists it: 0 → 本館, 1 → 東部分館 under Kamagaya. */
  pickup(n: number): { code: string; name: string; shortName: string } {
    const b = libraryProfile().branches.filter((x) => x.pickupPoint)[n];
    if (!b) throw new Error(`the profile has no pickup point number ${n + 1}`);
    return { code: b.code, name: b.name, shortName: b.shortNames[0] ?? b.name };
  },
  /** The n-th branch of the profile, in its order: 0 → 本館, 1 → 東部分館 under Kamagaya. */
  branch(n: number): { code: string; name: string } {
    const b = libraryProfile().branches[n];
    if (!b) throw new Error(`the profile has no branch number ${n + 1}`);
    return { code: b.code, name: b.name };
  },
  get holdLimit(): number {
    return libraryProfile().holds.limit;
  },
  /** Online holds wait as 依頼中 until the next opening day's morning (Kamagaya) or are official at once. */
  get holdsWait(): boolean {
    return libraryProfile().holds.promotion.waitForNextOpeningDay;
  },
  get lineContact(): boolean {
    return libraryProfile().contactMethods.includes('line');
  },
  /** The contact the reservation scenarios choose: LINE where the library offers it, else 連絡不要. */
  get contact(): ContactChoice {
    return libraryProfile().contactMethods.includes('line')
      ? { label: 'LINE', typed: 'LINE', kind: 'line' }
      : { label: '連絡不要', typed: '連絡不要', kind: 'none' };
  },
  get renewalTimes(): number {
    return libraryProfile().loans.renewal.times;
  },
  /**
   * R-LOAN-3: the due date of a renewal asked for on `isoDate` when the day the renewal period
   * ends is an opening day of every branch (the tests' dates are chosen so; checked here).
   */
  renewedDue(isoDate: string): string {
    const p = libraryProfile();
    const due = daysAfter(isoDate, p.loans.renewal.periodDays);
    const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
    if (p.branches.some((b) => b.closedWeekdays.map(weekdayNumber).includes(weekday)))
      throw new Error(`${due} is a closing day of the profile: choose another day for the test`);
    return due;
  },
  /** The 開館時間 answer's 休館日 line: weekly closing days, then the yearly closures. */
  get closingDaysLine(): string {
    const p = libraryProfile();
    const weekly = [...new Set(p.branches.flatMap((b) => b.closedWeekdays.map(weekdayNumber)))]
      .sort()
      .map((d) => `毎週${WEEKDAY_JA[d]}曜日`);
    const monthDay = (md: string) => md.split('-').map(Number).join('月') + '日';
    const yearly = p.yearlyClosures.map((y) => `${monthDay(y.from)}〜${monthDay(y.to)}`);
    return `休館日：${[...weekly, ...yearly].join('、')}`;
  },
  /** Every branch as the 開館時間 answer lists its phone: '本館　047-445-1010'. */
  get branchPhoneLines(): string[] {
    return libraryProfile().branches.map((b) => `${b.name}　${b.phone}`);
  },
  get initialPasswordLength(): number {
    return libraryProfile().passwords.initialLength;
  },
  get shelfOpeningDays(): number {
    return libraryProfile().holds.shelfOpeningDays;
  },
};
