import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkin, checkout } from '../../src/services/circulation.js';
import { changePickupBranch, pauseHold, resumeHold } from '../../src/services/hold-changes.js';
import { placeHold } from '../../src/services/holds.js';
import { JOBS, type JobContext } from '../../src/services/jobs.js';
import { patronOverview } from '../../src/services/patrons.js';
import { setReminderChoices } from '../../src/services/reminder-choices.js';
import { saveToWishList } from '../../src/services/wish-list.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { PATRON, STAFF } from '../helpers/actors.js';

// Issue 26 in the services: a suspended hold passed over at checkin and back in its place after,
// the pause-holds job (suspensions ended, 不要日 passed: one notice), overdue notices, reminder choices.
let database: Database;
let jobs: JobContext;
let bib: Record<string, string> = {};

beforeAll(async () => {
  database = await testDatabase();
  jobs = { db: database.db, promoteHoldsHour: 9, deliverNotices: async () => 0 };
  const ids = await addTitles(database.db, [
    BOOK('停止', [['2001', 'honkan']]),
    BOOK('不要', [['2002', 'honkan']]),
    BOOK('延滞', [['2003', 'honkan']]),
    BOOK('受取', [['2004', 'honkan']]),
  ]);
  bib = { pause: ids[0]!, lapse: ids[1]!, overdue: ids[2]!, pickup: ids[3]! };
  for (const p of ['A', 'B', 'C']) await addPatron(database.db, p, { email: `${p.toLowerCase()}@example.jp` });
  // Every copy is out: holds wait in line.
  for (const b of ['2001', '2002', '2004'])
    await checkout(database.db, { cardNumber: 'C', itemBarcode: b, loanPeriodDays: 14 }, at('2026-11-20 10:00'));
  await checkout(database.db, { cardNumber: 'A', itemBarcode: '2003', loanPeriodDays: 14 }, at('2026-11-01 10:00'));
});
afterAll(async () => database.close());

const counterHold = async (card: string, bibId: string, now: Date, contact: 'none' | 'email' = 'email') => {
  const r = await placeHold(
    database.db,
    { cardNumber: card, bibId, pickupBranch: 'honkan', channel: 'counter', contact, actor: STAFF },
    now,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value.id;
};

async function holdRow(id: string) {
  return database.db.selectFrom('holds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('R-RES-11 a suspended hold at the counter and in the job', () => {
  it('R-RES-11: a copy returned passes over the suspended first hold to the next; the first keeps 1位', async () => {
    const first = await counterHold('A', bib.pause!, at('2026-11-21 10:00'));
    const second = await counterHold('B', bib.pause!, at('2026-11-22 10:00'));
    const p = await pauseHold(
      database.db,
      { holdId: first, kind: 'suspend', date: '2026-12-05', patronId: undefined, actor: STAFF },
      at('2026-12-01 10:00'),
    );
    expect(p.ok).toBe(true);
    const r = await checkin(database.db, { itemBarcode: '2001', branch: 'honkan' }, at('2026-12-01 11:00'));
    expect(r.ok && r.value.trappedHoldId).toBe(second);
    expect((await holdRow(first)).status).toBe('queued');
    const a = (await patronOverview(database.db, 'A'))!.holds.find((h) => h.holdId === first)!;
    expect(a.position).toBe(1);
  });
  it('R-RES-11: resumed by itself the day after its date (the job clears it); a second run does nothing', async () => {
    const [first] = (await patronOverview(database.db, 'A'))!.holds.filter((h) => h.bibId === bib.pause);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-05 23:00'))).toBe(0);
    expect((await holdRow(first!.holdId)).suspended_until).toBe('2026-12-05');
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-06 00:05'))).toBe(1);
    expect((await holdRow(first!.holdId)).suspended_until).toBeNull();
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-06 00:10'))).toBe(0);
  });
  it('R-RES-11: resumed early by the patron; then resuming again is refused with the reason', async () => {
    const id = await counterHold('B', bib.lapse!, at('2026-11-21 10:00'));
    expect(
      (
        await pauseHold(
          database.db,
          { holdId: id, kind: 'suspend', date: '2026-12-10', patronId: undefined, actor: STAFF },
          at('2026-12-01 10:00'),
        )
      ).ok,
    ).toBe(true);
    const r = await resumeHold(
      database.db,
      { holdId: id, actor: PATRON, patronId: (await holdRow(id)).patron_id },
      at('2026-12-02 10:00'),
    );
    expect(r.ok).toBe(true);
    const again = await resumeHold(database.db, { holdId: id, actor: STAFF }, at('2026-12-02 10:01'));
    expect(!again.ok && again.failure.kind === 'refused' && again.failure.refusal.code).toBe('HOLD_NOT_SUSPENDED');
    // Another patron's hold is not found for them.
    const other = await resumeHold(
      database.db,
      { holdId: id, actor: PATRON, patronId: '999999' },
      at('2026-12-02 10:02'),
    );
    expect(!other.ok && other.failure.kind).toBe('not_found');
  });
});

describe('R-RES-12 not needed after a date', () => {
  it('R-RES-12: a hold still waiting after its 不要日 is cancelled with exactly one notice', async () => {
    const id = await counterHold('A', bib.lapse!, at('2026-11-21 11:00'));
    const set = await pauseHold(
      database.db,
      { holdId: id, kind: 'notNeededAfter', date: '2026-12-03', actor: STAFF },
      at('2026-12-01 10:00'),
    );
    expect(set.ok).toBe(true);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-03 23:00'))).toBe(0);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-04 00:05'))).toBe(1);
    expect(await JOBS['pause-holds']!(jobs, at('2026-12-04 00:06'))).toBe(0);
    const row = await holdRow(id);
    expect(row.status).toBe('cancelled');
    expect(row.close_reason).toBe('not needed after');
    const notices = await database.db
      .selectFrom('notices')
      .select(['kind', 'payload'])
      .where('hold_id', '=', id)
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'hold_not_needed',
      payload: { title: '不要', notNeededAfter: '2026-12-03' },
    });
  });
});

