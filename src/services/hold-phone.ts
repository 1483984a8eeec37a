import { listBranches } from '../db/branches.js';
import { findBib } from '../db/catalog.js';
import type { Executor } from '../db/executor.js';

/** A hold's title and pickup branch as the patron reads them. */
export async function withPhoneOfPickup(
  db: Executor,
  hold: { bibId: string; pickupBranch: string },
): Promise<{ title: string; branchName: string; phone: string }> {
  const b = (await listBranches(db)).find((x) => x.code === hold.pickupBranch);
  return {
    title: (await findBib(db, hold.bibId))?.title ?? '',
    branchName: b?.name ?? hold.pickupBranch,
    phone: b?.phone ?? '',
  };
}
