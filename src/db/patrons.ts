import type { Executor, LockOption } from './executor.js';

export interface PatronRow {
  id: string;
  cardNumber: string;
  name: string;
  birthDate: string;
  residency: 'resident' | 'worker' | 'student' | 'none';
  disabilityService: boolean;
  email: string | null;
  emailType: 'pc' | 'mobile' | null;
  emailConfirmed: boolean;
  passwordHash: string | null;
  passwordIsInitial: boolean;
  lastPickupBranch: string | null;
}

export interface NewPatron {
  cardNumber: string;
  name: string;
  birthDate: string;
  residency: string;
  disabilityService: boolean;
}

const columns = [
  'id',
  'card_number',
  'name',
  'birth_date',
  'residency',
  'disability_service',
  'email',
  'email_type',
  'email_confirmed_at',
  'password_hash',
  'password_is_initial',
  'last_pickup_branch',
] as const;

type Raw = {
  id: string;
  card_number: string;
  name: string;
  birth_date: string;
  residency: string;
  disability_service: boolean;
  email: string | null;
  email_type: string | null;
  email_confirmed_at: Date | null;
  password_hash: string | null;
  password_is_initial: boolean;
  last_pickup_branch: string | null;
};

function toPatron(r: Raw): PatronRow {
  return {
    id: r.id,
    cardNumber: r.card_number,
    name: r.name,
    birthDate: r.birth_date,
    residency: r.residency as PatronRow['residency'],
    disabilityService: r.disability_service,
    email: r.email,
    emailType: r.email_type as PatronRow['emailType'],
    emailConfirmed: r.email !== null && r.email_confirmed_at !== null,
    passwordHash: r.password_hash,
    passwordIsInitial: r.password_is_initial,
    lastPickupBranch: r.last_pickup_branch,
  };
}

/** Inserts unless the card number exists; undefined means it was taken. */
export async function insertPatron(db: Executor, p: NewPatron): Promise<PatronRow | undefined> {
  const r = await db
    .insertInto('patrons')
    .values({
      card_number: p.cardNumber,
      name: p.name,
      birth_date: p.birthDate,
      residency: p.residency,
      disability_service: p.disabilityService,
    })
    .onConflict((oc) => oc.column('card_number').doNothing())
    .returning(columns)
    .executeTakeFirst();
  return r && toPatron(r);
}

export async function findPatronByCard(
  db: Executor,
  cardNumber: string,
  lock: LockOption = {},
): Promise<PatronRow | undefined> {
  let q = db.selectFrom('patrons').select(columns).where('card_number', '=', cardNumber);
  if (lock.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toPatron(r);
}

export async function findPatron(db: Executor, id: string, lock: LockOption = {}): Promise<PatronRow | undefined> {
  let q = db.selectFrom('patrons').select(columns).where('id', '=', id);
  if (lock.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toPatron(r);
}

export async function setPasswordHash(
  db: Executor,
  patronId: string,
  hash: string,
  initial: boolean,
  at: Date,
): Promise<void> {
  await db
    .updateTable('patrons')
    .set({ password_hash: hash, password_is_initial: initial, password_set_at: at })
    .where('id', '=', patronId)
    .execute();
}

export async function setConfirmedEmail(
  db: Executor,
  patronId: string,
  email: string,
  type: 'pc' | 'mobile',
  at: Date,
): Promise<void> {
  await db
    .updateTable('patrons')
    .set({ email, email_type: type, email_confirmed_at: at })
    .where('id', '=', patronId)
    .execute();
}

export async function setLastPickupBranch(db: Executor, patronId: string, branch: string): Promise<void> {
  await db.updateTable('patrons').set({ last_pickup_branch: branch }).where('id', '=', patronId).execute();
}

export async function countPatrons(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('patrons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