describe('R-RES-10 pickup change at the service', () => {
  it('R-RES-10: moves a waiting hold and keeps officialAt; refuses an unknown branch', async () => {
    const id = await counterHold('A', bib.pickup!, at('2026-11-21 12:00'));
    const before = await holdRow(id);
    const r = await changePickupBranch(
      database.db,
      { holdId: id, branch: 'tobu', actor: STAFF },
      at('2026-12-01 10:00'),
    );
    expect(r.ok && r.value.branchName).toBe('東部分館');
    const after = await holdRow(id);
    expect(after.pickup_branch).toBe('tobu');
    expect(after.official_at).toEqual(before.official_at);
    const bad = await changePickupBranch(
      database.db,
      { holdId: id, branch: 'nowhere', actor: STAFF },
      at('2026-12-01 10:00'),
    );
    expect(!bad.ok && bad.failure.kind === 'refused' && bad.failure.refusal.code).toBe('PICKUP_BRANCH_UNKNOWN');
  });
});

describe('R-NOTE-1 overdue notices', () => {
  it('R-NOTE-1: the day after the due date, then weekly, three in all, each exactly once', async () => {
    // Due 2026-11-15 (checked out 11-01 for 14 days).
    const count = async () =>
      (await database.db.selectFrom('notices').select('payload').where('kind', '=', 'overdue_notice').execute())
        .map((n) => n.payload as { number: number; title: string })
        .filter((p) => p.title === '延滞')
        .map((p) => p.number);
    await JOBS['overdue-notices']!(jobs, at('2026-11-15 07:35'));
    expect(await count()).toEqual([]);
    await JOBS['overdue-notices']!(jobs, at('2026-11-16 07:35'));
    await JOBS['overdue-notices']!(jobs, at('2026-11-16 07:40'));
    expect(await count()).toEqual([1]);
    await JOBS['overdue-notices']!(jobs, at('2026-11-23 07:35'));
    await JOBS['overdue-notices']!(jobs, at('2026-11-30 07:35'));
    await JOBS['overdue-notices']!(jobs, at('2026-12-07 07:35'));
    expect(await count()).toEqual([1, 2, 3]);
  });
});

