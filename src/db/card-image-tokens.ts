import type { Executor } from './executor.js';

/** A new card image address (its token's hash); the table's expired rows go as new ones come. */
export async function insertCardImageToken(
  db: Executor,
  row: { tokenHash: string; patronId: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.deleteFrom('card_image_tokens').where('expires_at', '<=', now).execute();
  await db
    .insertInto('card_image_tokens')
    .values({ token_hash: row.tokenHash, patron_id: row.patronId, expires_at: row.expiresAt })
    .execute();
}

/** The card a live token shows, with the holder's card number (to draw, never to write). */
export async function cardOfImageToken(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ patronId: string; cardNumber: string } | undefined> {
  const r = await db
    .selectFrom('card_image_tokens as t')
    .innerJoin('patrons as p', 'p.id', 't.patron_id')
    .select(['p.id as patronId', 'p.card_number as cardNumber'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.expires_at', '>', now)
    .executeTakeFirst();
  return r ? { patronId: String(r.patronId), cardNumber: r.cardNumber } : undefined;
}
