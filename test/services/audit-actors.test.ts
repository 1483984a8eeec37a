import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorText, type AuditActor } from '../../src/db/audit.js';
import type { Database } from '../../src/db/database.js';
import { checkout } from '../../src/services/circulation.js';
import { cancelHold, placeHold } from '../../src/services/holds.js';
import { renewLoan } from '../../src/services/renewal.js';
import { STAFF } from '../helpers/actors.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { here } from '../helpers/profiles.js';

/** The profile's first pickup point (本館 under Kamagaya). */
const HONKAN = here.pickup(0).code;

const LINE_USER = `U${'a1'.repeat(16)}`;
const IN_LINE: AuditActor = { kind: 'patron', via: 'line', lineUserId: LINE_USER };

describe('actorText: the text audit_log.actor has always held', () => {
  it('names a patron in LINE by the LINE user, on a page by kind, staff and jobs as before', () => {
    expect(actorText(IN_LINE)).toBe(`line:${LINE_USER}`);
    expect(actorText({ kind: 'patron', via: 'page' })).toBe('patron');
    expect(actorText({ kind: 'staff' })).toBe('staff');
    expect(actorText({ kind: 'job', name: 'expire-holds' })).toBe('job:expire-holds');
  });
});

describe('the actor stored by holds, cancels and renewals', () => {
  let database: Database;
  let bibs: string[];
  let patronId: string;

  beforeAll(async () => {
    database = await testDatabase();
    bibs = await addTitles(database.db, [
      BOOK('坊っちゃん', [['A9001', HONKAN]]),
      BOOK('草枕', [['A9002', HONKAN]]),
      BOOK('明暗', [['A9003', HONKAN]]),
    ]);
    patronId = await addPatron(database.db, 'ACT1');
    await addPatron(database.db, 'ACT2');
  });
  afterAll(async () => database.close());

  const actorsOf = async (action: string) =>
    (
      await database.db.selectFrom('audit_log').select('actor').where('action', '=', action).orderBy('id').execute()
    ).map((r) => r.actor);

  it("a patron's hold in LINE is stored as 'patron'; its cancel and the renewal name the LINE user", async () => {
    const placed = await placeHold(
      database.db,
      { cardNumber: 'ACT1', bibId: bibs[0]!, pickupBranch: HONKAN, channel: 'online', actor: IN_LINE },
      at('2026-12-01 10:00'),
    );
    if (!placed.ok) throw new Error(JSON.stringify(placed.failure));
    const cancelled = await cancelHold(
      database.db,
      { holdId: placed.value.id, online: true, patronId, actor: IN_LINE },
      at('2026-12-01 11:00'),
    );
    expect(cancelled.ok).toBe(true);
    const lent = await checkout(
      database.db,
      { cardNumber: 'ACT1', itemBarcode: 'A9002', loanPeriodDays: 14 },
      at('2026-12-01 12:00'),
    );
    if (!lent.ok) throw new Error(JSON.stringify(lent.failure));
    const renewed = await renewLoan(
      database.db,
      { loanId: lent.value.loanId, patronId, actor: IN_LINE },
      at('2026-12-05 10:00'),
    );
    expect(renewed.ok).toBe(true);

    expect(await actorsOf('hold.place')).toEqual(['patron']);
    expect(await actorsOf('hold.cancel')).toEqual([`line:${LINE_USER}`]);
    expect(await actorsOf('loan.checkout')).toEqual(['staff']);
    expect(await actorsOf('loan.renew')).toEqual([`line:${LINE_USER}`]);
  });

  it("a counter hold and the copy trapped for it are stored as 'staff'", async () => {
    const placed = await placeHold(
      database.db,
      { cardNumber: 'ACT2', bibId: bibs[2]!, pickupBranch: HONKAN, channel: 'counter', actor: STAFF },
      at('2026-12-02 10:00'),
    );
    expect(placed.ok && placed.value.status).toBe('ready');
    expect(await actorsOf('hold.place')).toEqual(['patron', 'staff']);
    expect(await actorsOf('hold.trap')).toEqual(['staff']);
  });
});
