import type { Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Executor, LockOption, Tx } from './executor.js';
import type { EmailVerificationsTable } from './schema.js';

const columns = ['id', 'patron_id', 'email', 'email_type', 'expires_at', 'used_at'] as const;
type Raw = Pick<Selectable<EmailVerificationsTable>, (typeof columns)[number]>;

/** A pending e-mail registration (R-MAIL-2): the address waits here until its link is confirmed. */
export type EmailVerificationRow = Camelized<Raw>;

const toRow = (r: Raw): EmailVerificationRow => ({
  id: r.id,
  patronId: r.patron_id,
  email: r.email,
  emailType: r.email_type,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

/** Only the token's hash is stored: a copy of the table opens no link. */
export async function insertEmailVerification(
  tx: Tx,
  v: Camelized<
    Pick<
      Selectable<EmailVerificationsTable>,
      'patron_id' | 'email' | 'email_type' | 'token_hash' | 'created_at' | 'expires_at'
    >
  >,
): Promise<string> {
  const r = await tx
    .insertInto('email_verifications')
    .values({
      patron_id: v.patronId,
      email: v.email,
      email_type: v.emailType,
      token_hash: v.tokenHash,
      created_at: v.createdAt,
      expires_at: v.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findEmailVerification(db: Executor, tokenHash: string): Promise<EmailVerificationRow | undefined>;
export function findEmailVerification(
  tx: Tx,
  tokenHash: string,
  lock: LockOption,
): Promise<EmailVerificationRow | undefined>;
export async function findEmailVerification(
  db: Executor,
  tokenHash: string,
  lock?: LockOption,
): Promise<EmailVerificationRow | undefined> {
  let q = db.selectFrom('email_verifications').select(columns).where('token_hash', '=', tokenHash);
  if (lock?.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toRow(r);
}

export async function markEmailVerificationUsed(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('email_verifications').set({ used_at: at }).where('id', '=', id).execute();
}

/** A newer request replaces older open links of the same patron: only the address asked for last can be confirmed. */
export async function retireOpenEmailVerifications(tx: Tx, patronId: string, at: Date): Promise<number> {
  const r = await tx
    .updateTable('email_verifications')
    .set({ used_at: at })
    .where('patron_id', '=', patronId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
