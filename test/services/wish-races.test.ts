import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { saveToWishList } from '../../src/services/wish-list.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { PATRON, STAFF } from '../helpers/actors.js';

/**
 * The hold manager and the 読みたいリスト under concurrency (issue 26). On PostgreSQL
 * (DATABASE_URL) the calls really run side by side over the pool; on PGlite they are serialised,
 * and the same assertions must hold.
 */
let database: Database;
let bibIds: string[] = [];
let patronId: string;
const CARD = 'RACE1';

beforeAll(async () => {
  database = await testDatabase();
  bibIds = await addTitles(
    database.db,
    Array.from({ length: 160 }, (_, i) => BOOK(`並行読みたい ${i}`, [[`W${String(i).padStart(4, '0')}`, 'honkan']])),
  );
  patronId = await addPatron(database.db, CARD);
  await database.db
    .insertInto('line_users')
    .values({ line_user_id: `U${'ab'.repeat(16)}`, patron_id: patronId, linked_at: new Date() })
    .execute();
});
afterAll(async () => database.close());

const activeHolds = () =>
  database.db
    .selectFrom('holds')
    .select('id')
    .where('patron_id', '=', patronId)
    .where('status', 'in', ['requested', 'queued', 'in_transit', 'ready'])
    .execute();

describe('the hold manager against the cap (R-WISH-3, R-RES-2)', () => {
  it('R-WISH-3: 50 offer taps at once as two slots free: never over the cap, one offer a slot', async () => {
    // Five holds kept on the shelf (the cap), fifty titles saved.
    for (let i = 0; i < 5; i++) {
      const r = await placeHold(
        database.db,
        { cardNumber: CARD, bibId: bibIds[i]!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
        at('2026-12-02 10:00'),
      );
      expect(r.ok && r.value.status).toBe('ready');
    }
    for (let i = 0; i < 50; i++)
      expect((await saveToWishList(database.db, { patronId, bibId: bibIds[10 + i]! }, at('2026-12-02 10:01'))).ok).toBe(
        true,
      );
    // Two pickups at the counter free two slots while fifty taps end in placeHold (the reserve flow's 送信).
    const pickups = [0, 1].map((i) =>
      checkout(
        database.db,
        { cardNumber: CARD, itemBarcode: `W${String(i).padStart(4, '0')}`, loanPeriodDays: 14 },
        at('2026-12-02 10:05'),
      ),
    );
    const taps = Array.from({ length: 50 }, (_, i) =>
      placeHold(
        database.db,
        { cardNumber: CARD, bibId: bibIds[10 + i]!, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
        at('2026-12-02 10:05'),
      ),
    );
    const [collected, placed] = await Promise.all([Promise.all(pickups), Promise.all(taps)]);
    expect(collected.every((r) => r.ok)).toBe(true);
    const accepted = placed.filter((r) => r.ok).length;
    const refusals = new Set(
      placed.flatMap((r) => (!r.ok && r.failure.kind === 'refused' ? [r.failure.refusal.code] : [])),
    );
    expect([...refusals]).toEqual(['HOLD_LIMIT_REACHED']);
    expect(accepted).toBeLessThanOrEqual(2);
    expect((await activeHolds()).length).toBe(3 + accepted);
    expect((await activeHolds()).length).toBeLessThanOrEqual(5);
    // One offer per freed slot, never two.
    const offers = await database.db
      .selectFrom('notices')
      .select('dedupe_key')
      .where('patron_id', '=', patronId)
      .where('kind', '=', 'wish_offer')
      .execute();
    expect(offers.length).toBeLessThanOrEqual(2);
    expect(new Set(offers.map((o) => o.dedupe_key)).size).toBe(offers.length);
  });

  it('R-WISH-1: 50 saves at once at 95 titles: exactly five are saved, the list stops at 100', async () => {
    await database.db.deleteFrom('wish_list').where('patron_id', '=', patronId).execute();
    for (let i = 0; i < 95; i++)
      await database.db.insertInto('wish_list').values({ patron_id: patronId, bib_id: bibIds[i]! }).execute();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        saveToWishList(database.db, { patronId, bibId: bibIds[100 + i]! }, at('2026-12-02 11:00')),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refusals = new Set(
      results.flatMap((r) => (!r.ok && r.failure.kind === 'refused' ? [r.failure.refusal.code] : [])),
    );
    expect([...refusals]).toEqual(['WISH_LIST_FULL']);
    const n = await database.db.selectFrom('wish_list').select('bib_id').where('patron_id', '=', patronId).execute();
    expect(n).toHaveLength(100);
  });
});
