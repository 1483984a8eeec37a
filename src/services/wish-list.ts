import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { findBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';
import { activeHoldsOfBibs } from '../db/holds.js';
import { findPatron } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import {
  addToWishList,
  copiesOfBibs,
  isOnWishList,
  removeFromWishList,
  wishListCount,
  wishListOf,
} from '../db/wish-list.js';
import type { Refusal } from '../domain/refusals.js';
import { WISH_LIST_CAP, wishAvailability, wishListRefusal, type WishAvailability } from '../domain/wish-list.js';
import { inTransaction, notFound, ok, refused, type Outcome } from './errors.js';
import { checkHold } from './hold-check.js';
import { reserveRefusalOf } from './patron-eligibility.js';

/**
 * R-WISH-1: saves a title to the patron's 読みたいリスト. The patron row is locked first, so two
 * saves at once are counted one after the other and the list never passes the cap.
 */
export async function saveToWishList(
  db: Kysely<DB>,
  req: { patronId: string; bibId: string },
  now: Date,
): Promise<Outcome<{ title: string; count: number; cap: number }>> {
  return inTransaction(db, async (tx) => {
    const patron = await findPatron(tx, req.patronId, { forUpdate: true });
    if (!patron) return notFound('patron', req.patronId);
    const bib = await findBib(tx, req.bibId);
    if (!bib) return notFound('bib', req.bibId);
    const saved = await wishListCount(tx, patron.id);
    const refusal = wishListRefusal({ alreadySaved: await isOnWishList(tx, patron.id, bib.id), saved }, WISH_LIST_CAP);
    if (refusal) return refused(refusal);
    await addToWishList(tx, patron.id, bib.id, now);
    return ok({ title: bib.title, count: saved + 1, cap: WISH_LIST_CAP });
  });
}

/** Removes a title; `removed: false` when it was not there (a second tap on 削除). */
export async function removeFromWish(
  db: Executor,
  req: { patronId: string; bibId: string },
): Promise<Outcome<{ title: string; removed: boolean }>> {
  const bib = /^\d{1,18}$/.test(req.bibId) ? await findBib(db, req.bibId) : undefined;
  if (!bib) return notFound('bib', req.bibId);
  return ok({ title: bib.title, removed: await removeFromWishList(db, req.patronId, bib.id) });
}

export interface WishListEntry {
  bibId: string;
  title: string;
  author: string | null;
  availability: WishAvailability & { branchNames: string[] };
  /** The patron's usual pickup branch, when the title is on its shelf (R-WISH-2). */
  usualBranchName: string | null;
  /** Why 予約申込 is not offered for it now, or null (it is offered). */
  reserve: Refusal | null;
}

export interface WishListView {
  count: number;
  cap: number;
  page: number;
  entries: WishListEntry[];
}

export const WISH_PAGE = 10;

/**
 * R-WISH-2: one page of the list with each title's availability now (where it is on the shelf,
 * the patron's usual branch first; else on loan) and whether the patron may reserve it now.
 */
export async function wishListView(
  db: Executor,
  patronId: string,
  page: number,
  now: Date,
  perPage = WISH_PAGE,
): Promise<Outcome<WishListView>> {
  const patron = await findPatron(db, patronId);
  if (!patron) return notFound('patron', patronId);
  const all = await wishListOf(db, patronId);
  const last = Math.max(0, Math.ceil(all.length / perPage) - 1);
  const p = Math.min(Math.max(0, page), last);
  const shown = all.slice(p * perPage, (p + 1) * perPage);
  const ids = shown.map((w) => w.bibId);
  const copies = await copiesOfBibs(db, ids);
  const holds = await activeHoldsOfBibs(db, ids);
  const branches = await listBranches(db);
  const name = (code: string) => branches.find((b) => b.code === code)?.name ?? code;
  const usual = patron.lastPickupBranch;
  const eligibility = reserveRefusalOf(patron, now);
  const entries: WishListEntry[] = [];
  for (const w of shown) {
    const bib = await findBib(db, w.bibId);
    const a = wishAvailability(
      copies.filter((c) => c.bibId === w.bibId),
      holds.filter((h) => h.bibId === w.bibId).length,
      usual,
      bib?.latestIssue ?? false,
    );
    const check = eligibility ? null : await checkHold(db, patron, w.bibId, 'online', now);
    entries.push({
      bibId: w.bibId,
      title: w.title,
      author: w.author,
      availability: { ...a, branchNames: a.kind === 'onShelf' ? a.branches.map(name) : [] },
      usualBranchName: a.kind === 'onShelf' && a.atUsualBranch && usual ? name(usual) : null,
      reserve: eligibility ?? (check && !check.ok && check.failure.kind === 'refused' ? check.failure.refusal : null),
    });
  }
  return ok({ count: all.length, cap: WISH_LIST_CAP, page: p, entries });
}
