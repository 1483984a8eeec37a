// The library's own facts in やさしい日本語: the numbers come from the profile (through ja's `lib`),
// the phrases that ja builds in adult Japanese (holdLimitRule, shelfPeriod …) are written here
// again with readings, and the names come from the profile's `easy` translation (local-names.ts).

import { libraryProfile } from '../../profile/active.js';
import { lib as jaLib } from '../ja/library.js';
import { libraryNames } from '../local-names.js';

const CHANNEL_WORDS = { counter: 'まどぐち', phone: '電話（でんわ）', online: 'インターネット' } as const;

/** 14 → '2週間（しゅうかん）', 10 → '10日（にち）'. */
export function periodEasy(days: number): string {
  return days % 7 === 0 ? `${days / 7}週間（しゅうかん）` : `${days}日（にち）`;
}

/** 1 → '小学生（しょうがくせい）', 3 → '小学（しょうがく）3年生（ねんせい）', 0 → ''. */
export function schoolYearEasy(year: number): string {
  if (year <= 0) return '';
  if (year === 1) return '小学生（しょうがくせい）';
  if (year <= 6) return `小学（しょうがく）${year}年生（ねんせい）`;
  if (year === 7) return '中学生（ちゅうがくせい）';
  if (year <= 9) return `中学（ちゅうがく）${year - 6}年生（ねんせい）`;
  return year === 10 ? '高校生（こうこうせい）' : `高校（こうこう）${year - 9}年生（ねんせい）`;
}

/** Read when a text is made, never at import: the profile is installed at start. */
export const lib = {
  get name(): string {
    return libraryNames().name;
  },
  get accountName(): string {
    return libraryNames().accountName;
  },
  get municipality(): string {
    return libraryNames().municipality;
  },
  get homepage(): string {
    return jaLib.homepage;
  },
  get holdLimit(): number {
    return jaLib.holdLimit;
  },
  /** 'まどぐち・電話（でんわ）・インターネットを あわせて 1人（ひとり） 10冊（さつ）まで' (R-RES-2). */
  get holdLimitRule(): string {
    const h = libraryProfile().holds;
    const all = (['counter', 'phone', 'online'] as const).filter((c) => h.countedChannels.includes(c));
    const words = all.map((c) => CHANNEL_WORDS[c]).join('・');
    return all.length > 1
      ? `${words}を あわせて 1人（ひとり） ${h.limit}冊（さつ）まで`
      : `${words}の 予約（よやく）は 1人（ひとり） ${h.limit}冊（さつ）まで`;
  },
  get countsEveryChannel(): boolean {
    return jaLib.countsEveryChannel;
  },
  /** R-RES-8: the days the book waits, counted as the staff count them. */
  get shelfPeriod(): string {
    return (
      `用意（ようい）が できた 日（ひ）の つぎの 開館日（かいかんび）から ` +
      `${libraryProfile().holds.shelfOpeningDays}開館日（かいかんび）`
    );
  },
  get shelfOpeningDays(): number {
    return libraryProfile().holds.shelfOpeningDays;
  },
  get renewalTimes(): number {
    return jaLib.renewalTimes;
  },
  /** R-LOAN-3: '延長（えんちょう）した 日（ひ）から 2週間（しゅうかん）'. */
  get renewalPeriod(): string {
    return `延長（えんちょう）した 日（ひ）から ${periodEasy(libraryProfile().loans.renewal.periodDays)}`;
  },
  get initialPasswordLength(): number {
    return jaLib.initialPasswordLength;
  },
  get minPasswordLength(): number {
    return jaLib.minPasswordLength;
  },
  get maxPasswordLength(): number {
    return jaLib.maxPasswordLength;
  },
  /** The school year the password services start at ('小学生（しょうがくせい）'); '' when none. */
  get grade(): string {
    return schoolYearEasy(jaLib.minSchoolYear);
  },
  /** '小学生（しょうがくせい）以上（いじょう）の 人（ひと）'; '' when there is no age limit. */
  get ageRule(): string {
    const g = schoolYearEasy(jaLib.minSchoolYear);
    return g === '' ? '' : `${g}以上（いじょう）の 人（ひと）`;
  },
  get holdsWait(): boolean {
    return jaLib.holdsWait;
  },
  get lineContact(): boolean {
    return jaLib.lineContact;
  },
  get minSchoolYear(): number {
    return jaLib.minSchoolYear;
  },
};
