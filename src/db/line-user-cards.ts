import type { Executor } from './executor.js';

/** One card a LINE user has linked (docs/family-cards.md), oldest link first. */
export interface LinkedCard {
  patronId: string;
  name: string;
  linkedAt: Date;
}

export async function cardsOfLineUser(db: Executor, lineUserId: string): Promise<LinkedCard[]> {
  const rows = await db
    .selectFrom('line_user_cards as c')
    .innerJoin('patrons as p', 'p.id', 'c.patron_id')
    .select(['c.patron_id', 'p.name', 'c.linked_at'])
    .where('c.line_user_id', '=', lineUserId)
    .orderBy('c.linked_at')
    .orderBy('c.patron_id')
    .execute();
  return rows.map((r) => ({ patronId: String(r.patron_id), name: r.name, linkedAt: r.linked_at }));
}

/** The LINE user the card is linked to, if any (a card is linked to one at most). */
export async function lineUserOfCard(db: Executor, patronId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('line_user_cards')
    .select('line_user_id')
    .where('patron_id', '=', patronId)
    .executeTakeFirst();
  return r?.line_user_id;
}

/** Adds the card to the LINE user's cards; the caller has taken it from any other LINE user first. */
export async function insertCard(db: Executor, lineUserId: string, patronId: string, now: Date): Promise<void> {
  await db
    .insertInto('line_user_cards')
    .values({ line_user_id: lineUserId, patron_id: patronId, linked_at: now })
    .onConflict((oc) => oc.column('patron_id').doUpdateSet({ line_user_id: lineUserId, linked_at: now }))
    .execute();
}

/** Removes the LINE user's cards (one, or all); answers which were removed. */
export async function deleteCards(db: Executor, lineUserId: string, patronId?: string): Promise<string[]> {
  let q = db.deleteFrom('line_user_cards').where('line_user_id', '=', lineUserId);
  if (patronId !== undefined) q = q.where('patron_id', '=', patronId);
  const rows = await q.returning('patron_id').execute();
  return rows.map((r) => String(r.patron_id));
}

/** The card the LINE user's actions act for (line_users.patron_id); null: logged out. */
export async function setActiveCard(
  db: Executor,
  lineUserId: string,
  patronId: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('line_users')
    .set(
      patronId === null
        ? { patron_id: null, linked_at: null, updated_at: now }
        : { patron_id: patronId, linked_at: now, updated_at: now },
    )
    .where('line_user_id', '=', lineUserId)
    .execute();
}
