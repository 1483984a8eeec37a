import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { findItemByBarcode } from '../../src/db/catalog.js';
import { findHold } from '../../src/db/holds.js';
import { checkin, checkout, arriveInTransit } from '../../src/services/circulation.js';
import { cancelHold, placeHold } from '../../src/services/holds.js';
import { expireHolds, promoteHolds, type JobContext } from '../../src/services/jobs.js';
import { patronOverview } from '../../src/services/patrons.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { ONLINE, PATRON, placedBy, STAFF } from '../helpers/actors.js';

let database: Database;
let jobs: JobContext;
let bib: Record<string, string> = {};

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  jobs = { db, promoteHoldsHour: 9, deliverNotices: async () => 0 };
  const ids = await addTitles(db, [
    BOOK('こころ', [['1001', 'honkan']]),
    BOOK('坊っちゃん', [
      ['1002', 'honkan'],
      ['1003', 'tobu'],
    ]),
    { title: '交響曲第9番', materialType: 'cd', items: [{ barcode: '1004', branch: 'honkan', callNumber: 'CD 764' }] },
    BOOK('三四郎', [['1005', 'honkan']]),
    BOOK('それから', [['1006', 'honkan']]),
    BOOK('門', [['1007', 'honkan']]),
    BOOK('草枕', [['1008', 'honkan']]),
    BOOK('虞美人草', [['1009', 'honkan']]),
    BOOK('行人', [['1010', 'seibu']]),
  ]);
  bib = Object.fromEntries(
    ['kokoro', 'botchan', 'cd', 'sanshiro', 'sorekara', 'mon', 'kusamakura', 'gubijinso', 'kojin'].map((k, i) => [
      k,
      ids[i]!,
    ]),
  );
  await addPatron(db, 'P1');
  await addPatron(db, 'P2');
  await addPatron(db, 'P3');
  await addPatron(db, 'OUT', { residency: 'none' });
  await addPatron(db, 'KID', { birthDate: '2021-01-10' });
  await addPatron(db, 'NOPW', { password: false });
  await addPatron(db, 'DIS', { disabilityService: true });
  // Every copy of 'こころ' and '行人' is out, so holds on them wait in line.
  await checkout(db, { cardNumber: 'P3', itemBarcode: '1001', loanPeriodDays: 14 }, at('2026-11-25 10:00'));
  await checkout(db, { cardNumber: 'P3', itemBarcode: '1010', loanPeriodDays: 14 }, at('2026-11-25 10:00'));
});
afterAll(async () => database.close());

const hold = (
  card: string,
  bibKey: string,
  channel: 'online' | 'counter' | 'phone',
  now: Date,
  pickupBranch = 'honkan',
) => {
  const actor = placedBy(channel);
  return placeHold(database.db, { cardNumber: card, bibId: bib[bibKey]!, pickupBranch, channel, actor }, now);
};

