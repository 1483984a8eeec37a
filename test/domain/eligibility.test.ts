import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOfSchoolYear, mayHavePassword, schoolEntryDate, serviceRefusal } from '../../src/domain/eligibility.js';
import type { PatronFacts, PatronService, Residency } from '../../src/domain/eligibility.js';
import { addDays, compareDates } from '../../src/domain/dates.js';
import { KAMAGAYA } from '../helpers/profiles.js';

/** Kamagaya's services: reserve and email for 在住・在勤・在学, status and renew for anyone; all from school year 1. */
const SERVICES = KAMAGAYA.services;

const TODAY = '2025-06-10';

/** A resident adult with a password: may use everything. */
const adult: PatronFacts = {
  birthDate: '1980-05-05',
  residency: 'resident',
  disabilityService: false,
  hasPassword: true,
};
const PROTECTED: readonly PatronService[] = ['reserve', 'status', 'renew', 'email'];
const RESIDENCIES: readonly Residency[] = ['resident', 'worker', 'student', 'none'];

const codeOf = (p: PatronFacts, s: PatronService, today = TODAY): string | null =>
  serviceRefusal(p, s, today, SERVICES)?.code ?? null;

describe('who may use which service', () => {
  it('R-ELIG-1: catalog search is open to anyone, whatever the patron facts', () => {
    const nobody: PatronFacts = {
      birthDate: '2022-01-01',
      residency: 'none',
      disabilityService: true,
      hasPassword: false,
    };
    expect(serviceRefusal(nobody, 'search', TODAY, SERVICES)).toBeNull();
  });

  it('R-ELIG-2: a resident, worker or student of elementary age with a password may reserve', () => {
    for (const residency of ['resident', 'worker', 'student'] as const) {
      expect(serviceRefusal({ ...adult, residency }, 'reserve', TODAY, SERVICES)).toBeNull();
    }
  });

  it('R-ELIG-2: someone who neither lives, works nor studies in the city may not reserve', () => {
    expect(codeOf({ ...adult, residency: 'none' }, 'reserve')).toBe('NOT_RESIDENT');
  });

  it('R-ELIG-2: no password, no reservation', () => {
    expect(codeOf({ ...adult, hasPassword: false }, 'reserve')).toBe('NO_PASSWORD');
  });

  it('R-ELIG-2: a child below elementary-school age may not reserve, and learns from when they may', () => {
    const child: PatronFacts = { ...adult, birthDate: '2019-06-01' };
    expect(serviceRefusal(child, 'reserve', TODAY, SERVICES)).toEqual({
      code: 'NOT_ELEMENTARY_AGE',
      params: { eligibleFrom: '2026-04-01' },
    });
  });

  it('R-ELIG-3: usage status and renewal need a password and elementary age but not residency', () => {
    for (const service of ['status', 'renew'] as const) {
      expect(serviceRefusal({ ...adult, residency: 'none' }, service, TODAY, SERVICES)).toBeNull();
      expect(codeOf({ ...adult, residency: 'none', hasPassword: false }, service)).toBe('NO_PASSWORD');
      expect(codeOf({ ...adult, birthDate: '2020-01-01' }, service)).toBe('NOT_ELEMENTARY_AGE');
    }
  });

  it('R-ELIG-4: e-mail registration has exactly the conditions of reservation', () => {
    for (const residency of RESIDENCIES) {
      for (const hasPassword of [true, false]) {
        for (const disabilityService of [true, false]) {
          for (const birthDate of ['1980-05-05', '2019-04-01', '2019-04-02']) {
            const p: PatronFacts = { birthDate, residency, disabilityService, hasPassword };
            expect(serviceRefusal(p, 'email', '2025-06-10', SERVICES)).toEqual(
              serviceRefusal(p, 'reserve', '2025-06-10', SERVICES),
            );
          }
        }
      }
    }
    expect(codeOf({ ...adult, residency: 'none' }, 'email')).toBe('NOT_RESIDENT');
  });

  it('R-ELIG-5: a disability-service patron cannot have a password, so every protected service says why', () => {
    expect(mayHavePassword({ disabilityService: true })).toBe(false);
    expect(mayHavePassword({ disabilityService: false })).toBe(true);
    const p: PatronFacts = { ...adult, disabilityService: true, hasPassword: false };
    for (const service of PROTECTED) expect(codeOf(p, service)).toBe('DISABILITY_SERVICE');
  });

  it('R-ELIG-5: DISABILITY_SERVICE takes precedence over NO_PASSWORD and every other reason', () => {
    const p: PatronFacts = { birthDate: '2021-01-01', residency: 'none', disabilityService: true, hasPassword: false };
    expect(codeOf(p, 'reserve')).toBe('DISABILITY_SERVICE');
  });

  it('reasons are told in the order disability, age, password, residency', () => {
    const child = { ...adult, birthDate: '2021-01-01', residency: 'none' as const, hasPassword: false };
    expect(codeOf(child, 'reserve')).toBe('NOT_ELEMENTARY_AGE');
    expect(codeOf({ ...child, birthDate: adult.birthDate }, 'reserve')).toBe('NO_PASSWORD');
    expect(codeOf({ ...child, birthDate: adult.birthDate, hasPassword: true }, 'reserve')).toBe('NOT_RESIDENT');
  });
});

