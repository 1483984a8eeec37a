// The library's own facts in English: names from the profile's translations (../local-names.ts),
// numbers and switches from the Japanese table's `lib`, and the rules it builds as Japanese
// phrases (holdLimitRule, shelfPeriod, renewalPeriod, ageRule) written again here.

import { libraryProfile } from '../../profile/active.js';
import { lib as libJa } from '../ja/library.js';
import { libraryNames } from '../local-names.js';

const CHANNEL_WORDS = { counter: 'at the counter', phone: 'by phone', online: 'online' } as const;

/** 14 → '2 weeks', 10 → '10 days', 1 → '1 day'. */
export function periodEn(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

const ORDINAL = ['', '1st', '2nd', '3rd'] as const;

/** 'people …' → 'People …' at the start of a sentence. */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Who may use the services, said after "people" / "you are": 1 → 'of elementary school age (小学生) or
 * older', 3 → 'in the 3rd year of elementary school or above', 0 → '' (no age limit).
 */
export function schoolYearEn(year: number): string {
  const nth = (n: number) => ORDINAL[n] ?? `${n}th`;
  if (year <= 0) return '';
  if (year === 1) return 'of elementary school age (小学生) or older';
  if (year <= 6) return `in the ${nth(year)} year of elementary school or above`;
  if (year === 7) return 'of junior high school age (中学生) or older';
  if (year <= 9) return `in the ${nth(year - 6)} year of junior high school or above`;
  return year === 10 ? 'of high school age (高校生) or older' : `in the ${nth(year - 9)} year of high school or above`;
}

/** The profile's hold limit rule (R-RES-2) with a given limit, as a refusal states the limit it was given. */
export function holdLimitRuleFor(limit: number | string): string {
  const h = libraryProfile().holds;
  const all = (['counter', 'phone', 'online'] as const).filter((c) => h.countedChannels.includes(c));
  const words = all.map((c) => CHANNEL_WORDS[c]);
  const items = String(limit) === '1' ? '1 item' : `${limit} items`;
  if (all.length > 1)
    return (
      `up to ${items} on hold per person, counting holds made ${words.slice(0, -1).join(', ')} ` +
      `and ${words.at(-1)} together`
    );
  return `up to ${items} on hold per person for holds made ${words[0] ?? ''}`;
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
    return libJa.homepage;
  },
  get holdLimit(): number {
    return libJa.holdLimit;
  },
  /** 'up to 5 items on hold per person, counting holds made at the counter, by phone and online together' (R-RES-2). */
  get holdLimitRule(): string {
    return holdLimitRuleFor(libraryProfile().holds.limit);
  },
  get countsEveryChannel(): boolean {
    return libJa.countsEveryChannel;
  },
  /** 'N opening days from the opening day after it is set aside' (R-RES-8). */
  get shelfPeriod(): string {
    const n = libraryProfile().holds.shelfOpeningDays;
    return `${n} opening day${n === 1 ? '' : 's'}, counted from the opening day after it is set aside`;
  },
  get renewalTimes(): number {
    return libJa.renewalTimes;
  },
  /** '2 weeks from the day you renew' (R-LOAN-3). */
  get renewalPeriod(): string {
    return `${periodEn(libraryProfile().loans.renewal.periodDays)} from the day you renew`;
  },
  get initialPasswordLength(): number {
    return libJa.initialPasswordLength;
  },
  get minPasswordLength(): number {
    return libJa.minPasswordLength;
  },
  get maxPasswordLength(): number {
    return libJa.maxPasswordLength;
  },
  /** 'of elementary school age (小学生) or older' (R-ELIG-2, R-ELIG-3). */
  get ageRule(): string {
    return schoolYearEn(libraryProfile().services.status.minSchoolYear);
  },
  /** 'people of elementary school age (小学生) or older', or 'people' where there is no age limit. */
  get people(): string {
    const age = schoolYearEn(libraryProfile().services.status.minSchoolYear);
    return age ? `people ${age}` : 'people';
  },
  get holdsWait(): boolean {
    return libJa.holdsWait;
  },
  get lineContact(): boolean {
    return libJa.lineContact;
  },
  get minSchoolYear(): number {
    return libJa.minSchoolYear;
  },
};
