// Who may use which internet service (R-ELIG-1..6).

import { compareDates, isIsoDate } from './dates.js';
import type { IsoDate } from './dates.js';
import { refuse } from './refusals.js';
import type { Refusal } from './refusals.js';

/** 在住 (lives in the city), 在勤 (works there), 在学 (studies there), or none of these. */
export type Residency = 'resident' | 'worker' | 'student' | 'none';

/** What the library knows about a registered patron. Being registered is implied by having facts. */
export interface PatronFacts {
  birthDate: IsoDate;
  residency: Residency;
  /** Registered for 障がい者サービス (R-ELIG-5). */
  disabilityService: boolean;
  hasPassword: boolean;
}

export type PatronService = 'search' | 'reserve' | 'status' | 'renew' | 'email';

/** Who may use a service (the profile's services.*): residency groups and the lowest school year. */
export interface ServiceAccess {
  residency: readonly Residency[];
  /** 1 = 小学1年 (小学生以上, Kamagaya); 0 = no age limit. */
  minSchoolYear: number;
}

/**
 * The profile's `services`. Kamagaya: reserve and email for 在住・在勤・在学 (R-ELIG-2, R-ELIG-4),
 * status and renew for anyone registered (R-ELIG-3); all from the first school year.
 */
export type ServiceRules = Record<Exclude<PatronService, 'search'>, ServiceAccess>;

/**
 * R-ELIG-6: the 1 April on which a child born on birthDate enters first grade.
 *
 * Under Japanese law a person gains a year of age at the end of the day before
 * the birthday, so a child born on 1 April turns 6 on 31 March and joins the
 * school year starting the next day, with the older children. Hence a cohort
 * runs from 2 April of year Y to 1 April of Y+1 and enters on 1 April of Y+7.
 */
export function schoolEntryDate(birthDate: IsoDate): IsoDate {
  if (!isIsoDate(birthDate)) throw new Error(`schoolEntryDate: not a date: ${JSON.stringify(birthDate)}`);
  const year = Number(birthDate.slice(0, 4));
  const monthDay = birthDate.slice(5);
  // 'MM-DD' strings compare in calendar order.
  const cohortYear = monthDay <= '04-01' ? year - 1 : year;
  return `${String(cohortYear + 7).padStart(4, '0')}-04-01`;
}

/**
 * The day a patron reaches school year `minSchoolYear` (1 = 小学1年: the school entry date),
 * or null when the service has no age limit (0).
 */
export function eligibleFromDate(birthDate: IsoDate, minSchoolYear: number): IsoDate | null {
  if (minSchoolYear <= 0) return null;
  const entry = schoolEntryDate(birthDate);
  return `${String(Number(entry.slice(0, 4)) + minSchoolYear - 1).padStart(4, '0')}-04-01`;
}

/** 小学生以上 (school year 1) or the profile's minimum: from the April that school year begins. */
export function isOfSchoolYear(birthDate: IsoDate, today: IsoDate, minSchoolYear: number): boolean {
  const from = eligibleFromDate(birthDate, minSchoolYear);
  return from === null || compareDates(today, from) >= 0;
}

/** R-ELIG-5: no password may be issued to a patron registered for disability services. */
export function mayHavePassword(p: Pick<PatronFacts, 'disabilityService'>): boolean {
  return !p.disabilityService;
}

/**
 * Why the patron may not use the service, or null when they may.
 *
 * Only the first failing reason is reported, so the order decides what the
 * patron is told to do:
 * 1. disability service: such a patron can never have a password (R-ELIG-5);
 *    telling them "get a password" would send them to a counter for nothing.
 * 2. age: a child below school age cannot be issued a password either, so
 *    NO_PASSWORD would mislead the same way; "from first grade" is the answer.
 * 3. password: every service but search needs signing in with card number and
 *    password. A patron without one cannot reach the city-only services at all,
 *    and the counter visit that issues it is where residency proof is shown
 *    (社員証・学生証), so it comes before residency.
 * 4. residency: only the groups the profile lists for the service (Kamagaya: reservation and
 *    e-mail registration ask for 在住・在勤・在学, R-ELIG-3).
 */
export function serviceRefusal(
  p: PatronFacts,
  service: PatronService,
  today: IsoDate,
  rules: ServiceRules,
): Refusal | null {
  // R-ELIG-1: catalog search is open to anyone, even without registration.
  if (service === 'search') return null;
  const access = rules[service];
  if (p.disabilityService) return refuse('DISABILITY_SERVICE');
  const eligibleFrom = eligibleFromDate(p.birthDate, access.minSchoolYear);
  if (eligibleFrom !== null && compareDates(today, eligibleFrom) < 0) {
    return refuse('NOT_ELEMENTARY_AGE', { eligibleFrom });
  }
  if (!p.hasPassword) return refuse('NO_PASSWORD');
  if (!access.residency.includes(p.residency)) return refuse('NOT_RESIDENT');
  return null;
}

/** The lowest school year any password service allows: from then a password may be issued. */
export function passwordSchoolYear(rules: ServiceRules): number {
  return Math.min(...Object.values(rules).map((a) => a.minSchoolYear));
}
