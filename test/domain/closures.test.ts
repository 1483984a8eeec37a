import { describe, expect, it } from 'vitest';
import { dueDateAfterClosure, pickupDeadlineAfterClosure } from '../../src/domain/closures.js';

const cal = (closed: string[]) => ({ weeklyClosedDays: [1], closedDates: new Set(closed) });

describe('closed dates added after dates were promised', () => {
  it('S-CAL-1: a due date on a newly closed day moves to the next opening day; others stay', () => {
    expect(dueDateAfterClosure(cal(['2026-12-15']), '2026-12-15')).toBe('2026-12-16');
    // 12-21 is a Monday (weekly closed): the next opening day is the 22nd.
    expect(dueDateAfterClosure(cal(['2026-12-19', '2026-12-20']), '2026-12-19')).toBe('2026-12-22');
    expect(dueDateAfterClosure(cal(['2026-12-15']), '2026-12-16')).toBe('2026-12-16');
  });

  it('S-CAL-1: a pickup deadline is counted again from the secured date, never earlier than it was', () => {
    const hold = { securedOn: '2026-12-01', pickupDeadline: '2026-12-09' };
    expect(pickupDeadlineAfterClosure(cal([]), hold, 7)).toBe('2026-12-09');
    expect(pickupDeadlineAfterClosure(cal(['2026-12-03']), hold, 7)).toBe('2026-12-10');
    // A deadline already extended by hand is not shortened.
    expect(pickupDeadlineAfterClosure(cal([]), { ...hold, pickupDeadline: '2026-12-12' }, 7)).toBe('2026-12-12');
  });
});
