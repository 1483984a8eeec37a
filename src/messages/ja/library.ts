// The library's own facts as the message table writes them: every name, number and rule that
// differs between libraries is read from the installed profile (LIBRARY_PROFILE) when a text is
// made, so the sentences stay here and the values stay in the profile.

import { libraryProfile } from '../../profile/active.js';

const CHANNEL_WORDS = { counter: '窓口', phone: '電話', online: 'インターネット' } as const;

/** 14 → '2週間', 10 → '10日'. */
export function periodJa(days: number): string {
  return days % 7 === 0 ? `${days / 7}週間` : `${days}日`;
}

/** 1 → '小学生以上', 3 → '小学3年生以上', 7 → '中学生以上', 0 → '' (no age limit). */
export function schoolYearJa(year: number): string {
  if (year <= 0) return '';
  if (year === 1) return '小学生以上';
  if (year <= 6) return `小学${year}年生以上`;
  if (year === 7) return '中学生以上';
  if (year <= 9) return `中学${year - 6}年生以上`;
  return year === 10 ? '高校生以上' : `高校${year - 9}年生以上`;
}

/** Read when a text is made, never at import: the profile is installed at start. */
export const lib = {
  get name(): string {
    return libraryProfile().library.name;
  },
  /** The LINE official account's name (the greeting says whose account this is). */
  get accountName(): string {
    return libraryProfile().library.accountName;
  },
  get municipality(): string {
    return libraryProfile().library.municipality;
  },
  get homepage(): string {
    return libraryProfile().library.homepage;
  },
  get holdLimit(): number {
    return libraryProfile().holds.limit;
  },
  /** '窓口・電話・インターネットをあわせて1人N冊まで' (R-RES-2 as the profile counts it). */
  get holdLimitRule(): string {
    const h = libraryProfile().holds;
    const all = (['counter', 'phone', 'online'] as const).filter((c) => h.countedChannels.includes(c));
    const words = all.map((c) => CHANNEL_WORDS[c]).join('・');
    return all.length > 1 ? `${words}をあわせて1人${h.limit}冊まで` : `${words}の予約は1人${h.limit}冊まで`;
  },
  /** Whether counter, phone and online holds all count towards the limit (Kamagaya). */
  get countsEveryChannel(): boolean {
    return libraryProfile().holds.countedChannels.length === 3;
  },
  /** '確保日の翌開館日からN開館日' (R-RES-8). */
  get shelfPeriod(): string {
    return `確保日の翌開館日から${libraryProfile().holds.shelfOpeningDays}開館日`;
  },
  get renewalTimes(): number {
    return libraryProfile().loans.renewal.times;
  },
  /** '申込日からN週間' or 'N日' (R-LOAN-3). */
  get renewalPeriod(): string {
    return `申込日から${periodJa(libraryProfile().loans.renewal.periodDays)}`;
  },
  get initialPasswordLength(): number {
    return libraryProfile().passwords.initialLength;
  },
  get minPasswordLength(): number {
    return libraryProfile().passwords.minLength;
  },
  get maxPasswordLength(): number {
    return libraryProfile().passwords.maxLength;
  },
  /** '小学生以上' for the services a password opens (R-ELIG-2, R-ELIG-3). */
  get ageRule(): string {
    return schoolYearJa(libraryProfile().services.status.minSchoolYear);
  },
  /** Whether online holds wait (依頼中) for the next opening day (R-RES-3). */
  get holdsWait(): boolean {
    return libraryProfile().holds.promotion.waitForNextOpeningDay;
  },
  /** Whether LINE is offered as a hold's contact method. */
  get lineContact(): boolean {
    return libraryProfile().contactMethods.includes('line');
  },
  get minSchoolYear(): number {
    return libraryProfile().services.status.minSchoolYear;
  },
};
