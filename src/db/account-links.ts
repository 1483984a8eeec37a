import type { Executor } from './executor.js';

export async function insertLinkRequest(
  db: Executor,
  linkToken: string,
  lineUserId: string,
  expiresAt: Date,
  now: Date,
): Promise<void> {
  // The user's expired tokens go as a new one comes: the table holds a few rows per active user.
  await db
    .deleteFrom('account_link_requests')
    .where('line_user_id', '=', lineUserId)
    .where('expires_at', '<=', now)
    .execute();
  await db
    .insertInto('account_link_requests')
    .values({ link_token: linkToken, line_user_id: lineUserId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('link_token').doUpdateSet({ line_user_id: lineUserId, expires_at: expiresAt }))
    .execute();
}

/** The user's link token that stays valid longest, if it is valid at least until `validUntil`. */
export async function liveLinkTokenOf(db: Executor, lineUserId: string, validUntil: Date): Promise<string | undefined> {
  const r = await db
    .selectFrom('account_link_requests')
    .select('link_token')
    .where('line_user_id', '=', lineUserId)
    .where('expires_at', '>', validUntil)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.link_token;
}

/** The token went to LINE with a nonce: LINE takes a link token once, so it is not offered again. */
export async function deleteLinkRequest(db: Executor, linkToken: string): Promise<void> {
  await db.deleteFrom('account_link_requests').where('link_token', '=', linkToken).execute();
}

export async function linkRequestUser(db: Executor, linkToken: string, now: Date): Promise<string | undefined> {
  const r = await db
    .selectFrom('account_link_requests')
    .select('line_user_id')
    .where('link_token', '=', linkToken)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r?.line_user_id;
}

export async function insertNonce(
  db: Executor,
  n: { nonceHash: string; patronId: string; lineUserId: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  // Expired nonces go as new ones come (an expired one links nothing either way): the table holds
  // the last ten minutes' logins, not every login ever made.
  await db.deleteFrom('account_link_nonces').where('expires_at', '<=', now).execute();
  await db
    .insertInto('account_link_nonces')
    .values({ nonce_hash: n.nonceHash, patron_id: n.patronId, line_user_id: n.lineUserId, expires_at: n.expiresAt })
    .execute();
}

/** Marks an unused, unexpired nonce used and answers whose it was; undefined for any other nonce. */
export async function consumeNonce(
  db: Executor,
  nonceHash: string,
  now: Date,
): Promise<{ patronId: string; lineUserId: string | null } | undefined> {
  const r = await db
    .updateTable('account_link_nonces')
    .set({ used_at: now })
    .where('nonce_hash', '=', nonceHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['patron_id', 'line_user_id'])
    .executeTakeFirst();
  return r && { patronId: r.patron_id, lineUserId: r.line_user_id };
}

/** Links the LINE user to the patron; a card is linked to one LINE account at a time. */
export async function linkPatron(db: Executor, lineUserId: string, patronId: string, now: Date): Promise<void> {
  await db
    .updateTable('line_users')
    .set({ patron_id: null, linked_at: null, updated_at: now })
    .where('patron_id', '=', patronId)
    .where('line_user_id', '<>', lineUserId)
    .execute();
  await db
    .updateTable('line_users')
    .set({ patron_id: patronId, linked_at: now, updated_at: now })
    .where('line_user_id', '=', lineUserId)
    .execute();
}

export async function unlinkPatron(db: Executor, lineUserId: string, now: Date): Promise<string | null> {
  const r = await db
    .updateTable('line_users')
    .set({ patron_id: null, linked_at: null, updated_at: now })
    .where('line_user_id', '=', lineUserId)
    .where('patron_id', 'is not', null)
    .returning('line_user_id')
    .executeTakeFirst();
  return r?.line_user_id ?? null;
}
