import { describe, expect, it } from 'vitest';
import { pickupDeadline } from '../../src/domain/calendar.js';
import {
  dueReminderDay,
  inReminderWindow,
  pickupReminderDay,
  previousOpeningDayBefore,
} from '../../src/domain/reminders.js';
import { KAMAGAYA, kamagayaCalendar } from '../helpers/profiles.js';

/** Kamagaya's reminders: 2 opening days before a pickup deadline, 2 days before a due date. */
const T = KAMAGAYA.reminders;

// Closed on Mondays and 29 Dec – 3 Jan. 2026-12-14 and 2026-12-28 are Mondays.
const cal = kamagayaCalendar(2026, 2027);

describe('pickup-deadline reminder', () => {
  it("R-RES-8: comes 2 opening days before the deadline (Kamagaya's reminders.pickupOpeningDaysBefore)", () => {
    expect(T.pickupOpeningDaysBefore).toBe(2);
    // Deadline Fri 18 Dec: Thu 17 is one opening day before, Wed 16 two.
    expect(pickupReminderDay(cal, '2026-12-18', T)).toBe('2026-12-16');
    // Deadline Wed 16 Dec: Tue 15, then Sun 13 (Monday 14 is closed).
    expect(pickupReminderDay(cal, '2026-12-16', T)).toBe('2026-12-13');
  });

  it('R-RES-8: counts over the year-end closure', () => {
    // Deadline Tue 5 Jan 2027: Mon 4 closed, 29 Dec – 3 Jan closed → Sun 27 Dec (1), Sat 26 Dec (2).
    expect(previousOpeningDayBefore(cal, '2027-01-05')).toBe('2026-12-27');
    expect(pickupReminderDay(cal, '2027-01-05', T)).toBe('2026-12-26');
  });

  it('R-RES-8: falls on the 5th of the 7 opening days a ready hold is kept', () => {
    const securedOn = '2026-12-10';
    const deadline = pickupDeadline(cal, securedOn, KAMAGAYA.holds.shelfOpeningDays);
    expect(deadline).toBe('2026-12-18');
    expect(pickupReminderDay(cal, deadline, T)).toBe('2026-12-16');
  });
});

describe('due-date reminder', () => {
  it("comes 2 calendar days before the due date (Kamagaya's reminders.dueDaysBefore)", () => {
    expect(T.dueDaysBefore).toBe(2);
    expect(dueReminderDay('2026-12-10', { dueDaysBefore: 3 })).toBe('2026-12-07');
    expect(dueReminderDay('2026-12-10', T)).toBe('2026-12-08');
    expect(dueReminderDay('2027-01-01', T)).toBe('2026-12-30');
  });

  it('is written on its day or, after downtime, on a later day up to the day it is about', () => {
    expect(inReminderWindow('2026-12-07', '2026-12-08', '2026-12-10')).toBe(false);
    expect(inReminderWindow('2026-12-08', '2026-12-08', '2026-12-10')).toBe(true);
    expect(inReminderWindow('2026-12-10', '2026-12-08', '2026-12-10')).toBe(true);
    expect(inReminderWindow('2026-12-11', '2026-12-08', '2026-12-10')).toBe(false);
  });
});
