import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkin, checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { STAFF } from '../helpers/actors.js';

/** R-SER-2 over a database: the 受取り可 notices of volumes placed together go out together. */
let database: Database;
let ids: Record<string, string> = {};

beforeAll(async () => {
  database = await testDatabase();
  const titles = ['並べ物語 上', '並べ物語 下', '別の日物語 上', '別の日物語 下'];
  const bibIds = await addTitles(
    database.db,
    titles.map((t, i) => BOOK(t, [[`V${i}`, 'honkan']], { author: '作者 花子' })),
  );
  ids = Object.fromEntries(titles.map((t, i) => [t, bibIds[i]!]));
  await addPatron(database.db, 'READER');
  await addPatron(database.db, 'OTHER');
});
afterAll(async () => database.close());

const hold = (title: string, when: string) =>
  placeHold(
    database.db,
    {
      cardNumber: 'READER',
      bibId: ids[title]!,
      pickupBranch: 'honkan',
      channel: 'counter',
      contact: 'line',
      lineLinked: true,
      actor: STAFF,
    },
    at(when),
  );

const readyNotices = () =>
  database.db
    .selectFrom('notices')
    .innerJoin('holds', 'holds.id', 'notices.hold_id')
    .innerJoin('bibs', 'bibs.id', 'holds.bib_id')
    .select(['bibs.title', 'notices.due_at'])
    .where('notices.kind', '=', 'hold_ready')
    .orderBy('notices.id')
    .execute();

describe('R-SER-2 volumes placed together, collected together', () => {
  it('R-SER-2: 上 ready while 下 waits is announced when 下 is ready, in the same run', async () => {
    // 下 is out on loan; 上 is on the shelf of the pickup branch.
    expect(
      (
        await checkout(
          database.db,
          { cardNumber: 'OTHER', itemBarcode: 'V1', loanPeriodDays: 14 },
          at('2026-12-01 10:00'),
        )
      ).ok,
    ).toBe(true);
    // Placed together (online holds become official together the next morning; here at the counter, 下 first).
    const second = await hold('並べ物語 下', '2026-12-02 10:00');
    const first = await hold('並べ物語 上', '2026-12-02 10:01');
    expect(first.ok && first.value.status).toBe('ready');
    expect(second.ok && second.value.status).toBe('queued');
    let n = await readyNotices();
    expect(n.map((x) => x.title)).toEqual(['並べ物語 上']);
    // Held back, at most until half the shelf period is left: Sat 5 Dec at the end of quiet hours.
    expect(n[0]!.due_at.getTime()).toBe(at('2026-12-05 08:00').getTime());
    // 下 comes back on Friday: both are due then.
    expect((await checkin(database.db, { itemBarcode: 'V1', branch: 'honkan' }, at('2026-12-04 15:00'))).ok).toBe(true);
    n = await readyNotices();
    expect(n.map((x) => x.title)).toEqual(['並べ物語 上', '並べ物語 下']);
    expect(n.map((x) => x.due_at.getTime())).toEqual([
      at('2026-12-04 15:00').getTime(),
      at('2026-12-04 15:00').getTime(),
    ]);
  });

  it('R-SER-2: volumes placed on different days are announced each when ready', async () => {
    expect(
      (
        await checkout(
          database.db,
          { cardNumber: 'OTHER', itemBarcode: 'V3', loanPeriodDays: 14 },
          at('2026-12-01 10:00'),
        )
      ).ok,
    ).toBe(true);
    await hold('別の日物語 下', '2026-12-02 10:00');
    const first = await hold('別の日物語 上', '2026-12-03 10:00');
    expect(first.ok && first.value.status).toBe('ready');
    const n = (await readyNotices()).filter((x) => x.title === '別の日物語 上');
    expect(n.map((x) => x.due_at.getTime())).toEqual([at('2026-12-03 10:00').getTime()]);
  });
});
