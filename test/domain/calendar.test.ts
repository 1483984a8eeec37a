import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dueDateOnOpeningDay,
  isOpeningDay,
  nextOpeningDayAfter,
  nthOpeningDayAfter,
  openingDayOnOrAfter,
  pickupDeadline,
  yearlyClosedDates,
} from '../../src/domain/calendar.js';
import type { BranchCalendar } from '../../src/domain/calendar.js';
import { addDays, compareDates, daysBetween } from '../../src/domain/dates.js';
import { KAMAGAYA, kamagayaCalendar } from '../helpers/profiles.js';

/** Kamagaya's holds.shelfOpeningDays: 7 (R-RES-8). */
const SHELF = KAMAGAYA.holds.shelfOpeningDays;
const YEARLY = KAMAGAYA.yearlyClosures.map((y) => ({ start: y.from, end: y.to }));

// 2025-06-02 and 2025-12-29 are Mondays; 2025-06-07 and 2025-12-27 are Saturdays.
const cal = kamagayaCalendar(2025, 2026);

describe('opening calendar', () => {
  it("Kamagaya's profile: closed on Mondays (closedWeekdays mon) and 29 Dec - 3 Jan (yearlyClosures)", () => {
    expect(KAMAGAYA.branches.map((b) => b.closedWeekdays)).toEqual(KAMAGAYA.branches.map(() => ['mon']));
    expect(KAMAGAYA.yearlyClosures).toEqual([{ from: '12-29', to: '01-03' }]);
    expect(isOpeningDay(cal, '2025-06-02')).toBe(false);
    expect(isOpeningDay(cal, '2025-06-03')).toBe(true);
    expect(isOpeningDay(cal, '2025-12-28')).toBe(true);
    for (const d of ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03']) {
      expect(isOpeningDay(cal, d)).toBe(false);
    }
    expect(isOpeningDay(cal, '2026-01-04')).toBe(true);
  });

  it('lists a yearly closure that wraps the new year for every year, with the January after the last', () => {
    const dates = yearlyClosedDates(YEARLY, 2024, 2025).filter((d) => d >= '2025-01-01');
    expect(dates).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
    expect(yearlyClosedDates(YEARLY, 2025, 2027)).toHaveLength(18);
    expect(yearlyClosedDates([{ start: '08-13', end: '08-15' }], 2025, 2025)).toEqual([
      '2025-08-13',
      '2025-08-14',
      '2025-08-15',
    ]);
    expect(() => yearlyClosedDates(YEARLY, 2026, 2025)).toThrow();
  });

  it('finds opening days strictly after, or on or after, a date', () => {
    expect(nextOpeningDayAfter(cal, '2025-06-01')).toBe('2025-06-03');
    expect(nextOpeningDayAfter(cal, '2025-06-03')).toBe('2025-06-04');
    expect(openingDayOnOrAfter(cal, '2025-06-03')).toBe('2025-06-03');
    expect(openingDayOnOrAfter(cal, '2025-06-02')).toBe('2025-06-03');
    expect(nextOpeningDayAfter(cal, '2025-12-28')).toBe('2026-01-04');
    expect(nthOpeningDayAfter(cal, '2025-12-28', 2)).toBe('2026-01-06');
    expect(() => nthOpeningDayAfter(cal, '2025-12-28', 0)).toThrow();
  });

  it('a due date on a Monday or in the year-end closure moves to the next opening day', () => {
    expect(dueDateOnOpeningDay(cal, '2025-06-16')).toBe('2025-06-17');
    expect(dueDateOnOpeningDay(cal, '2025-12-30')).toBe('2026-01-04');
    expect(dueDateOnOpeningDay(cal, '2025-06-15')).toBe('2025-06-15');
  });

  it('a calendar with no opening day is a configuration error, not an endless loop', () => {
    const shut: BranchCalendar = { weeklyClosedDays: [0, 1, 2, 3, 4, 5, 6], closedDates: new Set() };
    expect(() => nextOpeningDayAfter(shut, '2025-06-01')).toThrow(/calendar misconfigured/);
    expect(() => pickupDeadline(shut, '2025-06-01', SHELF)).toThrow(/calendar misconfigured/);
  });

  it('a closure of a few months (renovation) is still searched through', () => {
    const closed = new Set(Array.from({ length: 120 }, (_, i) => addDays('2025-07-01', i)));
    const renovating: BranchCalendar = { weeklyClosedDays: [1], closedDates: closed };
    expect(nextOpeningDayAfter(renovating, '2025-06-30')).toBe('2025-10-29');
  });
});

describe('R-RES-8 hold shelf period (Kamagaya holds.shelfOpeningDays 7, from the first opening day after 確保日)', () => {
  it('R-RES-8: a copy secured on Saturday before a closed Monday can be collected until the next Sunday', () => {
    // Sun 8 = day 1, Mon 9 closed, Tue 10 .. Sun 15 = days 2..7.
    expect(pickupDeadline(cal, '2025-06-07', SHELF)).toBe('2025-06-15');
  });

  it('R-RES-8: the day the copy was secured does not count, even when it is an opening day', () => {
    // Tue 3 secured; Wed 4 = day 1 ... Sun 8 = day 5, Mon closed, Tue 10 = 6, Wed 11 = 7.
    expect(pickupDeadline(cal, '2025-06-03', SHELF)).toBe('2025-06-11');
  });

  it('R-RES-8: a copy secured on a closed Monday counts from Tuesday', () => {
    expect(pickupDeadline(cal, '2025-06-09', SHELF)).toBe('2025-06-17');
  });

  it('R-RES-8: the year-end closure and the Mondays around it are skipped', () => {
    // Fri 26 Dec secured: Sat 27 = 1, Sun 28 = 2, closed 29 Dec - 3 Jan, Sun 4 Jan = 3,
    // Mon 5 closed, Tue 6 = 4, Wed 7 = 5, Thu 8 = 6, Fri 9 = 7.
    expect(pickupDeadline(cal, '2025-12-26', SHELF)).toBe('2026-01-09');
    // Secured during the closure (a copy checked in by staff on 30 Dec).
    expect(pickupDeadline(cal, '2025-12-30', SHELF)).toBe('2026-01-11');
  });

  it("R-RES-8: a branch-only closed day lengthens that branch's shelf period", () => {
    const inventory: BranchCalendar = { weeklyClosedDays: [1], closedDates: new Set(['2025-06-12', '2025-06-13']) };
    expect(pickupDeadline(inventory, '2025-06-07', SHELF)).toBe('2025-06-18');
  });

  it('R-RES-8: (property) the deadline is an opening day, holds.shelfOpeningDays opening days on', () => {
    const calendarArb = fc.record({
      weeklyClosedDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }),
      closedOffsets: fc.uniqueArray(fc.integer({ min: -5, max: 60 }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 20_000 }),
        ({ weeklyClosedDays, closedOffsets }, dayOffset) => {
          const securedOn = addDays('2000-01-01', dayOffset);
          const c: BranchCalendar = {
            weeklyClosedDays,
            closedDates: new Set(closedOffsets.map((o) => addDays(securedOn, o))),
          };
          const deadline = pickupDeadline(c, securedOn, SHELF);
          expect(compareDates(deadline, securedOn)).toBeGreaterThan(0);
          expect(isOpeningDay(c, deadline)).toBe(true);
          let openingDays = 0;
          for (let i = 1; i <= daysBetween(securedOn, deadline); i++) {
            if (isOpeningDay(c, addDays(securedOn, i))) openingDays++;
          }
          expect(openingDays).toBe(SHELF);
        },
      ),
    );
  });
});
