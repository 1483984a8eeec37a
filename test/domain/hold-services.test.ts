import { describe, expect, it } from 'vitest';
import { expectedWait, shelfCalendarDays } from '../../src/domain/expected-wait.js';
import {
  isLapsed,
  isSuspended,
  notNeededChoices,
  pauseRefusal,
  pickupChangeRefusal,
  resumeRefusal,
  suspensionChoices,
} from '../../src/domain/hold-pauses.js';
import { holdSlots } from '../../src/domain/hold-slots.js';
import { countedHolds, placementRefusal } from '../../src/domain/holds.js';
import { dueReminderDays, overdueNoticeNumber } from '../../src/domain/overdue.js';
import { holdToTrap, queuePositions } from '../../src/domain/queue.js';

const at = (iso: string) => new Date(iso);

describe('R-RES-10 changing the pickup branch', () => {
  it('R-RES-10: a 依頼中 or N位 hold may change its pickup branch', () => {
    expect(pickupChangeRefusal('requested', 'HON', 'KITA')).toBeNull();
    expect(pickupChangeRefusal('queued', 'HON', 'KITA')).toBeNull();
  });
  it('R-RES-10: a hold whose copy is on its way or on the shelf is refused (phone the branch)', () => {
    expect(pickupChangeRefusal('in_transit', 'HON', 'KITA')?.code).toBe('HOLD_PICKUP_NOT_CHANGEABLE');
    expect(pickupChangeRefusal('ready', 'HON', 'KITA')?.code).toBe('HOLD_PICKUP_NOT_CHANGEABLE');
  });
  it('R-RES-10: the same branch, or an ended hold, is refused', () => {
    expect(pickupChangeRefusal('queued', 'HON', 'HON')?.code).toBe('HOLD_PICKUP_SAME_BRANCH');
    expect(pickupChangeRefusal('cancelled', 'HON', 'KITA')?.code).toBe('HOLD_NOT_ACTIVE');
  });
});

describe('R-RES-11 suspending a hold', () => {
  const today = '2026-12-01';
  it('R-RES-11: suspended through its date, taking copies again the day after', () => {
    expect(isSuspended({ suspendedUntil: '2026-12-08' }, '2026-12-08')).toBe(true);
    expect(isSuspended({ suspendedUntil: '2026-12-08' }, '2026-12-09')).toBe(false);
    expect(isSuspended({ suspendedUntil: null }, today)).toBe(false);
  });
  it('R-RES-11: a suspended hold keeps its place but is passed over when a copy is trapped', () => {
    const holds = [
      { id: 'a', status: 'queued' as const, officialAt: at('2026-11-01T00:00:00Z'), suspendedUntil: '2026-12-08' },
      { id: 'b', status: 'queued' as const, officialAt: at('2026-11-02T00:00:00Z'), suspendedUntil: null },
    ];
    expect(queuePositions(holds).get('a')).toBe(1);
    expect(holdToTrap(holds, today)?.id).toBe('b');
    expect(holdToTrap(holds, '2026-12-09')?.id).toBe('a');
  });
  it('R-RES-11: with every hold suspended no hold takes the copy', () => {
    const holds = [
      { id: 'a', status: 'queued' as const, officialAt: at('2026-11-01T00:00:00Z'), suspendedUntil: today },
    ];
    expect(holdToTrap(holds, today)).toBeUndefined();
  });
  it('R-RES-11: a suspended hold still counts towards the limit (R-RES-2)', () => {
    const active = Array.from({ length: 5 }, () => ({ channel: 'online' as const }));
    const counted = countedHolds(active, { countedChannels: ['online', 'counter', 'phone'] });
    expect(
      placementRefusal({ activeHoldCount: counted, holdsThisTitle: false, hasThisTitleOnLoan: false }, { limit: 5 })
        ?.code,
    ).toBe('HOLD_LIMIT_REACHED');
  });
  it('R-RES-11: from tomorrow up to the profile maximum; not a hold whose copy is trapped', () => {
    expect(pauseRefusal('queued', 'suspend', '2026-12-02', today, 180)).toBeNull();
    expect(pauseRefusal('requested', 'suspend', '2027-05-30', today, 180)).toBeNull();
    expect(pauseRefusal('queued', 'suspend', today, today, 180)?.code).toBe('HOLD_PAUSE_DATE_OUT_OF_RANGE');
    expect(pauseRefusal('queued', 'suspend', '2027-06-01', today, 180)?.params).toEqual({
      from: '2026-12-02',
      until: '2027-05-30',
    });
    expect(pauseRefusal('ready', 'suspend', '2026-12-08', today, 180)?.code).toBe('HOLD_NOT_PAUSABLE_TRAPPED');
    expect(pauseRefusal('fulfilled', 'suspend', '2026-12-08', today, 180)?.code).toBe('HOLD_NOT_ACTIVE');
  });
  it('R-RES-11: resuming early is for a suspended hold only', () => {
    expect(resumeRefusal({ status: 'queued', suspendedUntil: '2026-12-08' }, today)).toBeNull();
    expect(resumeRefusal({ status: 'queued', suspendedUntil: null }, today)?.code).toBe('HOLD_NOT_SUSPENDED');
    expect(resumeRefusal({ status: 'queued', suspendedUntil: '2026-11-30' }, today)?.code).toBe('HOLD_NOT_SUSPENDED');
  });
  it('R-RES-11: the chat offers a week, two weeks and a month, within the maximum', () => {
    expect(suspensionChoices(today, 180)).toEqual(['2026-12-08', '2026-12-15', '2026-12-31']);
    expect(suspensionChoices(today, 14)).toEqual(['2026-12-08', '2026-12-15']);
    expect(notNeededChoices(today, 60)).toEqual(['2026-12-31', '2027-01-30']);
  });
});