describe('placing holds', () => {
  it('R-RES-1: a CD cannot be reserved, from any channel', async () => {
    for (const channel of ['online', 'counter'] as const) {
      const r = await hold('P1', 'cd', channel, at('2026-12-01 10:00'));
      expect(r.ok ? null : r.failure).toEqual({ kind: 'refused', refusal: { code: 'NOT_RESERVABLE_AV' } });
    }
  });

  it(
    'R-ELIG-2: online holds are refused for a non-resident, a preschool child, ' +
      'a patron without password and a disability-service patron',
    async () => {
      const codes = [];
      for (const card of ['OUT', 'KID', 'NOPW', 'DIS']) {
        const r = await hold(card, 'sanshiro', 'online', at('2026-12-01 10:00'));
        codes.push(r.ok ? 'ok' : r.failure.kind === 'refused' ? r.failure.refusal.code : r.failure.kind);
      }
      expect(codes).toEqual(['NOT_RESIDENT', 'NOT_ELEMENTARY_AGE', 'NO_PASSWORD', 'DISABILITY_SERVICE']);
    },
  );

  it(
    'R-RES-3: an online hold is 依頼中 until the morning of the next opening ' +
      'day; a counter hold is official at once and stays ahead',
    async () => {
      // Saturday evening online, Sunday 08:30 at the counter; Sunday is an opening day.
      const online = await hold('P1', 'kokoro', 'online', at('2026-11-28 19:00'));
      expect(online.ok && online.value.status).toBe('requested');
      const counter = await hold('P2', 'kokoro', 'counter', at('2026-11-29 08:30'));
      expect(counter.ok && counter.value.status).toBe('queued');

      expect(await promoteHolds(jobs, at('2026-11-29 08:59'))).toBe(0);
      expect(await promoteHolds(jobs, at('2026-11-29 09:00'))).toBe(1);
      const p1 = await patronOverview(database.db, 'P1');
      const p2 = await patronOverview(database.db, 'P2');
      expect(p2!.holds.find((h) => h.bibId === bib.kokoro)).toMatchObject({ status: 'queued', position: 1 });
      expect(p1!.holds.find((h) => h.bibId === bib.kokoro)).toMatchObject({ status: 'queued', position: 2 });
    },
  );

  it('R-RES-3: a hold placed online on Sunday waits past the closed Monday until Tuesday morning', async () => {
    const r = await hold('P2', 'kojin', 'online', at('2026-11-29 15:00'));
    expect(r.ok).toBe(true);
    await promoteHolds(jobs, at('2026-11-30 10:00'));
    expect((await findHold(database.db, r.ok ? r.value.id : ''))!.status).toBe('requested');
    await promoteHolds(jobs, at('2026-12-01 09:00'));
    expect((await findHold(database.db, r.ok ? r.value.id : ''))!.status).toBe('queued');
  });

  it('refuses a second hold on one title, and a hold on a title the patron has on loan', async () => {
    const again = await hold('P2', 'kokoro', 'phone', at('2026-12-01 10:00'));
    expect(!again.ok && again.failure.kind === 'refused' && again.failure.refusal.code).toBe('ALREADY_HOLDING_TITLE');
    const onLoan = await hold('P3', 'kokoro', 'counter', at('2026-12-01 10:00'));
    expect(!onLoan.ok && onLoan.failure.kind === 'refused' && onLoan.failure.refusal.code).toBe(
      'TITLE_ON_LOAN_TO_PATRON',
    );
  });

  it(
    'R-RES-2: the 5th hold is taken and the 6th refused, ' + 'counting counter, phone and online holds together',
    async () => {
      // P1 holds こころ (online, now official); add 3 more from other channels, then the 5th and 6th.
      expect((await hold('P1', 'sanshiro', 'counter', at('2026-12-01 10:00'))).ok).toBe(true);
      expect((await hold('P1', 'sorekara', 'phone', at('2026-12-01 10:00'))).ok).toBe(true);
      expect((await hold('P1', 'mon', 'online', at('2026-12-01 10:00'))).ok).toBe(true);
      const fifth = await hold('P1', 'kusamakura', 'counter', at('2026-12-01 10:01'));
      expect(fifth.ok).toBe(true);
      const sixth = await hold('P1', 'gubijinso', 'online', at('2026-12-01 10:02'));
      expect(sixth.ok ? null : sixth.failure).toMatchObject({
        kind: 'refused',
        refusal: { code: 'HOLD_LIMIT_REACHED' },
      });
      expect((await patronOverview(database.db, 'P1'))!.holds).toHaveLength(5);
    },
  );
});

