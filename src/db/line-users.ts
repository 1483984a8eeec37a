import type { Executor } from './executor.js';

/** Remembers a LINE user who talks to the account; `following` tracks follow/unfollow (block). */
export async function touchLineUser(
  db: Executor,
  lineUserId: string,
  following: boolean | undefined,
  now: Date,
): Promise<void> {
  await db
    .insertInto('line_users')
    .values({ line_user_id: lineUserId, following: following ?? true, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('line_user_id')
        .doUpdateSet(following === undefined ? { updated_at: now } : { following, updated_at: now }),
    )
    .execute();
}

export async function linkedPatronId(db: Executor, lineUserId: string): Promise<string | null> {
  const r = await db
    .selectFrom('line_users')
    .select('patron_id')
    .where('line_user_id', '=', lineUserId)
    .executeTakeFirst();
  return r?.patron_id ?? null;
}

/** Whether the account knows this LINE user (a follow or a message was seen) and still follows. */
export async function isFollowing(db: Executor, lineUserId: string): Promise<boolean> {
  const r = await db
    .selectFrom('line_users')
    .select('following')
    .where('line_user_id', '=', lineUserId)
    .executeTakeFirst();
  return r?.following === true;
}

/** Whether a LINE user has linked the patron's card (active or a family card). */
export async function patronHasLineUser(db: Executor, patronId: string): Promise<boolean> {
  const r = await db
    .selectFrom('line_user_cards')
    .select('line_user_id')
    .where('patron_id', '=', patronId)
    .executeTakeFirst();
  return r !== undefined;
}