describe('R-RES-12 not needed after a date', () => {
  it('R-RES-12: a hold still waiting after its 不要日 has lapsed; one with its copy has not', () => {
    expect(isLapsed({ status: 'queued', notNeededAfter: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isLapsed({ status: 'requested', notNeededAfter: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isLapsed({ status: 'queued', notNeededAfter: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isLapsed({ status: 'in_transit', notNeededAfter: '2026-11-30' }, '2026-12-01')).toBe(false);
    expect(isLapsed({ status: 'ready', notNeededAfter: '2026-11-30' }, '2026-12-01')).toBe(false);
  });
  it('R-RES-12: a 不要日 may be today, not in the past', () => {
    expect(pauseRefusal('queued', 'notNeededAfter', '2026-12-01', '2026-12-01', 180)).toBeNull();
    expect(pauseRefusal('queued', 'notNeededAfter', '2026-11-30', '2026-12-01', 180)?.code).toBe(
      'HOLD_PAUSE_DATE_OUT_OF_RANGE',
    );
  });
});

describe('R-RES-13 expected wait', () => {
  it('R-RES-13: first in line with one copy: within the loan and shelf periods', () => {
    expect(expectedWait({ position: 1, lendableCopies: 1, loanPeriodDays: 14, shelfDays: 9 })).toEqual({
      fromWeeks: 0,
      toWeeks: 4,
    });
  });
  it('R-RES-13: places ahead share the copies: 5th with 2 copies waits three rounds', () => {
    expect(expectedWait({ position: 5, lendableCopies: 2, loanPeriodDays: 14, shelfDays: 9 })).toEqual({
      fromWeeks: 4,
      toWeeks: 10,
    });
  });
  it('R-RES-13: the profile loan period changes the estimate (Minato: 21 days)', () => {
    expect(
      expectedWait({ position: 2, lendableCopies: 1, loanPeriodDays: 21, shelfDays: shelfCalendarDays(10) }),
    ).toEqual({
      fromWeeks: 3,
      toWeeks: 10,
    });
  });
  it('R-RES-13: no lendable copy, no estimate', () => {
    expect(expectedWait({ position: 1, lendableCopies: 0, loanPeriodDays: 14, shelfDays: 9 })).toBeNull();
  });
});

describe('R-RES-14 hold slots per channel', () => {
  const rules = { limit: 5, countedChannels: ['online', 'counter', 'phone'] as const };
  it('R-RES-14: used slots across counter, phone and internet, counter first, empty channels left out', () => {
    const active = [
      { channel: 'online' as const },
      { channel: 'counter' as const },
      { channel: 'online' as const },
      { channel: 'online' as const },
    ];
    expect(holdSlots(active, rules)).toEqual({
      used: 4,
      limit: 5,
      byChannel: [
        { channel: 'counter', count: 1 },
        { channel: 'online', count: 3 },
      ],
    });
  });
  it('R-RES-14: only the channels the profile counts', () => {
    const active = [{ channel: 'online' as const }, { channel: 'counter' as const }];
    expect(holdSlots(active, { limit: 10, countedChannels: ['online'] })).toEqual({
      used: 1,
      limit: 10,
      byChannel: [{ channel: 'online', count: 1 }],
    });
  });
});

describe('R-NOTE-1 overdue notices and R-NOTE-2 reminder choices', () => {
  const t = { firstDaysAfter: 1, everyDays: 7, times: 3 };
  it('R-NOTE-1: the day after the due date, then weekly, three times at most', () => {
    expect(overdueNoticeNumber('2026-12-01', '2026-12-01', t)).toBeNull();
    expect(overdueNoticeNumber('2026-12-01', '2026-12-02', t)).toBe(1);
    expect(overdueNoticeNumber('2026-12-01', '2026-12-08', t)).toBe(1);
    expect(overdueNoticeNumber('2026-12-01', '2026-12-09', t)).toBe(2);
    expect(overdueNoticeNumber('2026-12-01', '2026-12-16', t)).toBe(3);
    expect(overdueNoticeNumber('2026-12-01', '2027-03-01', t)).toBe(3);
  });
  it('R-NOTE-2: the patron chooses off or 1–3 days before; unset is the library default', () => {
    expect(dueReminderDays(null, 2)).toBe(2);
    expect(dueReminderDays(0, 2)).toBe(0);
    expect(dueReminderDays(3, 2)).toBe(3);
  });
});
