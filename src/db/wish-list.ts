import { sql } from 'kysely';
import { anyBigint, type Executor, type Tx } from './executor.js';

/** 読みたいリスト (migrations/0020): a patron's saved titles, oldest first. */
export interface WishRow {
  bibId: string;
  title: string;
  author: string | null;
  addedAt: Date;
}

export async function wishListOf(db: Executor, patronId: string): Promise<WishRow[]> {
  const rows = await db
    .selectFrom('wish_list')
    .innerJoin('bibs', 'bibs.id', 'wish_list.bib_id')
    .select(['wish_list.bib_id', 'bibs.title', 'bibs.author', 'wish_list.added_at'])
    .where('wish_list.patron_id', '=', patronId)
    .orderBy('wish_list.added_at')
    .orderBy('wish_list.bib_id')
    .execute();
  return rows.map((r) => ({ bibId: r.bib_id, title: r.title, author: r.author, addedAt: r.added_at }));
}

export async function wishListCount(db: Executor, patronId: string): Promise<number> {
  const r = await db
    .selectFrom('wish_list')
    .select(sql<string>`count(*)`.as('n'))
    .where('patron_id', '=', patronId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function isOnWishList(db: Executor, patronId: string, bibId: string): Promise<boolean> {
  const r = await db
    .selectFrom('wish_list')
    .select('bib_id')
    .where('patron_id', '=', patronId)
    .where('bib_id', '=', bibId)
    .executeTakeFirst();
  return r !== undefined;
}

/** Saves the title (the caller holds the patron row's lock, so the count it read stays true). */
export async function addToWishList(tx: Tx, patronId: string, bibId: string, now: Date): Promise<boolean> {
  const r = await tx
    .insertInto('wish_list')
    .values({ patron_id: patronId, bib_id: bibId, added_at: now })
    .onConflict((oc) => oc.columns(['patron_id', 'bib_id']).doNothing())
    .returning('bib_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Removes the title; false when it was not there (removed already). */
export async function removeFromWishList(db: Executor, patronId: string, bibId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('wish_list')
    .where('patron_id', '=', patronId)
    .where('bib_id', '=', bibId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Copies of the titles with where they stand now, for availability. */
export async function copiesOfBibs(
  db: Executor,
  bibIds: string[],
): Promise<{ bibId: string; branch: string; status: string; inLibraryOnly: boolean }[]> {
  if (bibIds.length === 0) return [];
  const rows = await db
    .selectFrom('items')
    .select(['bib_id', 'location_branch', 'status', 'in_library_only'])
    .where('bib_id', '=', anyBigint(bibIds))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    bibId: r.bib_id,
    branch: r.location_branch,
    status: r.status,
    inLibraryOnly: r.in_library_only,
  }));
}

/** Titles whose title starts with `stem` (folded by the caller's rule afterwards): a work's other volumes. */
export async function titlesStartingWith(
  db: Executor,
  stem: string,
  limit = 200,
): Promise<{ bibId: string; title: string; author: string | null }[]> {
  const like = `${stem.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('bibs')
    .select(['id', 'title', 'author'])
    .where(sql<boolean>`lower(normalize(title, NFKC)) LIKE ${like}`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ bibId: r.id, title: r.title, author: r.author }));
}

/** Of the patrons, those the hold manager can offer to: logged in on LINE, with a title saved. */
export async function patronsWithWishes(db: Executor, patronIds: string[]): Promise<Set<string>> {
  if (patronIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('line_user_cards')
    .select('patron_id')
    .where('patron_id', '=', anyBigint(patronIds))
    .where((eb) =>
      eb.exists(
        eb.selectFrom('wish_list').select('bib_id').whereRef('wish_list.patron_id', '=', 'line_user_cards.patron_id'),
      ),
    )
    .execute();
  return new Set(rows.flatMap((r) => (r.patron_id ? [r.patron_id] : [])));
}

/** R-SER-2: 受取り可 notices of these holds held back for a companion volume go now (not yet sent). */
export async function heldBackReadyNoticesDueNow(db: Executor, holdIds: string[], now: Date): Promise<void> {
  if (holdIds.length === 0) return;
  await db
    .updateTable('notices')
    .set({ due_at: now })
    .where('hold_id', '=', anyBigint(holdIds))
    .where('kind', '=', 'hold_ready')
    .where('status', '=', 'pending')
    .where('push_id', 'is', null)
    // Held back means due on a later day; an e-mail being sent has its due time moved only minutes
    // ahead (its lease), and must not be made due again while it is on its way.
    .where('due_at', '>', new Date(now.getTime() + 3_600_000))
    .execute();
}
