import type { Selectable } from 'kysely';
import type { EmailType } from '../domain/email.js';
import { camelized, type Camelized } from './camelized.js';
import type { Executor } from './executor.js';
import { rowBy, type RowOf } from './row-by.js';
import type { PatronsTable } from './schema.js';

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

type Raw = RowOf<'patrons', (typeof columns)[number]>;

/** The patron as the services see it: whether the address is confirmed, not when. */
export type PatronRow = Camelized<Omit<Raw, 'email_confirmed_at'>> & { emailConfirmed: boolean };

export type NewPatron = Camelized<
  Pick<Selectable<PatronsTable>, 'card_number' | 'name' | 'birth_date' | 'residency' | 'disability_service'>
>;

function toPatron({ email_confirmed_at, ...r }: Raw): PatronRow {
  return { ...camelized(r), emailConfirmed: r.email !== null && email_confirmed_at !== null };
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

export const findPatronByCard = rowBy('patrons', 'card_number', columns, { toRow: toPatron });
export const findPatron = rowBy('patrons', 'id', columns, { toRow: toPatron });

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
  type: EmailType,
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
