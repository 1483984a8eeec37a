import type { Kysely } from 'kysely';
import { syncBranches } from '../db/branches.js';
import type { DB } from '../db/schema.js';
import type { LibraryProfile } from '../profile/schema.js';
import { weekdayNumber } from '../profile/schema.js';

/**
 * At start: the branches and yearly closures of the database become the profile's, so that adding a
 * branch or changing a phone number is an edit of the profile, never a migration. One transaction:
 * a replica starting at the same time sees the old branches or the new ones, never half.
 */
export async function applyProfileToDatabase(db: Kysely<DB>, profile: LibraryProfile): Promise<void> {
  await db.transaction().execute((tx) =>
    syncBranches(
      tx,
      profile.branches.map((b) => ({
        code: b.code,
        name: b.name,
        phone: b.phone,
        weeklyClosedDays: b.closedWeekdays.map(weekdayNumber),
        pickupPoint: b.pickupPoint,
      })),
      profile.yearlyClosures.map((y) => ({ start: y.from, end: y.to })),
    ),
  );
}
