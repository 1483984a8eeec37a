import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCalendar, isOpeningDay } from '../../src/domain/calendar.js';
import type { BranchCalendar } from '../../src/domain/calendar.js';
import { addDays, compareDates, daysBetween } from '../../src/domain/dates.js';
import {
  DEFAULT_LOAN_PERIOD_DAYS,
  dueDateFor,
  isOverdue,
  renewalRefusal,
  renewalShortensLoan,
  renewedDueDate,
} from '../../src/domain/loans.js';
import type { LoanForRenewal } from '../../src/domain/loans.js';

const cal = defaultCalendar(2025, 2026);
const TODAY = '2025-06-10';
const renewable: LoanForRenewal = { dueDate: '2025-06-17', renewals: 0, materialType: 'book', hasWaitingHold: false };

describe('due dates', () => {
  it('a loan is due two weeks after checkout', () => {
    expect(DEFAULT_LOAN_PERIOD_DAYS).toBe(14);
    expect(dueDateFor('2025-06-03', cal)).toBe('2025-06-17');
  });

  it('a due date that falls on a Monday moves to Tuesday', () => {
    // Checked out on a Sunday with a 15-day period: due Monday 16 June, moved to Tuesday 17.
    expect(dueDateFor('2025-06-01', cal, 15)).toBe('2025-06-17');
  });

  it('a due date in the year-end closure moves to the first opening day of January', () => {
    expect(dueDateFor('2025-12-16', cal)).toBe('2026-01-04');
  });

  it('the due date itself is not overdue; the day after is', () => {
    expect(isOverdue('2025-06-17', '2025-06-17')).toBe(false);
    expect(isOverdue('2025-06-17', '2025-06-18')).toBe(true);
  });
});

describe('R-LOAN-4 what may not be renewed', () => {
  it('R-LOAN-4: a loan in time, not renewed before, not audiovisual, with no hold waiting may be renewed', () => {
    expect(renewalRefusal(renewable, TODAY)).toBeNull();
    expect(renewalRefusal(renewable, '2025-06-17')).toBeNull();
  });

  it('R-LOAN-4: an overdue item may not be renewed', () => {
    expect(renewalRefusal(renewable, '2025-06-18')).toEqual({
      code: 'NOT_RENEWABLE_OVERDUE',
      params: { dueDate: '2025-06-17' },
    });
  });

  it("R-LOAN-4: an item with another patron's hold waiting may not be renewed", () => {
    expect(renewalRefusal({ ...renewable, hasWaitingHold: true }, TODAY)?.code).toBe('NOT_RENEWABLE_HELD_FOR_OTHERS');
  });

  it('R-LOAN-4: audiovisual items may not be renewed', () => {
    for (const materialType of ['cd', 'dvd', 'video', 'cassette'] as const) {
      expect(renewalRefusal({ ...renewable, materialType }, TODAY)?.code).toBe('NOT_RENEWABLE_AV');
    }
    expect(renewalRefusal({ ...renewable, materialType: 'kamishibai' }, TODAY)).toBeNull();
  });

  it('R-LOAN-4: an item renewed once may not be renewed again', () => {
    expect(renewalRefusal({ ...renewable, renewals: 1 }, TODAY)?.code).toBe('NOT_RENEWABLE_ALREADY_RENEWED');
  });

  it('R-LOAN-4: reasons come in the order overdue, already renewed, audiovisual, held', () => {
    const all: LoanForRenewal = { dueDate: '2025-06-01', renewals: 1, materialType: 'dvd', hasWaitingHold: true };
    expect(renewalRefusal(all, TODAY)?.code).toBe('NOT_RENEWABLE_OVERDUE');
    expect(renewalRefusal({ ...all, dueDate: TODAY }, TODAY)?.code).toBe('NOT_RENEWABLE_ALREADY_RENEWED');
    expect(renewalRefusal({ ...all, dueDate: TODAY, renewals: 0 }, TODAY)?.code).toBe('NOT_RENEWABLE_AV');
    expect(renewalRefusal({ ...all, dueDate: TODAY, renewals: 0, materialType: 'book' }, TODAY)?.code).toBe(
      'NOT_RENEWABLE_HELD_FOR_OTHERS',
    );
  });
});

describe('R-LOAN-3 the renewed due date', () => {
  it('R-LOAN-3: two weeks after the day of the request, not after the old due date', () => {
    expect(renewedDueDate('2025-06-10', cal)).toBe('2025-06-24');
  });

  it('R-LOAN-3: a renewal asked for on a closed Monday lands on a Monday and moves to Tuesday', () => {
    expect(renewedDueDate('2025-06-02', cal)).toBe('2025-06-17');
  });

  it('R-LOAN-3: a renewal landing in the year-end closure moves to 4 January', () => {
    expect(renewedDueDate('2025-12-17', cal)).toBe('2026-01-04');
  });

  it('R-LOAN-3: renewing soon after checkout can bring the due date forward, and that is detected', () => {
    // Checked out 3 June, due 24 June (a 21-day period at the counter); renewed on 4 June → 18 June.
    expect(renewalShortensLoan('2025-06-24', '2025-06-04', cal)).toBe(true);
    expect(renewalShortensLoan('2025-06-17', '2025-06-10', cal)).toBe(false);
  });

  it('R-LOAN-3: (property) the renewed due date is the first opening day on or after today + 14', () => {
    const calArb = fc.record({
      weeklyClosedDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }),
      closedOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }),
    });
    fc.assert(
      fc.property(calArb, fc.integer({ min: 0, max: 20_000 }), ({ weeklyClosedDays, closedOffsets }, offset) => {
        const today = addDays('2000-01-01', offset);
        const c: BranchCalendar = {
          weeklyClosedDays,
          closedDates: new Set(closedOffsets.map((o) => addDays(today, o))),
        };
        const due = renewedDueDate(today, c);
        const earliest = addDays(today, 14);
        expect(isOpeningDay(c, due)).toBe(true);
        expect(compareDates(due, earliest)).toBeGreaterThanOrEqual(0);
        for (let i = 0; i < daysBetween(earliest, due); i++) expect(isOpeningDay(c, addDays(earliest, i))).toBe(false);
      }),
    );
  });
});
