import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkout } from '../../src/services/circulation.js';
import { pauseHold } from '../../src/services/hold-changes.js';
import { placeHold } from '../../src/services/holds.js';
import { JOBS, type JobContext } from '../../src/services/jobs.js';
import { saveToWishList } from '../../src/services/wish-list.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { STAFF } from '../helpers/actors.js';

/** R-WISH-3 with R-RES-12: a hold cancelled because it is not needed any more frees a slot too. */
let database: Database;
let jobs: JobContext;
let patronId: string;
let ids: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  jobs = { db: database.db, promoteHoldsHour: 9, deliverNotices: async () => 0 };
  ids = await addTitles(database.db, [
    BOOK('不要になる本', [['L1', 'honkan']]),
    BOOK('次に読む本', [['L2', 'honkan']]),
  ]);
  patronId = await addPatron(database.db, 'LAPSE');
  await addPatron(database.db, 'OUT');
  await database.db
    .insertInto('line_users')
    .values({ line_user_id: `U${'cd'.repeat(16)}`, patron_id: patronId, linked_at: new Date() })
    .execute();
  await checkout(database.db, { cardNumber: 'OUT', itemBarcode: 'L1', loanPeriodDays: 14 }, at('2026-11-20 10:00'));
});
afterAll(async () => database.close());

describe('R-WISH-3 after a hold lapses (R-RES-12)', () => {
  it('R-WISH-3: the pause-holds job cancelling a lapsed hold offers the top wish-list title, once', async () => {
    const hold = await placeHold(
      database.db,
      { cardNumber: 'LAPSE', bibId: ids[0]!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
      at('2026-11-21 11:00'),
    );
    expect(hold.ok).toBe(true);
    const holdId = hold.ok ? hold.value.id : '';
    const set = await pauseHold(
      database.db,
      { holdId, kind: 'notNeededAfter', date: '2026-12-03', actor: STAFF },
      at('2026-12-01 10:00'),
    );
    expect(set.ok).toBe(true);
    expect((await saveToWishList(database.db, { patronId, bibId: ids[1]! }, at('2026-12-01 10:00'))).ok).toBe(true);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-04 00:05'))).toBe(1);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-04 00:06'))).toBe(0);
    const offers = await database.db
      .selectFrom('notices')
      .select(['payload', 'dedupe_key'])
      .where('patron_id', '=', patronId)
      .where('kind', '=', 'wish_offer')
      .execute();
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ payload: { title: '次に読む本' }, dedupe_key: `wish_offer:${holdId}` });
  });
});
