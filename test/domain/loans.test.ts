import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOpeningDay } from '../../src/domain/calendar.js';
import type { BranchCalendar } from '../../src/domain/calendar.js';
import { addDays, compareDates, daysBetween } from '../../src/domain/dates.js';
import {
  dueDateFor,
  isOverdue,
  renewalRefusal,
  renewalShortensLoan,
  renewalTooSoon,
  renewedDueDate,
} from '../../src/domain/loans.js';
import type { LoanForRenewal } from '../../src/domain/loans.js';
import { KAMAGAYA, kamagayaCalendar } from '../helpers/profiles.js';

/** Kamagaya's loans: periodDays 14; renewal once, 14 days from the request, not audiovisual. */
const PERIOD = KAMAGAYA.loans.periodDays;
const RENEWAL = KAMAGAYA.loans.renewal;

const cal = kamagayaCalendar(2025, 2026);
const TODAY = '2025-06-10';
const renewable: LoanForRenewal = { dueDate: '2025-06-17', renewals: 0, materialType: 'book', hasWaitingHold: false };

describe('due dates', () => {
  it("a loan is due two weeks after checkout (Kamagaya's loans.periodDays 14)", () => {
    expect(PERIOD).toBe(14);
    expect(dueDateFor('2025-06-03', cal, PERIOD)).toBe('2025-06-17');
  });

  it('a due date that falls on a Monday moves to Tuesday', () => {
    // Checked out on a Sunday with a 15-day period: due Monday 16 June, moved to Tuesday 17.
    expect(dueDateFor('2025-06-01', cal, 15)).toBe('2025-06-17');
  });

  it('a due date in the year-end closure moves to the first opening day of January', () => {
    expect(dueDateFor('2025-12-16', cal, PERIOD)).toBe('2026-01-04');
  });

  it('the due date itself is not overdue; the day after is', () => {
    expect(isOverdue('2025-06-17', '2025-06-17')).toBe(false);
    expect(isOverdue('2025-06-17', '2025-06-18')).toBe(true);
  });
});

describe('R-LOAN-4 what may not be renewed', () => {
  it('R-LOAN-4: a loan in time, not renewed before, not audiovisual, with no hold waiting may be renewed', () => {
    expect(renewalRefusal(renewable, TODAY, RENEWAL)).toBeNull();
    expect(renewalRefusal(renewable, '2025-06-17', RENEWAL)).toBeNull();
  });

  it('R-LOAN-4: an overdue item may not be renewed', () => {
    expect(renewalRefusal(renewable, '2025-06-18', RENEWAL)).toEqual({
      code: 'NOT_RENEWABLE_OVERDUE',
      params: { dueDate: '2025-06-17' },
    });
  });

  it("R-LOAN-4: an item with another patron's hold waiting may not be renewed", () => {
    expect(renewalRefusal({ ...renewable, hasWaitingHold: true }, TODAY, RENEWAL)?.code).toBe(
      'NOT_RENEWABLE_HELD_FOR_OTHERS',
    );
  });

  it('R-LOAN-4: audiovisual items may not be renewed', () => {
    for (const materialType of ['cd', 'dvd', 'video', 'cassette'] as const) {
      expect(renewalRefusal({ ...renewable, materialType }, TODAY, RENEWAL)?.code).toBe('NOT_RENEWABLE_AV');
    }
    expect(renewalRefusal({ ...renewable, materialType: 'kamishibai' }, TODAY, RENEWAL)).toBeNull();
  });

  it('R-LOAN-4: the materials that renew and the times come from the profile (loans.renewal)', () => {
    const thrice = { times: 3, periodDays: 14, materials: ['book'] as const };
    expect(renewalRefusal({ ...renewable, renewals: 2 }, TODAY, thrice)).toBeNull();
    expect(renewalRefusal({ ...renewable, renewals: 3 }, TODAY, thrice)).toEqual({
      code: 'NOT_RENEWABLE_ALREADY_RENEWED',
      params: { times: 3 },
    });
    expect(renewalRefusal({ ...renewable, materialType: 'magazine' }, TODAY, thrice)?.code).toBe(
      'NOT_RENEWABLE_MATERIAL',
    );
  });

  it("R-LOAN-4: an item renewed once may not be renewed again (Kamagaya's loans.renewal.times 1)", () => {
    expect(RENEWAL.times).toBe(1);
    expect(renewalRefusal({ ...renewable, renewals: 1 }, TODAY, RENEWAL)?.code).toBe('NOT_RENEWABLE_ALREADY_RENEWED');
  });

  it('R-LOAN-4: reasons come in the order overdue, already renewed, audiovisual, held', () => {
    const all: LoanForRenewal = { dueDate: '2025-06-01', renewals: 1, materialType: 'dvd', hasWaitingHold: true };
    expect(renewalRefusal(all, TODAY, RENEWAL)?.code).toBe('NOT_RENEWABLE_OVERDUE');
    expect(renewalRefusal({ ...all, dueDate: TODAY }, TODAY, RENEWAL)?.code).toBe('NOT_RENEWABLE_ALREADY_RENEWED');
    expect(renewalRefusal({ ...all, dueDate: TODAY, renewals: 0 }, TODAY, RENEWAL)?.code).toBe('NOT_RENEWABLE_AV');
    expect(renewalRefusal({ ...all, dueDate: TODAY, renewals: 0, materialType: 'book' }, TODAY, RENEWAL)?.code).toBe(
      'NOT_RENEWABLE_HELD_FOR_OTHERS',
    );
  });
});

