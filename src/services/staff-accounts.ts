import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../db/audit.js';
import { clearThrottle, saveThrottle, throttleOf } from '../db/login-throttle.js';
import type { DB } from '../db/schema.js';
import {
  deleteIdleStaffSessions,
  deleteSessionsOfStaff,
  deleteStaffSession,
  insertStaff,
  insertStaffSession,
  listStaff,
  setStaffDisabled,
  setStaffPassword,
  staffByName,
  staffSession,
  touchStaffSession,
  type StaffRow,
} from '../db/staff.js';
import { afterFailure, isLocked } from '../domain/lockout.js';
import { generateInitialPassword } from '../domain/passwords.js';
import {
  STAFF_NAME,
  STAFF_PASSWORD_MAX,
  STAFF_PASSWORD_MIN,
  sessionIsLive,
  type StaffRole,
} from '../domain/staff-roles.js';
import { conflict, ok, type Outcome } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

export type { StaffRow };
export { listStaff };

/** Login failures of a staff name are counted in login_throttle beside the cards (domain/lockout.ts). */
const staffSubject = (name: string) => `staff:${name}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** A generated staff password: 16 characters of the receipt alphabet (about 93 bits). */
export const generateStaffPassword = () => generateInitialPassword((n) => randomBytes(n), { initialLength: 16 });

const staffNotFound = (name: string): Outcome<never> => conflict('UNKNOWN_STAFF', `no staff member named ${name}`);

export function staffPasswordProblem(password: string): string | null {
  if (password.length < STAFF_PASSWORD_MIN) return `the password must have ${STAFF_PASSWORD_MIN} characters or more`;
  if (password.length > STAFF_PASSWORD_MAX) return `the password must have ${STAFF_PASSWORD_MAX} characters or fewer`;
  return null;
}

export async function addStaff(
  db: Kysely<DB>,
  s: { name: string; role: StaffRole; password: string },
  actor: AuditActor,
): Promise<Outcome<StaffRow>> {
  if (!STAFF_NAME.test(s.name))
    return conflict('STAFF_NAME_INVALID', 'a name is 2–32 of a–z, 0–9, ".", "_", "-", starting with a letter or digit');
  const problem = staffPasswordProblem(s.password);
  if (problem) return conflict('STAFF_PASSWORD_INVALID', problem);
  const passwordHash = await hashPassword(s.password);
  return db.transaction().execute(async (tx) => {
    const row = await insertStaff(tx, { name: s.name, role: s.role, passwordHash });
    if (!row) return conflict('STAFF_NAME_EXISTS', `a staff member named ${s.name} exists already`);
    await audit(tx, { actor, action: 'staff.add', details: { staff: row.name, role: row.role } });
    return ok(row);
  });
}

/** A new password; every open session of the account ends with the old one. */
export async function changeStaffPassword(
  db: Kysely<DB>,
  name: string,
  password: string,
  actor: AuditActor,
  now: Date,
): Promise<Outcome<StaffRow>> {
  const problem = staffPasswordProblem(password);
  if (problem) return conflict('STAFF_PASSWORD_INVALID', problem);
  const staff = await staffByName(db, name);
  if (!staff) return staffNotFound(name);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await setStaffPassword(tx, staff.id, passwordHash, now);
    await deleteSessionsOfStaff(tx, staff.id);
    await clearThrottle(tx, staffSubject(staff.name));
    await audit(tx, { actor, action: 'staff.passwd', details: { staff: staff.name } });
  });
  return ok(staff);
}

/** A disabled account logs in no more, and its open sessions end now. */
export async function disableStaff(
  db: Kysely<DB>,
  name: string,
  actor: AuditActor,
  now: Date,
): Promise<Outcome<StaffRow>> {
  const staff = await staffByName(db, name);
  if (!staff) return staffNotFound(name);
  await db.transaction().execute(async (tx) => {
    await setStaffDisabled(tx, staff.id, staff.disabledAt ?? now);
    await deleteSessionsOfStaff(tx, staff.id);
    await audit(tx, { actor, action: 'staff.disable', details: { staff: staff.name } });
  });
  return ok({ ...staff, disabledAt: staff.disabledAt ?? now });
}

export type StaffLoginResult = { ok: true; sessionId: string; staff: StaffRow } | { ok: false; locked: Date | null };

/**
 * Name + password, throttled per name as patrons' cards are (10 failures in 15 minutes lock the name
 * for 30). An unknown name, a wrong password and a disabled account are one answer and cost the
 * same hash. A success opens a new session: its id is made here, never taken from the request, so
 * an id planted in the browser before the login opens nothing (session fixation). `previous`, the
 * id the browser presented, ends.
 */
export async function staffLogin(
  db: Kysely<DB>,
  req: { name: string; password: string; previous?: string | undefined },
  now: Date,
): Promise<StaffLoginResult> {
  const subject = staffSubject(req.name);
  const staff = STAFF_NAME.test(req.name) ? await staffByName(db, req.name) : undefined;
  const before = await throttleOf(db, subject);
  const matches = await verifyPassword(staff?.passwordHash ?? null, req.password);
  if (staff && matches && staff.disabledAt === null && !isLocked(before, now)) {
    const sessionId = randomBytes(32).toString('base64url');
    await db.transaction().execute(async (tx) => {
      if (req.previous) await deleteStaffSession(tx, sha256(req.previous));
      await insertStaffSession(tx, sha256(sessionId), staff.id, now);
      await clearThrottle(tx, subject);
      await audit(tx, { actor: { kind: 'staff', staffName: staff.name }, action: 'staff.login' });
    });
    return { ok: true, sessionId, staff };
  }
  const after = await db.transaction().execute(async (tx) => {
    const state = afterFailure(await throttleOf(tx, subject, { forUpdate: true }), now);
    await saveThrottle(tx, subject, state);
    if (staff) await audit(tx, { actor: { kind: 'staff', staffName: staff.name }, action: 'staff.login_failed' });
    return state;
  });
  return { ok: false, locked: isLocked(after, now) ? after.lockedUntil : null };
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

/** The staff member of a live session (S-SESS-1), whose account is not disabled; the session is seen now. */
export async function staffOfSession(
  db: Kysely<DB>,
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<StaffRow | undefined> {
  if (sessionId.length > 100) return undefined;
  const idHash = sha256(sessionId);
  const s = await staffSession(db, idHash);
  if (!s) return undefined;
  if (!sessionIsLive(s, now, limits) || s.staff.disabledAt !== null) {
    await deleteStaffSession(db, idHash);
    return undefined;
  }
  // One write a minute at most: a page with several requests does not write each time.
  if (now.getTime() - s.lastSeenAt.getTime() >= 60_000) await touchStaffSession(db, idHash, now);
  return s.staff;
}

export async function staffLogout(db: Kysely<DB>, sessionId: string, staff: StaffRow, now: Date, idleMs: number) {
  await db.transaction().execute(async (tx) => {
    await deleteStaffSession(tx, sha256(sessionId));
    await deleteIdleStaffSessions(tx, new Date(now.getTime() - idleMs));
    await audit(tx, { actor: { kind: 'staff', staffName: staff.name }, action: 'staff.logout' });
  });
}
