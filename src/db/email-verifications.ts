import type { Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Tx } from './executor.js';
import { rowBy, type RowOf } from './row-by.js';
import type { EmailVerificationsTable } from './schema.js';

const columns = ['id', 'patron_id', 'email', 'email_type', 'expires_at', 'used_at'] as const;

/** A pending e-mail registration (R-MAIL-2): the address waits here until its link is confirmed. */
export type EmailVerificationRow = Camelized<RowOf<'email_verifications', (typeof columns)[number]>>;

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

export const findEmailVerification = rowBy('email_verifications', 'token_hash', columns);

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