describe("R-LOAN-3 the renewed due date (Kamagaya's loans.renewal.periodDays 14)", () => {
  it('R-LOAN-3: two weeks after the day of the request, not after the old due date', () => {
    expect(renewedDueDate('2025-06-10', cal, RENEWAL)).toBe('2025-06-24');
  });

  it('R-LOAN-3: a renewal asked for on a closed Monday lands on a Monday and moves to Tuesday', () => {
    expect(renewedDueDate('2025-06-02', cal, RENEWAL)).toBe('2025-06-17');
  });

  it('R-LOAN-3: a renewal landing in the year-end closure moves to 4 January', () => {
    expect(renewedDueDate('2025-12-17', cal, RENEWAL)).toBe('2026-01-04');
  });

  it('R-LOAN-3: renewing soon after checkout can bring the due date forward, and that is detected', () => {
    // Checked out 3 June, due 24 June (a 21-day period at the counter); renewed on 4 June → 18 June.
    expect(renewalShortensLoan('2025-06-24', '2025-06-04', cal, RENEWAL)).toBe(true);
    expect(renewalShortensLoan('2025-06-17', '2025-06-10', cal, RENEWAL)).toBe(false);
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
        const due = renewedDueDate(today, c, RENEWAL);
        const earliest = addDays(today, 14);
        expect(isOpeningDay(c, due)).toBe(true);
        expect(compareDates(due, earliest)).toBeGreaterThanOrEqual(0);
        for (let i = 0; i < daysBetween(earliest, due); i++) expect(isOpeningDay(c, addDays(earliest, i))).toBe(false);
      }),
    );
  });
});

describe('R-LOAN-6 a renewal that would not move the due date', () => {
  it('R-LOAN-6: on the day of checkout it is refused, with the next day as the first useful one', () => {
    const due = dueDateFor('2025-06-10', cal, PERIOD);
    expect(renewalTooSoon(due, '2025-06-10', cal, RENEWAL)).toEqual({
      code: 'NOT_RENEWABLE_NOT_YET',
      params: { dueDate: due, from: '2025-06-11' },
    });
    expect(renewalTooSoon(due, '2025-06-11', cal, RENEWAL)).toBeNull();
  });

  it('R-LOAN-6: the first useful day skips days whose renewal lands on the same due date', () => {
    // Checked out Sun 1 June with a 15-day period: due Mon 16 → Tue 17 June. Renewing on Mon 2 June
    // gives 16 June, a Monday, moved to Tue 17 June: the same date; Tue 3 June gives Tue 17 June too.
    const due = dueDateFor('2025-06-01', cal, 15);
    expect(due).toBe('2025-06-17');
    expect(renewalTooSoon(due, '2025-06-02', cal, RENEWAL)?.params).toEqual({ dueDate: due, from: '2025-06-04' });
  });

  it('R-LOAN-6: a renewal that moves the due date, later or earlier, is not this refusal', () => {
    expect(renewalTooSoon('2025-06-17', '2025-06-10', cal, RENEWAL)).toBeNull();
    expect(renewalTooSoon('2025-07-30', '2025-06-10', cal, RENEWAL)).toBeNull();
  });
});
