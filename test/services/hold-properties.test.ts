import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { activeHoldsOfBibs } from '../../src/db/holds.js';
import { queuePositions } from '../../src/domain/queue.js';
import { cancelHold, placeHold } from '../../src/services/holds.js';
import { checkin, checkout } from '../../src/services/circulation.js';
import { expireHolds, promoteHolds, type JobContext } from '../../src/services/jobs.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, BOOK } from '../helpers/library.js';
import { PATRON, placedBy, STAFF } from '../helpers/actors.js';
import { here } from '../helpers/profiles.js';

/**
 * Random days at the library: holds from every channel, cancellations, loans, returns at any
 * branch, mornings and expiry runs. Whatever happens, the invariants of R-RES-2 and trapping hold.
 */
// The profile's first three branches (本館, 東部分館, 西部分館 under Kamagaya) hold copies and take
// returns; holds are picked up at its first three pickup points. Enough titles to reach its cap.
const BRANCHES = here.profile.branches.slice(0, 3).map((b) => b.code);
const PICKUPS = [0, 1, 2].map((n) => here.pickup(n % here.profile.branches.filter((b) => b.pickupPoint).length).code);
const LIMIT = here.holdLimit;
const PATRONS = 4;
const TITLES = Math.max(7, LIMIT + 2);

type Command =
  | { kind: 'hold'; patron: number; title: number; channel: 'online' | 'counter' | 'phone'; branch: number }
  | { kind: 'cancel'; patron: number; pick: number }
  | { kind: 'lend'; patron: number; copy: number }
  | { kind: 'return'; copy: number; branch: number }
  | { kind: 'promote' }
  | { kind: 'expire' }
  | { kind: 'nextDay' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('hold' as const),
      patron: fc.nat(PATRONS - 1),
      title: fc.nat(TITLES - 1),
      channel: fc.constantFrom('online' as const, 'counter' as const, 'phone' as const),
      branch: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), patron: fc.nat(PATRONS - 1), pick: fc.nat(4) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('lend' as const),
      patron: fc.nat(PATRONS - 1),
      copy: fc.nat(2 * TITLES - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('return' as const), copy: fc.nat(2 * TITLES - 1), branch: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'promote' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
);

let database: Database;
let run = 0;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.close());

describe('random sequences of circulation', () => {
  it(
    `R-RES-2: never more than ${LIMIT} active holds per patron; a copy is ` +
      'trapped for one hold at most; queue positions are 1..n',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 40 }), async (commands) => {
          const db = database.db;
          const prefix = `X${run++}`;
          const cards = Array.from({ length: PATRONS }, (_, i) => `${prefix}P${i}`);
          for (const c of cards) await addPatron(db, c);
          const bibIds = await addTitles(
            db,
            Array.from({ length: TITLES }, (_, t) =>
              BOOK(`${prefix} 書名 ${t}`, [
                [`${prefix}C${2 * t}`, BRANCHES[0]!],
                [`${prefix}C${2 * t + 1}`, BRANCHES[t % BRANCHES.length]!],
              ]),
            ),
          );
          let now = new Date('2026-12-01T10:00:00+09:00');
          for (const c of commands) {
            switch (c.kind) {
              case 'hold':
                await placeHold(
                  db,
                  {
                    cardNumber: cards[c.patron]!,
                    bibId: bibIds[c.title]!,
                    pickupBranch: PICKUPS[c.branch]!,
                    channel: c.channel,
                    actor: placedBy(c.channel),
                  },
                  now,
                );
                break;
              case 'cancel': {
                const holds = await db
                  .selectFrom('holds')
                  .innerJoin('patrons', 'patrons.id', 'holds.patron_id')
                  .select('holds.id')
                  .where('patrons.card_number', '=', cards[c.patron]!)
                  .orderBy('holds.id')
                  .execute();
                const h = holds[c.pick % Math.max(1, holds.length)];
                if (h)
                  await cancelHold(
                    db,
                    { holdId: h.id, online: c.pick % 2 === 0, actor: c.pick % 2 === 0 ? PATRON : STAFF },
                    now,
                  );
                break;
              }
              case 'lend':
                await checkout(
                  db,
                  { cardNumber: cards[c.patron]!, itemBarcode: `${prefix}C${c.copy}`, loanPeriodDays: 14 },
                  now,
                );
                break;
              case 'return':
                await checkin(
                  db,
                  { itemBarcode: `${prefix}C${c.copy}`, branch: BRANCHES[c.branch % BRANCHES.length]! },
                  now,
                );
                break;
              case 'promote':
                await promoteHolds(jobs(), now);
                break;
              case 'expire':
                await expireHolds(jobs(), now);
                break;
              case 'nextDay':
                now = new Date(now.getTime() + 3 * 86_400_000);
                break;
            }
          }
          const active = await activeHoldsOfBibs(db, bibIds);
          const perPatron = new Map<string, number>();
          for (const h of active) perPatron.set(h.patronId, (perPatron.get(h.patronId) ?? 0) + 1);
          expect(Math.max(0, ...perPatron.values())).toBeLessThanOrEqual(LIMIT);
          const trappedItems = active
            .filter((h) => h.status === 'ready' || h.status === 'in_transit')
            .map((h) => h.itemId);
          expect(new Set(trappedItems).size).toBe(trappedItems.length);
          for (const bibId of bibIds) {
            const positions = [...queuePositions(active.filter((h) => h.bibId === bibId)).values()].sort(
              (a, b) => a - b,
            );
            expect(positions).toEqual(positions.map((_, i) => i + 1));
          }
          // A copy on a hold shelf or in transit belongs to exactly one active hold.
          const items = await db.selectFrom('items').select(['id', 'status']).where('bib_id', 'in', bibIds).execute();
          for (const item of items.filter((i) => i.status === 'on_hold_shelf' || i.status === 'in_transit')) {
            expect(trappedItems).toContain(item.id);
          }
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
      );
    },
  );
});

function jobs(): JobContext {
  return { db: database.db, promoteHoldsHour: 9, deliverNotices: async () => 0 };
}
