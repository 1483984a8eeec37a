import { describe, expect, it } from 'vitest';
import type { BranchCalendar } from '../../src/domain/calendar.js';
import { officialDateFor, promotionDue, promotionInstant } from '../../src/domain/promotion.js';
import { KAMAGAYA, kamagayaCalendar } from '../helpers/profiles.js';

/** Kamagaya's holds.promotion.hour: 9. */
const HOUR = KAMAGAYA.holds.promotion.hour;

const cal = kamagayaCalendar(2025, 2026);
// Tokyo wall-clock time as an instant (UTC+9).
const jst = (local: string): Date => new Date(`${local}+09:00`);

describe("R-RES-3 online holds are official the next opening day at 9 (Kamagaya's holds.promotion.hour)", () => {
  it('R-RES-3: placed on Saturday night, official on Sunday at 9:00', () => {
    const placed = jst('2025-06-07T22:00:00');
    expect(officialDateFor(placed, cal)).toBe('2025-06-08');
    expect(promotionInstant(placed, cal, HOUR).toISOString()).toBe('2025-06-08T00:00:00.000Z');
    expect(promotionDue(placed, jst('2025-06-08T08:59:59'), cal, HOUR)).toBe(false);
    expect(promotionDue(placed, jst('2025-06-08T09:00:00'), cal, HOUR)).toBe(true);
  });

  it('R-RES-3: placed on Sunday, the closed Monday is skipped: official on Tuesday', () => {
    const placed = jst('2025-06-08T10:00:00');
    expect(officialDateFor(placed, cal)).toBe('2025-06-10');
    expect(promotionDue(placed, jst('2025-06-09T12:00:00'), cal, HOUR)).toBe(false);
    expect(promotionDue(placed, jst('2025-06-10T09:00:00'), cal, HOUR)).toBe(true);
  });

  it('R-RES-3: placed before opening time on an opening day, it still waits for the next opening day', () => {
    const placed = jst('2025-06-10T01:00:00');
    expect(officialDateFor(placed, cal)).toBe('2025-06-11');
    expect(promotionDue(placed, jst('2025-06-10T09:30:00'), cal, HOUR)).toBe(false);
  });

  it('R-RES-3: the day is the Tokyo day: 23:30 and 00:30 JST fall on different days', () => {
    expect(officialDateFor(new Date('2025-06-07T14:30:00Z'), cal)).toBe('2025-06-08'); // Sat 23:30 JST
    expect(officialDateFor(new Date('2025-06-07T15:30:00Z'), cal)).toBe('2025-06-10'); // Sun 00:30 JST
  });

  it('R-RES-3: placed just before the year-end closure, official on 4 January', () => {
    const placed = jst('2025-12-28T18:00:00');
    expect(officialDateFor(placed, cal)).toBe('2026-01-04');
    expect(promotionDue(placed, jst('2026-01-03T23:00:00'), cal, HOUR)).toBe(false);
    expect(promotionDue(placed, jst('2026-01-04T09:00:00'), cal, HOUR)).toBe(true);
  });

  it('R-RES-3: a late promotion run still promotes (once due, always due)', () => {
    expect(promotionDue(jst('2025-06-07T22:00:00'), jst('2025-07-01T00:00:00'), cal, HOUR)).toBe(true);
  });

  it("R-RES-3: the pickup branch's own closed day delays the promotion", () => {
    const branch: BranchCalendar = { weeklyClosedDays: [1], closedDates: new Set(['2025-06-08']) };
    expect(officialDateFor(jst('2025-06-07T22:00:00'), branch)).toBe('2025-06-10');
  });

  it('the promotion hour is configurable and must be an hour of the day', () => {
    const placed = jst('2025-06-07T22:00:00');
    expect(promotionDue(placed, jst('2025-06-08T09:30:00'), cal, 10)).toBe(false);
    expect(promotionDue(placed, jst('2025-06-08T10:00:00'), cal, 10)).toBe(true);
    expect(() => promotionInstant(placed, cal, 24)).toThrow();
  });
});
