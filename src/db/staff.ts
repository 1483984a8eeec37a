import type { StaffRole } from '../domain/staff-roles.js';
import type { Executor } from './executor.js';

export interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  disabledAt: Date | null;
  createdAt: Date;
}

const COLUMNS = ['id', 'name', 'role', 'password_hash', 'disabled_at', 'created_at'] as const;
type Raw = {
  id: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
};
const toRow = (r: Raw): StaffRow => ({
  id: r.id,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  disabledAt: r.disabled_at,
  createdAt: r.created_at,
});

export async function insertStaff(
  db: Executor,
  s: { name: string; role: StaffRole; passwordHash: string },
): Promise<StaffRow | undefined> {
  const r = await db
    .insertInto('staff')
    .values({ name: s.name, role: s.role, password_hash: s.passwordHash })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return r && toRow(r);
}

export async function staffByName(db: Executor, name: string): Promise<StaffRow | undefined> {
  const r = await db.selectFrom('staff').select(COLUMNS).where('name', '=', name).executeTakeFirst();
  return r && toRow(r);
}

export async function staffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await db.selectFrom('staff').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export async function listStaff(db: Executor): Promise<StaffRow[]> {
  return (await db.selectFrom('staff').select(COLUMNS).orderBy('name').execute()).map(toRow);
}

export async function setStaffPassword(db: Executor, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, password_set_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setStaffDisabled(db: Executor, id: string, at: Date | null): Promise<void> {
  await db.updateTable('staff').set({ disabled_at: at }).where('id', '=', id).execute();
}

export interface StaffSessionRow {
  staff: StaffRow;
  createdAt: Date;
  lastSeenAt: Date;
}

export async function insertStaffSession(db: Executor, idHash: string, staffId: string, now: Date): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ id_hash: idHash, staff_id: staffId, created_at: now, last_seen_at: now })
    .execute();
}

export async function staffSession(db: Executor, idHash: string): Promise<StaffSessionRow | undefined> {
  const r = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff', 'staff.id', 's.staff_id')
    .select([...COLUMNS.map((c) => `staff.${c}` as const), 's.created_at as session_created_at', 's.last_seen_at'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  return r && { staff: toRow(r), createdAt: r.session_created_at, lastSeenAt: r.last_seen_at };
}

export async function touchStaffSession(db: Executor, idHash: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteStaffSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Every session of one staff member (a disabled account, a new password). */
export async function deleteSessionsOfStaff(db: Executor, staffId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
}

/** Sessions last seen before `before` are dead anyway (S-SESS-1): they go as new ones come. */
export async function deleteIdleStaffSessions(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('last_seen_at', '<', before).execute();
}
