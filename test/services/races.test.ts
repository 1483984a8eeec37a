import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkin, checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { expireHolds, type JobContext } from '../../src/services/jobs.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { PATRON, STAFF } from '../helpers/actors.js';
import { here } from '../helpers/profiles.js';

/** The profile's first pickup point and hold cap (本館 and 5 under Kamagaya). */
const HONKAN = here.pickup(0).code;
const LIMIT = here.holdLimit;

/**
 * Concurrent requests against one database. On PostgreSQL (DATABASE_URL) they really run in
 * parallel over a pool of 20 connections; on PGlite they are serialised, and the same
 * assertions must hold.
 */
let database: Database;
let bibIds: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  bibIds = await addTitles(
    database.db,
    Array.from({ length: 60 }, (_, i) =>
      BOOK(`並行テスト ${i}`, [
        [`R${String(i).padStart(4, '0')}`, HONKAN],
        [`S${String(i).padStart(4, '0')}`, HONKAN],
      ]),
    ),
  );
});
afterAll(async () => database.close());

describe('holds under concurrency', () => {
  it(`R-RES-2: 50 simultaneous holds for a patron at ${LIMIT - 1} holds: exactly one is taken`, async () => {
    await addPatron(database.db, 'FOUR');
    for (let i = 0; i < LIMIT - 1; i++) {
      const r = await placeHold(
        database.db,
        { cardNumber: 'FOUR', bibId: bibIds[i]!, pickupBranch: HONKAN, channel: 'online', actor: PATRON },
        at('2026-12-01 10:00'),
      );
      expect(r.ok).toBe(true);
    }
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        placeHold(
          database.db,
          {
            cardNumber: 'FOUR',
            bibId: bibIds[LIMIT - 1 + i]!,
            pickupBranch: HONKAN,
            channel: i % 2 ? 'online' : 'phone',
            actor: i % 2 ? PATRON : STAFF,
          },
          at('2026-12-01 10:01'),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refusals = results.flatMap((r) => (!r.ok && r.failure.kind === 'refused' ? [r.failure.refusal.code] : []));
    expect(new Set(refusals)).toEqual(new Set(['HOLD_LIMIT_REACHED']));
    const active = await database.db
      .selectFrom('holds')
      .innerJoin('patrons', 'patrons.id', 'holds.patron_id')
      .select('holds.id')
      .where('patrons.card_number', '=', 'FOUR')
      .where('holds.status', 'in', ['requested', 'queued', 'in_transit', 'ready'])
      .execute();
    expect(active).toHaveLength(LIMIT);
  });

  it(
    '20 simultaneous check-ins and expiry runs on one title trap each ' +
      'copy for one hold, and each hold gets one copy',
    async () => {
      const bib = bibIds[59]!;
      const cards = Array.from({ length: 20 }, (_, i) => `Q${i}`);
      for (const c of cards) await addPatron(database.db, c);
      await addPatron(database.db, 'BORROWER');
      for (const b of ['R0059', 'S0059']) {
        const r = await checkout(
          database.db,
          { cardNumber: 'BORROWER', itemBarcode: b, loanPeriodDays: 14 },
          at('2026-12-01 09:30'),
        );
        expect(r.ok).toBe(true);
      }
      for (const c of cards) {
        const r = await placeHold(
          database.db,
          { cardNumber: c, bibId: bib, pickupBranch: HONKAN, channel: 'counter', actor: STAFF },
          at('2026-12-01 10:00'),
        );
        expect(r.ok).toBe(true);
      }
      const jobs: JobContext = { db: database.db, promoteHoldsHour: 9, deliverNotices: async () => 0 };
      const when = at('2026-12-02 10:00');
      await Promise.all([
        ...Array.from({ length: 10 }, () => checkin(database.db, { itemBarcode: 'R0059', branch: HONKAN }, when)),
        ...Array.from({ length: 10 }, () => checkin(database.db, { itemBarcode: 'S0059', branch: HONKAN }, when)),
        expireHolds(jobs, when),
        expireHolds(jobs, when),
      ]);
      const trapped = await database.db
        .selectFrom('holds')
        .select(['id', 'item_id', 'status'])
        .where('bib_id', '=', bib)
        .where('status', 'in', ['ready', 'in_transit'])
        .execute();
      expect(trapped).toHaveLength(2);
      expect(new Set(trapped.map((h) => h.item_id)).size).toBe(2);
      const queued = await database.db
        .selectFrom('holds')
        .select('id')
        .where('bib_id', '=', bib)
        .where('status', '=', 'queued')
        .execute();
      expect(queued).toHaveLength(18);
    },
  );
});
