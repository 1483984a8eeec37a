import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareDates,
  daysBetween,
  isIsoDate,
  tokyoDate,
  tokyoHour,
  tokyoStartOfDay,
  weekdayOf,
} from '../../src/domain/dates.js';

describe('Tokyo dates', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('an instant after 15:00 UTC already belongs to the next Tokyo day', () => {
    expect(tokyoDate(new Date('2025-06-02T14:59:59.999Z'))).toBe('2025-06-02');
    expect(tokyoDate(new Date('2025-06-02T15:00:00.000Z'))).toBe('2025-06-03');
    expect(tokyoHour(new Date('2025-06-02T14:59:59.999Z'))).toBe(23);
    expect(tokyoHour(new Date('2025-06-02T15:00:00.000Z'))).toBe(0);
  });

  it('New Year in Tokyo comes nine hours before New Year in UTC', () => {
    expect(tokyoDate(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
    expect(tokyoStartOfDay('2026-01-01').toISOString()).toBe('2025-12-31T15:00:00.000Z');
  });

  it('gives the same answers whatever the process time zone is', () => {
    const instant = new Date('2025-03-09T16:30:00Z'); // a US DST change night
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(tokyoDate(instant)).toBe('2025-03-10');
      expect(tokyoHour(instant)).toBe(1);
      expect(tokyoStartOfDay('2025-03-10').toISOString()).toBe('2025-03-09T15:00:00.000Z');
      expect(weekdayOf('2025-03-10')).toBe(1);
    }
  });

  it('tokyoStartOfDay is the first instant of that Tokyo date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (t) => {
        const day = tokyoDate(t);
        const start = tokyoStartOfDay(day);
        expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime() - start.getTime()).toBeLessThan(24 * 3_600_000);
        expect(tokyoDate(start)).toBe(day);
        expect(tokyoDate(new Date(start.getTime() - 1))).toBe(addDays(day, -1));
      }),
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-04', -7)).toBe('2025-12-28');
    expect(daysBetween('2025-12-26', '2026-01-09')).toBe(14);
    expect(daysBetween('2026-01-09', '2025-12-26')).toBe(-14);
  });

  it('knows weekdays (0 = Sunday) and orders dates', () => {
    expect(weekdayOf('2025-06-01')).toBe(0);
    expect(weekdayOf('2025-06-02')).toBe(1);
    expect(weekdayOf('2025-12-27')).toBe(6);
    expect(compareDates('2025-06-01', '2025-06-02')).toBeLessThan(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBeGreaterThan(0);
    expect(compareDates('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
    expect(isIsoDate('2025-06-01T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('throws on malformed dates instead of computing with NaN', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(/not an ISO calendar date/);
    expect(() => weekdayOf('tomorrow')).toThrow();
    expect(() => tokyoDate(new Date('nonsense'))).toThrow();
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -1000, max: 1000 }), (offset, n) => {
        const d = addDays('1990-01-01', offset);
        expect(isIsoDate(d)).toBe(true);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(weekdayOf(addDays(d, 7 * n))).toBe(weekdayOf(d));
      }),
    );
  });
});
