/**
 * Who on the staff may use which part of the staff console (issue 29). These are the library's
 * own decisions, not the guide's, so they carry IDs of their own (docs/staff-console.md):
 *
 * - S-ROLE-1: a librarian uses the patron desk (patrons, their holds and loans), Today and the
 *   calendar; an administrator uses all that, and also the staff accounts and announcements.
 * - S-SESS-1: a console session ends after `idleMs` without a request, and in any case `maxMs`
 *   after its login.
 */
export const STAFF_ROLES = ['librarian', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CONSOLE_AREAS = ['patrons', 'holds', 'loans', 'calendar', 'today', 'staff', 'announcements'] as const;
export type ConsoleArea = (typeof CONSOLE_AREAS)[number];

const AREAS_OF: Record<StaffRole, ReadonlySet<ConsoleArea>> = {
  librarian: new Set(['patrons', 'holds', 'loans', 'calendar', 'today']),
  admin: new Set(CONSOLE_AREAS),
};

/** S-ROLE-1: whether `role` may use `area`. */
export const mayUse = (role: StaffRole, area: ConsoleArea): boolean => AREAS_OF[role].has(area);

/** The least role that may use `area` (named on the refusal page). */
export const roleNeededFor = (area: ConsoleArea): StaffRole => (mayUse('librarian', area) ? 'librarian' : 'admin');

export const isStaffRole = (s: string): s is StaffRole => (STAFF_ROLES as readonly string[]).includes(s);

/** S-SESS-1: whether a session last seen at `lastSeenAt`, opened at `createdAt`, is still live at `now`. */
export function sessionIsLive(
  s: { createdAt: Date; lastSeenAt: Date },
  now: Date,
  limits: { idleMs: number; maxMs: number },
): boolean {
  const t = now.getTime();
  return t - s.lastSeenAt.getTime() < limits.idleMs && t - s.createdAt.getTime() < limits.maxMs;
}

/**
 * A staff member's name: the login name typed at the console and stored in the audit log
 * (`staff:<name>`), so letters, digits, '.', '_' and '-' only.
 */
export const STAFF_NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Staff passwords: 12 characters or more (no console password is printed on a receipt). */
export const STAFF_PASSWORD_MIN = 12;
export const STAFF_PASSWORD_MAX = 128;
