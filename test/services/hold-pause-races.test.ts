import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkout } from '../../src/services/circulation.js';
import { pauseHold, resumeHold } from '../../src/services/hold-changes.js';
import { placeHold } from '../../src/services/holds.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { PATRON, STAFF } from '../helpers/actors.js';

/**
 * Issue 26: suspend and resume against the cap (R-RES-2, R-RES-11). On PostgreSQL (DATABASE_URL)
 * the taps really run in parallel over a pool of 20 connections; on PGlite they are serialised.
 * A suspended hold still counts, so no mix of suspend, resume and new holds goes over the cap.
 */
let database: Database;
let bibIds: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  bibIds = await addTitles(
    database.db,
    Array.from({ length: 60 }, (_, i) => BOOK(`停止競合 ${i}`, [[`P${String(i).padStart(4, '0')}`, 'honkan']])),
  );
  await addPatron(database.db, 'HOLDER');
  await addPatron(database.db, 'LENDER');
  // Every copy is out: holds wait in line and no copy is trapped.
  for (let i = 0; i < 60; i++) {
    const r = await checkout(
      database.db,
      { cardNumber: 'LENDER', itemBarcode: `P${String(i).padStart(4, '0')}`, loanPeriodDays: 14 },
      at('2026-11-25 10:00'),
    );
    expect(r.ok).toBe(true);
  }
});
afterAll(async () => database.close());

async function activeHolds(card: string) {
  return database.db
    .selectFrom('holds')
    .innerJoin('patrons', 'patrons.id', 'holds.patron_id')
    .select(['holds.id', 'holds.suspended_until'])
    .where('patrons.card_number', '=', card)
    .where('holds.status', 'in', ['requested', 'queued', 'in_transit', 'ready'])
    .execute();
}

describe('R-RES-11 suspend and resume under concurrency', () => {
  it('R-RES-11: 50 simultaneous taps (suspend, resume, new holds) at 4 holds: never over the cap of 5', async () => {
    const held: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await placeHold(
        database.db,
        { cardNumber: 'HOLDER', bibId: bibIds[i]!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
        at('2026-12-01 10:00'),
      );
      expect(r.ok).toBe(true);
      if (r.ok) held.push(r.value.id);
    }
    const now = at('2026-12-01 10:01');
    const taps = Array.from({ length: 50 }, (_, i) => {
      const hold = held[i % 4]!;
      switch (i % 5) {
        case 0:
          return pauseHold(database.db, { holdId: hold, kind: 'suspend', date: '2026-12-20', actor: PATRON }, now);
        case 1:
          return resumeHold(database.db, { holdId: hold, actor: PATRON }, now);
        case 2:
          return pauseHold(
            database.db,
            { holdId: hold, kind: 'notNeededAfter', date: '2027-01-20', actor: PATRON },
            now,
          );
        default:
          return placeHold(
            database.db,
            { cardNumber: 'HOLDER', bibId: bibIds[4 + i]!, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
            now,
          );
      }
    });
    const results = await Promise.all(taps);
    // Every refusal is a rule's (no deadlock or error reached the patron).
    const codes = new Set(
      results.flatMap((r) => (!r.ok && r.failure.kind === 'refused' ? [r.failure.refusal.code] : [])),
    );
    for (const c of codes) expect(['HOLD_LIMIT_REACHED', 'HOLD_NOT_SUSPENDED']).toContain(c);
    expect(results.every((r) => r.ok || r.failure.kind === 'refused')).toBe(true);
    const active = await activeHolds('HOLDER');
    expect(active).toHaveLength(5);
    // Then every hold suspended at once, and 10 more holds tried: still 5.
    const more = await Promise.all([
      ...active.map((h) =>
        pauseHold(database.db, { holdId: h.id, kind: 'suspend', date: '2026-12-24', actor: PATRON }, now),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        placeHold(
          database.db,
          { cardNumber: 'HOLDER', bibId: bibIds[50 + i]!, pickupBranch: 'honkan', channel: 'phone', actor: STAFF },
          now,
        ),
      ),
    ]);
    expect(more.slice(active.length).every((r) => !r.ok)).toBe(true);
    const after = await activeHolds('HOLDER');
    expect(after).toHaveLength(5);
    expect(after.every((h) => h.suspended_until === '2026-12-24')).toBe(true);
  });

  it('R-RES-11: 50 simultaneous resume taps on one suspended hold: one resumes, the rest are told why', async () => {
    const [h] = await activeHolds('HOLDER');
    const now = at('2026-12-02 10:00');
    const resumes = async () =>
      (
        await database.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'hold.resume')
          .where('hold_id', '=', h!.id)
          .execute()
      ).length;
    const before = await resumes();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => resumeHold(database.db, { holdId: h!.id, actor: PATRON }, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      results.every((r) => r.ok || (r.failure.kind === 'refused' && r.failure.refusal.code === 'HOLD_NOT_SUSPENDED')),
    ).toBe(true);
    expect((await resumes()) - before).toBe(1);
  });
});
