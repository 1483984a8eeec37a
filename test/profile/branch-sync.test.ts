import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBranches } from '../../src/db/branches.js';
import type { Database } from '../../src/db/database.js';
import { libraryProfile } from '../../src/profile/active.js';
import type { LibraryProfile } from '../../src/profile/schema.js';
import { addClosedDates, branchCalendar } from '../../src/services/calendar.js';
import { applyProfileToDatabase } from '../../src/services/library-profile.js';
import { onPostgres, testDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());

const edited = (change: (p: LibraryProfile) => void): LibraryProfile => {
  const p = structuredClone(libraryProfile());
  change(p);
  return p;
};

describe(`branches come from the profile at start (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("a fresh database has the profile's branches, names, phones and closing weekdays", async () => {
    const profile = libraryProfile();
    const rows = await listBranches(database.db);
    expect(rows.map((b) => [b.code, b.name, b.phone, b.pickupPoint])).toEqual(
      profile.branches.map((b) => [b.code, b.name, b.phone, b.pickupPoint]),
    );
  });

  it('a changed phone, a new branch and a dropped one need no migration; staff closed dates stay', async () => {
    const [first, second] = libraryProfile().branches;
    await addClosedDates(database.db, ['2031-05-20'], first!.code);
    const next = edited((p) => {
      p.branches[0]!.phone = '099-999-0000';
      p.branches = p.branches.filter((b) => b.code !== second!.code);
      p.branches.push({ ...p.branches[0]!, code: 'test-annex', name: '試験分室', pickupPoint: false });
      p.yearlyClosures = [{ from: '08-13', to: '08-15' }];
    });
    await applyProfileToDatabase(database.db, next);

    const rows = await listBranches(database.db);
    expect(rows.map((b) => b.code)).toEqual(next.branches.map((b) => b.code));
    expect(rows[0]!.phone).toBe('099-999-0000');
    expect(rows.find((b) => b.code === 'test-annex')).toMatchObject({ name: '試験分室', pickupPoint: false });
    // The dropped branch keeps its row (holds and loans of the past name it) but is offered nowhere.
    const kept = await database.db
      .selectFrom('branches')
      .select('in_profile')
      .where('code', '=', second!.code)
      .execute();
    expect(kept).toEqual([{ in_profile: false }]);

    const cal = await branchCalendar(database.db, first!.code, '2031-05-01');
    expect(cal.closedDates.has('2031-05-20')).toBe(true); // staff-added, kept
    expect(cal.closedDates.has('2031-08-14')).toBe(true); // the new yearly closure
    expect(cal.closedDates.has('2030-12-30')).toBe(false); // the old one is gone

    // Applying the same profile again changes nothing (every start does it).
    await applyProfileToDatabase(database.db, next);
    expect((await listBranches(database.db)).map((b) => b.code)).toEqual(next.branches.map((b) => b.code));
    await applyProfileToDatabase(database.db, libraryProfile());
    expect((await listBranches(database.db)).map((b) => b.phone)).toEqual(
      libraryProfile().branches.map((b) => b.phone),
    );
  });
});
