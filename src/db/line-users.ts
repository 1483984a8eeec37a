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

/** The language the LINE user is answered in; null when not yet known (src/lib/language.ts). */
export async function lineUserLanguage(db: Executor, lineUserId: string): Promise<string | null> {
  const r = await db
    .selectFrom('line_users')
    .select('language')
    .where('line_user_id', '=', lineUserId)
    .executeTakeFirst();
  return r?.language ?? null;
}

/**
 * Sets the LINE user's language, noting the user if this is the first the account hears of them.
 * `onlyIfUnknown` is the first contact's guess from the LINE profile, which must not overwrite a
 * choice the patron made meanwhile.
 */
export async function setLineUserLanguage(
  db: Executor,
  lineUserId: string,
  language: string,
  now: Date,
  opts: { onlyIfUnknown?: boolean } = {},
): Promise<void> {
  await db
    .insertInto('line_users')
    .values({ line_user_id: lineUserId, language, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('line_user_id')
        .doUpdateSet({ language, updated_at: now })
        .where(({ eb, ref }) => (opts.onlyIfUnknown ? eb(ref('line_users.language'), 'is', null) : eb.lit(true))),
    )
    .execute();
}

/** The languages of the LINE users linked to these cards, for notices and mails (card → language). */
export async function languagesOfPatrons(db: Executor, patronIds: readonly string[]): Promise<Map<string, string>> {
  if (patronIds.length === 0) return new Map();
  // Through line_user_cards: a family card that is not the active one has its LINE user's language too.
  const rows = await db
    .selectFrom('line_user_cards as c')
    .innerJoin('line_users as u', 'u.line_user_id', 'c.line_user_id')
    .select(['c.patron_id', 'u.language'])
    .where('c.patron_id', 'in', [...patronIds])
    .where('u.language', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [String(r.patron_id), r.language!]));
}