describe('copies going to holds', () => {
  it(
    'R-RES-8: a returned copy is ready at the pickup branch with a deadline ' +
      '7 opening days on, and can be lent only to that patron',
    async () => {
      // こころ comes back on Tuesday 1 Dec at 本館: P2 is first in line.
      const r = await checkin(database.db, { itemBarcode: '1001', branch: 'honkan' }, at('2026-12-01 11:00'));
      expect(r.ok).toBe(true);
      const p2 = await patronOverview(database.db, 'P2');
      // Secured Tue 1 Dec; opening days from Wed 2 Dec, skipping Monday 7 Dec: 2,3,4,5,6,8,9.
      expect(p2!.holds.find((h) => h.bibId === bib.kokoro)).toMatchObject({
        status: 'ready',
        pickupDeadline: '2026-12-09',
      });
      const other = await checkout(
        database.db,
        { cardNumber: 'P1', itemBarcode: '1001', loanPeriodDays: 14 },
        at('2026-12-02 10:00'),
      );
      expect(!other.ok && other.failure.kind === 'refused' && other.failure.refusal.code).toBe(
        'ITEM_TRAPPED_FOR_OTHER_PATRON',
      );
    },
  );

  it('R-CAN-2: a 受取り可 hold cannot be cancelled online; the patron is given the branch phone number', async () => {
    const h = (await patronOverview(database.db, 'P2'))!.holds.find((x) => x.bibId === bib.kokoro)!;
    const r = await cancelHold(database.db, { holdId: h.holdId, online: true, actor: PATRON }, at('2026-12-02 10:00'));
    expect(r.ok ? null : r.failure).toEqual({
      kind: 'refused',
      refusal: { code: 'HOLD_NOT_CANCELLABLE_READY', params: { branchName: '本館', phone: '047-445-1010' } },
    });
  });

  it('R-RES-8: after the deadline the hold expires and the copy goes to the next patron in line', async () => {
    expect(await expireHolds(jobs, at('2026-12-09 23:00'))).toBe(0);
    // P2's こころ, and P1's counter holds on 三四郎, それから and 草枕, whose copies were on the
    // shelf on 1 Dec and so were ready at once with the same deadline.
    expect(await expireHolds(jobs, at('2026-12-10 00:05'))).toBe(4);
    const p2 = await patronOverview(database.db, 'P2');
    expect(p2!.holds.find((h) => h.bibId === bib.kokoro)).toBeUndefined();
    const p1 = await patronOverview(database.db, 'P1');
    // Secured Thu 10 Dec at 本館: 11,12,13,15,16,17,18 (Mon 14 closed).
    expect(p1!.holds.find((h) => h.bibId === bib.kokoro)).toMatchObject({
      status: 'ready',
      position: 1,
      pickupDeadline: '2026-12-18',
    });
  });

  it('lending the trapped copy to its patron fulfils the hold', async () => {
    const r = await checkout(
      database.db,
      { cardNumber: 'P1', itemBarcode: '1001', loanPeriodDays: 14 },
      at('2026-12-11 10:00'),
    );
    expect(r.ok).toBe(true);
    const p1 = await patronOverview(database.db, 'P1');
    expect(p1!.holds.find((h) => h.bibId === bib.kokoro)).toBeUndefined();
    expect(p1!.loans.map((l) => l.itemBarcode)).toContain('1001');
  });

  it('a copy returned at another branch travels to the pickup branch and is ready on arrival', async () => {
    // 行人: P2's hold (official since Tue 1 Dec) for pickup at 本館; the copy comes back at 西部分館.
    const r = await checkin(database.db, { itemBarcode: '1010', branch: 'seibu' }, at('2026-12-11 10:00'));
    expect(r.ok && r.value.trappedHoldId).toBeTruthy();
    let p2 = await patronOverview(database.db, 'P2');
    expect(p2!.holds.find((h) => h.bibId === bib.kojin)).toMatchObject({
      status: 'in_transit',
      position: 1,
      pickupDeadline: null,
    });
    const arrived = await arriveInTransit(
      database.db,
      { itemBarcode: '1010', branch: 'honkan' },
      at('2026-12-12 10:00'),
    );
    expect(arrived.ok).toBe(true);
    p2 = await patronOverview(database.db, 'P2');
    expect(p2!.holds.find((h) => h.bibId === bib.kojin)).toMatchObject({
      status: 'ready',
      pickupDeadline: '2026-12-20',
    });
    expect((await findItemByBarcode(database.db, '1010'))!.status).toBe('on_hold_shelf');
  });

  it(
    'R-CAN-1: a waiting hold is cancelled online; staff may cancel a ' +
      'ready hold and its copy goes back to the shelf',
    async () => {
      const p1 = await patronOverview(database.db, 'P1');
      const mon = p1!.holds.find((h) => h.bibId === bib.mon)!;
      const r = await cancelHold(
        database.db,
        { holdId: mon.holdId, online: true, patronId: undefined, actor: PATRON },
        at('2026-12-12 11:00'),
      );
      expect(r.ok && r.value.status).toBe('cancelled');
      const ready = (await patronOverview(database.db, 'P2'))!.holds.find((h) => h.bibId === bib.kojin)!;
      const staff = await cancelHold(
        database.db,
        { holdId: ready.holdId, online: false, actor: STAFF },
        at('2026-12-12 12:00'),
      );
      expect(staff.ok).toBe(true);
      expect((await findItemByBarcode(database.db, '1010'))!.status).toBe('available');
    },
  );

  it("a patron cannot cancel another patron's hold (answered as unknown)", async () => {
    const p1Hold = await hold('P1', 'gubijinso', 'online', at('2026-12-12 12:00'));
    const p2Id = (
      await database.db.selectFrom('patrons').select('id').where('card_number', '=', 'P2').executeTakeFirstOrThrow()
    ).id;
    const r = await cancelHold(
      database.db,
      { holdId: p1Hold.ok ? p1Hold.value.id : '', online: true, patronId: p2Id, actor: PATRON },
      at('2026-12-12 12:01'),
    );
    expect(r.ok ? null : r.failure.kind).toBe('not_found');
    expect((await findHold(database.db, p1Hold.ok ? p1Hold.value.id : ''))!.status).toBe('requested');
  });
});

