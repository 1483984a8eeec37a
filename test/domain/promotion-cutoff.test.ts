import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BranchCalendar } from '../../src/domain/calendar.js';
import { addDays, tokyoStartOfDay } from '../../src/domain/dates.js';
import { promotionDue } from '../../src/domain/promotion.js';
import { promotionCutoff } from '../../src/domain/promotion-cutoff.js';

const HOUR = 3_600_000;
const jst = (local: string): Date => new Date(`${local}+09:00`);
const mondays: BranchCalendar = { weeklyClosedDays: [1], closedDates: new Set() };

describe('R-RES-3 promotion cutoff for a whole branch', () => {
  it('R-RES-3: on Tuesday at 9:00 every hold requested before Tuesday began (closed Monday included) is due', () => {
    expect(promotionCutoff(jst('2025-06-10T09:00:00'), mondays, 9)?.toISOString()).toBe('2025-06-09T15:00:00.000Z');
    // At 8:59 only holds requested before Saturday ended were due (Sunday's morning run).
    expect(promotionCutoff(jst('2025-06-10T08:59:00'), mondays, 9)?.toISOString()).toBe('2025-06-07T15:00:00.000Z');
  });

  it('R-RES-3: (property) a hold is below the cutoff exactly when promotionDue says it is due', () => {
    const arb = fc.record({
      weeklyClosedDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }),
      closedOffsets: fc.uniqueArray(fc.integer({ min: -20, max: 20 }), { maxLength: 15 }),
      nowHours: fc.integer({ min: 0, max: 24 * 20 }),
      requestedHoursBefore: fc.integer({ min: 0, max: 24 * 20 }),
      promoteHour: fc.integer({ min: 0, max: 23 }),
    });
    fc.assert(
      fc.property(arb, ({ weeklyClosedDays, closedOffsets, nowHours, requestedHoursBefore, promoteHour }) => {
        const base = '2025-06-01';
        const cal: BranchCalendar = {
          weeklyClosedDays,
          closedDates: new Set(closedOffsets.map((o) => addDays(base, o))),
        };
        const now = new Date(tokyoStartOfDay(base).getTime() + nowHours * HOUR + 17 * 60_000);
        const requestedAt = new Date(now.getTime() - requestedHoursBefore * HOUR);
        const cutoff = promotionCutoff(now, cal, promoteHour);
        const belowCutoff = cutoff !== null && requestedAt.getTime() < cutoff.getTime();
        expect(belowCutoff).toBe(promotionDue(requestedAt, now, cal, promoteHour));
      }),
    );
  });
});