describe('R-NOTE-2 reminder choices in the reminders job', () => {
  it('R-NOTE-2: a patron who chose "none" gets no due reminder; one who chose 3 days gets it then', async () => {
    await checkout(
      database.db,
      { cardNumber: 'B', itemBarcode: '2003', loanPeriodDays: 14 },
      at('2026-12-01 10:00'),
    ).catch(() => undefined);
    const ids = await addTitles(database.db, [BOOK('通知', [['2005', 'honkan']]), BOOK('通知2', [['2006', 'honkan']])]);
    expect(ids).toHaveLength(2);
    await checkout(database.db, { cardNumber: 'B', itemBarcode: '2005', loanPeriodDays: 14 }, at('2026-12-01 10:00'));
    await checkout(database.db, { cardNumber: 'C', itemBarcode: '2006', loanPeriodDays: 14 }, at('2026-12-01 10:00'));
    const patronId = async (card: string) => (await patronOverview(database.db, card))!.patron.id;
    await setReminderChoices(
      database.db,
      { patronId: await patronId('B'), dueDays: 3, actor: PATRON },
      at('2026-12-01 11:00'),
    );
    await setReminderChoices(
      database.db,
      { patronId: await patronId('C'), dueDays: 0, actor: PATRON },
      at('2026-12-01 11:00'),
    );
    // Due 2026-12-15: B's reminder on 12-12 (3 days before); C none at all.
    await JOBS['send-reminders']!(jobs, at('2026-12-12 07:30'));
    await JOBS['send-reminders']!(jobs, at('2026-12-13 07:30'));
    const due = await database.db
      .selectFrom('notices')
      .innerJoin('patrons', 'patrons.id', 'notices.patron_id')
      .select(['patrons.card_number', 'notices.created_at'])
      .where('notices.kind', '=', 'due_reminder')
      .execute();
    expect(due.map((d) => d.card_number).sort()).toEqual(['B']);
  });
});

describe('R-NOTE-2 the pickup reminder turned off', () => {
  it('R-NOTE-2: a ready hold of a patron who turned the pickup reminder off gets no pickup reminder', async () => {
    const ids = await addTitles(database.db, [BOOK('受取通知', [['2007', 'honkan']])]);
    await addPatron(database.db, 'D', { email: 'd@example.jp' });
    await addPatron(database.db, 'E', { email: 'e@example.jp' });
    const patronId = async (card: string) => (await patronOverview(database.db, card))!.patron.id;
    await setReminderChoices(
      database.db,
      { patronId: await patronId('D'), pickup: false, actor: PATRON },
      at('2026-12-01 09:00'),
    );
    // D's hold is ready at once (the copy is on the shelf); E's would be if D's were not.
    const d = await counterHold('D', ids[0]!, at('2026-12-01 10:00'));
    expect((await holdRow(d)).status).toBe('ready');
    const deadline = (await holdRow(d)).pickup_deadline!;
    for (const day of ['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'])
      await JOBS['send-reminders']!(jobs, at(`${day} 07:30`));
    const reminders = await database.db
      .selectFrom('notices')
      .select('id')
      .where('kind', '=', 'pickup_reminder')
      .where('hold_id', '=', d)
      .execute();
    expect(deadline >= '2026-12-08').toBe(true);
    expect(reminders).toHaveLength(0);
    // Turned on again, it comes.
    await setReminderChoices(
      database.db,
      { patronId: await patronId('D'), pickup: true, actor: PATRON },
      at('2026-12-01 09:00'),
    );
    await JOBS['send-reminders']!(jobs, at(`${deadline} 07:30`));
    const after = await database.db
      .selectFrom('notices')
      .select('id')
      .where('kind', '=', 'pickup_reminder')
      .where('hold_id', '=', d)
      .execute();
    expect(after).toHaveLength(1);
  });
});

describe('R-RES-12 and the hold manager', () => {
  it('R-RES-12: a hold cancelled after its 不要日 frees a slot: the top wish-list title is offered once', async () => {
    const ids = await addTitles(database.db, [
      BOOK('不要日の本', [['2008', 'honkan']]),
      BOOK('読みたい本', [['2009', 'tobu']]),
    ]);
    await addPatron(database.db, 'W', { email: 'w@example.jp' });
    await checkout(database.db, { cardNumber: 'C', itemBarcode: '2008', loanPeriodDays: 14 }, at('2026-12-01 10:00'));
    const patronId = (await patronOverview(database.db, 'W'))!.patron.id;
    // The hold manager offers in LINE: W is logged in there.
    await database.db
      .insertInto('line_users')
      .values({ line_user_id: `U${'a'.repeat(32)}`, patron_id: patronId, linked_at: at('2026-12-01 09:00') })
      .execute();
    expect((await saveToWishList(database.db, { patronId, bibId: ids[1]! }, at('2026-12-01 10:00'))).ok).toBe(true);
    const id = await counterHold('W', ids[0]!, at('2026-12-01 10:00'));
    await pauseHold(
      database.db,
      { holdId: id, kind: 'notNeededAfter', date: '2026-12-02', actor: STAFF },
      at('2026-12-01 10:05'),
    );
    await JOBS['pause-holds']!(jobs, at('2026-12-03 00:05'));
    await JOBS['pause-holds']!(jobs, at('2026-12-03 00:10'));
    const offers = await database.db.selectFrom('notices').select('kind').where('patron_id', '=', patronId).execute();
    expect(offers.map((o) => o.kind).sort()).toEqual(['hold_not_needed', 'wish_offer']);
  });
});