describe('what the patron chose and sees', () => {
  it(
    'R-RES-5: the hold keeps the chosen pickup branch and contact ' +
      'method; an e-mail contact needs a confirmed address',
    async () => {
      await addPatron(database.db, 'MAIL', { email: 'reader@example.jp' });
      const r = await placeHold(
        database.db,
        { cardNumber: 'MAIL', bibId: bib.kojin!, pickupBranch: 'tobu', contact: 'email', ...ONLINE },
        at('2026-12-12 13:00'),
      );
      expect(r.ok && { branch: r.value.pickupBranch, contact: r.value.contact, status: r.value.status }).toEqual({
        branch: 'tobu',
        contact: 'email',
        status: 'requested',
      });
      const noMail = await placeHold(
        database.db,
        { cardNumber: 'P3', bibId: bib.kojin!, pickupBranch: 'tobu', contact: 'email', ...ONLINE },
        at('2026-12-12 13:00'),
      );
      expect(!noMail.ok && noMail.failure.kind === 'refused' && noMail.failure.refusal.code).toBe(
        'EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL',
      );
      const noLine = await placeHold(
        database.db,
        {
          cardNumber: 'P3',
          bibId: bib.kojin!,
          pickupBranch: 'tobu',
          channel: 'online',
          contact: 'line',
          lineLinked: false,
          actor: PATRON,
        },
        at('2026-12-12 13:00'),
      );
      expect(!noLine.ok && noLine.failure.kind === 'refused' && noLine.failure.refusal.code).toBe(
        'LINE_CONTACT_NEEDS_LINKED_ACCOUNT',
      );
    },
  );

  it('R-LOAN-1: the loan list gives every item on loan with its due date, soonest first', async () => {
    const p3 = await patronOverview(database.db, 'P3');
    // P3 borrowed こころ and 行人 on 25 Nov: both returned since; nothing else.
    expect(p3!.loans).toEqual([]);
    const p1 = await patronOverview(database.db, 'P1');
    expect(p1!.loans.map((l) => ({ title: l.title, dueDate: l.dueDate }))).toEqual([
      { title: 'こころ', dueDate: '2026-12-25' },
    ]);
  });
});