describe('R-ELIG-6 elementary-school age', () => {
  it('R-ELIG-6: a child born on 1 April enters school with the older cohort', () => {
    expect(schoolEntryDate('2019-04-01')).toBe('2025-04-01');
  });

  it('R-ELIG-6: a child born on 2 April enters a year later', () => {
    expect(schoolEntryDate('2019-04-02')).toBe('2026-04-01');
  });

  it('R-ELIG-6: births from January to 1 April belong to the cohort of the previous April', () => {
    expect(schoolEntryDate('2020-01-01')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-02-29')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-04-01')).toBe('2026-04-01');
    expect(schoolEntryDate('2019-12-31')).toBe('2026-04-01');
  });

  it('R-ELIG-6: eligibility begins on 1 April of the entry year, not the day before', () => {
    expect(isOfSchoolYear('2019-04-01', '2025-03-31', 1)).toBe(false);
    expect(isOfSchoolYear('2019-04-01', '2025-04-01', 1)).toBe(true);
    expect(isOfSchoolYear('2019-04-02', '2025-04-01', 1)).toBe(false);
    expect(isOfSchoolYear('2019-04-02', '2026-03-31', 1)).toBe(false);
    expect(isOfSchoolYear('2019-04-02', '2026-04-01', 1)).toBe(true);
    expect(isOfSchoolYear('1950-01-01', '2025-06-10', 1)).toBe(true);
  });

  it('R-ELIG-6: another minimum school year (services.*.minSchoolYear 3) begins 2 Aprils later; 0 = none', () => {
    expect(isOfSchoolYear('2019-04-01', '2027-03-31', 3)).toBe(false);
    expect(isOfSchoolYear('2019-04-01', '2027-04-01', 3)).toBe(true);
    expect(isOfSchoolYear('2024-01-01', '2025-06-10', 0)).toBe(true);
    const third = { ...SERVICES, reserve: { ...SERVICES.reserve, minSchoolYear: 3 } };
    expect(serviceRefusal({ ...adult, birthDate: '2019-04-01' }, 'reserve', '2026-06-10', third)).toEqual({
      code: 'NOT_ELEMENTARY_AGE',
      params: { eligibleFrom: '2027-04-01' },
    });
  });

  it('R-ELIG-2: residency groups come from the profile (services.reserve.residency)', () => {
    const anyone = { ...SERVICES, reserve: { ...SERVICES.reserve, residency: [...RESIDENCIES] } };
    expect(serviceRefusal({ ...adult, residency: 'none' }, 'reserve', TODAY, anyone)).toBeNull();
  });

  it('R-ELIG-6: (property) entry is the first 1 April after the child has legally turned six', () => {
    // Japanese law: a year of age is gained at the end of the day before the birthday
    // (a 29 February child turns six at the end of 28 February).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const birth = addDays('1950-01-01', offset);
        const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
        const birthday = new Date(0);
        birthday.setUTCFullYear(y + 6, m - 1, d); // 29 Feb rolls to 1 Mar
        const turnsSix = addDays(birthday.toISOString().slice(0, 10), -1);
        const entry = schoolEntryDate(birth);
        expect(entry.endsWith('-04-01')).toBe(true);
        expect(compareDates(entry, turnsSix)).toBeGreaterThan(0);
        expect(compareDates(`${Number(entry.slice(0, 4)) - 1}-04-01`, turnsSix)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('R-ELIG-6: a malformed birth date is an error, not a guess', () => {
    expect(() => schoolEntryDate('2019-02-30')).toThrow();
  });
});
