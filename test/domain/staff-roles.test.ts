import { describe, expect, it } from 'vitest';
import { CONSOLE_AREAS, mayUse, roleNeededFor, sessionIsLive } from '../../src/domain/staff-roles.js';

describe('the staff console’s own rules', () => {
  it('S-ROLE-1: a librarian uses patrons, holds, loans, calendar and Today; an administrator everything', () => {
    const librarian = CONSOLE_AREAS.filter((a) => mayUse('librarian', a));
    expect(librarian).toEqual(['patrons', 'holds', 'loans', 'calendar', 'today']);
    expect(CONSOLE_AREAS.every((a) => mayUse('admin', a))).toBe(true);
    expect(roleNeededFor('staff')).toBe('admin');
    expect(roleNeededFor('announcements')).toBe('admin');
    expect(roleNeededFor('loans')).toBe('librarian');
  });

  it('S-SESS-1: a session ends after the idle time, and at the latest the maximum after its login', () => {
    const limits = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
    const login = new Date('2026-12-01T09:00:00+09:00');
    const at = (min: number) => new Date(login.getTime() + min * 60_000);
    expect(sessionIsLive({ createdAt: login, lastSeenAt: login }, at(29), limits)).toBe(true);
    expect(sessionIsLive({ createdAt: login, lastSeenAt: login }, at(30), limits)).toBe(false);
    expect(sessionIsLive({ createdAt: login, lastSeenAt: at(719) }, at(720), limits)).toBe(false);
    expect(sessionIsLive({ createdAt: login, lastSeenAt: at(700) }, at(719), limits)).toBe(true);
  });
});
