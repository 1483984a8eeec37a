import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationHandler } from '../../src/conversation/engine.js';
import type { Database } from '../../src/db/database.js';
import { unconfiguredLineAccount } from '../../src/line/account.js';
import { testLog } from '../helpers/test-log.js';
import { noticeMessages, patronChat, refusalMessage } from '../../src/messages/ja/index.js';
import { checkout } from '../../src/services/circulation.js';
import { cancelHold, placeHold } from '../../src/services/holds.js';
import { sendReminders } from '../../src/services/reminders.js';
import { renewLoan } from '../../src/services/renewal.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { fakeLine, testMessenger, type FakeLine } from '../helpers/line.js';
import { counterHold, linkLine, noticeRows, postbacksIn, wordsIn } from '../helpers/notices.js';
import { lineApi } from '../setup/msw.js';
import { PATRON } from '../helpers/actors.js';

/** Reminders written by the send-reminders job, and "you can no longer renew" written by placing a hold. */
let database: Database;
let line: FakeLine;
let serial = 0;
const db = () => database.db;
const deliver = (now: Date) => deliverLineNotices(db(), testMessenger(), testLog, now);
const handle = conversationHandler({
  line: unconfiguredLineAccount,
  publicBaseUrl: 'http://localhost:3000',
  log: testLog,
});
const tap = (user: string, data: string, now: Date) =>
  db()
    .transaction()
    .execute(
      async (tx) =>
        (await handle.inTransaction(tx, { lineUserId: user, input: { kind: 'postback', data } }, now)).replies,
    );

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());
beforeEach(() => {
  line = fakeLine(lineApi);
});
afterEach(() => {
  expect(line.unexpected).toEqual([]);
});

async function patron(opts: { line?: boolean; following?: boolean; email?: boolean } = {}) {
  const card = `R${++serial}`;
  const patronId = await addPatron(db(), card, opts.email ? { email: `${card.toLowerCase()}@example.jp` } : {});
  const user = opts.line === false ? undefined : await linkLine(db(), patronId, { following: opts.following ?? true });
  return { card, patronId, user };
}

async function title(branch = 'honkan') {
  const n = ++serial;
  const [bibId] = await addTitles(db(), [BOOK(`催促テスト${n}`, [[`RM${n}`, branch]])]);
  return { bibId: bibId!, barcode: `RM${n}`, title: `催促テスト${n}` };
}

async function lend(card: string, barcode: string, dueDate: string, at_: Date) {
  const r = await checkout(db(), { cardNumber: card, itemBarcode: barcode, loanPeriodDays: 14, dueDate }, at_);
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value.loanId;
}

describe('pickup-deadline reminder', () => {
  it("R-RES-8: written 2 opening days before the deadline, once, by the hold's contact method", async () => {
    const p = await patron();
    const mailer = await patron({ line: false, email: true });
    const quiet = await patron();
    const [a, b, c] = [await title(), await title(), await title()];
    // Secured Thu 10 Dec 2026 → deadline Fri 18 Dec; Wed 16 is 2 opening days before it.
    await counterHold(db(), p.card, a.bibId, at('2026-12-10 10:00'));
    await counterHold(db(), mailer.card, b.bibId, at('2026-12-10 10:00'), { contact: 'email' });
    await counterHold(db(), quiet.card, c.bibId, at('2026-12-10 10:00'), { contact: 'none' });
    const reminders = async () =>
      [...(await noticeRows(db(), { kind: 'pickup_reminder' }))].filter((n) =>
        [p, mailer, quiet].some((x) => x.patronId === n.patronId),
      );

    await sendReminders(db(), at('2026-12-15 07:30'));
    expect(await reminders()).toEqual([]);
    await sendReminders(db(), at('2026-12-16 07:30'));
    await sendReminders(db(), at('2026-12-16 12:00'));
    await sendReminders(db(), at('2026-12-17 07:30'));
    expect((await reminders()).map((n) => [n.patronId, n.channel, n.payload.pickupDeadline])).toEqual([
      [p.patronId, 'line', '2026-12-18'],
      [mailer.patronId, 'email', '2026-12-18'],
    ]);

    expect(await deliver(at('2026-12-16 08:00'))).toBeGreaterThanOrEqual(1);
    const push = line.pushes().find((x) => x.to === p.user)!;
    expect(wordsIn(push.messages)).toContain(noticeMessages.pickupReminder.heading);
    expect(wordsIn(push.messages)).toContain(a.title);
    expect(wordsIn(push.messages)).toContain('2026年12月18日（金）');
  });

  it('R-RES-8: a morning missed while the server was down is caught up the next day', async () => {
    const p = await patron();
    const t = await title();
    await counterHold(db(), p.card, t.bibId, at('2026-12-10 11:00'));
    await sendReminders(db(), at('2026-12-18 07:30')); // the deadline day itself
    expect((await noticeRows(db(), { patronId: p.patronId, kind: 'pickup_reminder' })).length).toBe(1);
    await sendReminders(db(), at('2026-12-19 07:30')); // too late: the hold has expired by then
    expect((await noticeRows(db(), { patronId: p.patronId, kind: 'pickup_reminder' })).length).toBe(1);
  });
});

describe('due-date reminder', () => {
  it('R-LOAN-2: 2 days before the due date, with a one-tap 延長する that starts the renewal', async () => {
    const p = await patron();
    const t = await title();
    const loanId = await lend(p.card, t.barcode, '2027-02-10', at('2027-01-27 10:00'));
    await sendReminders(db(), at('2027-02-07 07:30'));
    expect(await noticeRows(db(), { patronId: p.patronId })).toEqual([]);
    await sendReminders(db(), at('2027-02-08 07:30'));
    await sendReminders(db(), at('2027-02-09 07:30'));
    const [n] = await noticeRows(db(), { patronId: p.patronId });
    expect(n).toMatchObject({
      kind: 'due_reminder',
      channel: 'line',
      loanId,
      payload: { dueDate: '2027-02-10', renewable: true, refusal: null },
    });
    expect(await noticeRows(db(), { patronId: p.patronId })).toHaveLength(1);

    await deliver(at('2027-02-08 08:00'));
    const messages = line.pushes().find((x) => x.to === p.user)!.messages;
    expect(wordsIn(messages)).toContain(noticeMessages.dueReminder.heading);
    expect(postbacksIn(messages)).toEqual([[patronChat.buttons.renew, `renew|confirm|${loanId}`]]);
    // The tap leads to the renew flow's confirmation (R-LOAN-2: 延長する → confirmation → 延長する).
    const replies = await tap(p.user!, `renew|confirm|${loanId}`, at('2027-02-08 08:05'));
    expect(JSON.stringify(replies)).toContain(
      patronChat.renewConfirm(t.title, '2027-02-10', '2027-02-22', false).split('\n')[0]!,
    );
  });

  it('R-LOAN-4: no 延長する when renewal is refused right now; the reason instead', async () => {
    const p = await patron();
    const other = await patron();
    const t = await title();
    const loanId = await lend(p.card, t.barcode, '2027-03-10', at('2027-02-24 10:00'));
    await placeHold(
      db(),
      { cardNumber: other.card, bibId: t.bibId, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
      at('2027-03-01 10:00'),
    );
    await sendReminders(db(), at('2027-03-08 07:30'));
    const [n] = await noticeRows(db(), { patronId: p.patronId, kind: 'due_reminder' });
    expect(n!.payload).toMatchObject({ renewable: false, refusal: { code: 'NOT_RENEWABLE_HELD_FOR_OTHERS' } });
    await deliver(at('2027-03-08 08:00'));
    const push = line.pushes().find((x) => x.to === p.user)!;
    expect(postbacksIn(push.messages)).toEqual([]);
    expect(wordsIn(push.messages)).toContain(refusalMessage({ code: 'NOT_RENEWABLE_HELD_FOR_OTHERS' }));
    expect(loanId).toBeTruthy();
  });

  it(
    'goes by e-mail when the patron has no LINE (or blocked it) but a ' +
      'confirmed address, and nowhere without either',
    async () => {
      const mailOnly = await patron({ line: false, email: true });
      const blocked = await patron({ following: false, email: true });
      const unreachable = await patron({ line: false });
      for (const p of [mailOnly, blocked, unreachable]) {
        const t = await title();
        await lend(p.card, t.barcode, '2027-04-10', at('2027-03-27 10:00'));
      }
      await sendReminders(db(), at('2027-04-08 07:30'));
      expect((await noticeRows(db(), { patronId: mailOnly.patronId }))[0]).toMatchObject({
        kind: 'due_reminder',
        channel: 'email',
        status: 'pending',
      });
      expect((await noticeRows(db(), { patronId: blocked.patronId }))[0]).toMatchObject({
        kind: 'due_reminder',
        channel: 'email',
      });
      expect(await noticeRows(db(), { patronId: unreachable.patronId })).toEqual([]);
    },
  );

  it('a reminder for a loan renewed before it went out is dropped, and the new due date gets its own', async () => {
    const p = await patron();
    const t = await title();
    const loanId = await lend(p.card, t.barcode, '2027-05-13', at('2027-04-29 10:00'));
    await sendReminders(db(), at('2027-05-11 07:30')); // held: quiet hours
    // Renewed on Tue 11 May: due Tue 25 May (R-LOAN-3).
    expect((await renewLoan(db(), { loanId, patronId: p.patronId, actor: PATRON }, at('2027-05-11 07:45'))).ok).toBe(
      true,
    );
    await deliver(at('2027-05-11 08:00'));
    expect(line.pushes().filter((x) => x.to === p.user)).toEqual([]);
    expect((await noticeRows(db(), { patronId: p.patronId }))[0]).toMatchObject({
      status: 'dropped',
      lastError: 'due date changed',
    });
    await sendReminders(db(), at('2027-05-23 07:30'));
    expect((await noticeRows(db(), { patronId: p.patronId })).map((n) => n.payload.dueDate)).toEqual([
      '2027-05-13',
      '2027-05-25',
    ]);
  });
});

describe('"someone reserved the title you have on loan"', () => {
  it(
    'R-LOAN-4: written when a hold is placed (依頼中 too), once, ' + 'for the borrowers who could renew until then',
    async () => {
      const borrower = await patron();
      const renewedOnce = await patron();
      const [first, second] = [await patron(), await patron()];
      const n = ++serial;
      const name = `予約が入る本${n}`;
      const [bibId] = await addTitles(db(), [
        BOOK(name, [
          [`LR${n}a`, 'honkan'],
          [`LR${n}b`, 'tobu'],
        ]),
      ]);
      const loanId = await lend(borrower.card, `LR${n}a`, '2027-06-20', at('2027-06-06 10:00'));
      // The other copy is out with a patron who has renewed it already: nothing changes for them.
      const renewedLoan = await lend(renewedOnce.card, `LR${n}b`, '2027-06-20', at('2027-06-06 10:00'));
      expect(
        (
          await renewLoan(
            db(),
            { loanId: renewedLoan, patronId: renewedOnce.patronId, actor: PATRON },
            at('2027-06-08 10:00'),
          )
        ).ok,
      ).toBe(true);

      const placed = await placeHold(
        db(),
        { cardNumber: first.card, bibId: bibId!, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
        at('2027-06-09 19:00'),
      );
      expect(placed.ok).toBe(true);
      // A second hold changes nothing more: renewal was refused already.
      await placeHold(
        db(),
        { cardNumber: second.card, bibId: bibId!, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
        at('2027-06-09 19:30'),
      );
      const notices = await noticeRows(db(), { kind: 'loan_reserved', patronId: borrower.patronId });
      expect(notices.map((x) => [x.channel, x.loanId, x.payload.title, x.payload.dueDate])).toEqual([
        ['line', loanId, name, '2027-06-20'],
      ]);
      expect(await noticeRows(db(), { kind: 'loan_reserved', patronId: renewedOnce.patronId })).toEqual([]);

      await deliver(at('2027-06-09 20:00'));
      const [push, ...more] = line.pushes().filter((x) => x.to === borrower.user);
      expect(more).toEqual([]);
      expect(wordsIn(push!.messages)).toContain(noticeMessages.loanReserved.note);
      expect(wordsIn(push!.messages)).toContain(name);
      expect(postbacksIn(push!.messages)).toEqual([]);
    },
  );

  it(
    'is not written when a copy on the shelf serves the hold at once, and ' +
      'dropped when the hold is cancelled before it goes',
    async () => {
      const borrower = await patron();
      const holder = await patron();
      const n = ++serial;
      const [bibId] = await addTitles(db(), [
        BOOK(`二冊${n}`, [
          [`TW${n}a`, 'honkan'],
          [`TW${n}b`, 'honkan'],
        ]),
      ]);
      await lend(borrower.card, `TW${n}a`, '2027-07-20', at('2027-07-06 10:00'));
      await counterHold(db(), holder.card, bibId!, at('2027-07-07 10:00'), { contact: 'none' });
      expect(await noticeRows(db(), { kind: 'loan_reserved', patronId: borrower.patronId })).toEqual([]);

      const late = await patron();
      const h = await placeHold(
        db(),
        { cardNumber: late.card, bibId: bibId!, pickupBranch: 'honkan', channel: 'online', actor: PATRON },
        at('2027-07-07 22:00'),
      );
      if (!h.ok) throw new Error('hold refused');
      expect(await noticeRows(db(), { kind: 'loan_reserved', patronId: borrower.patronId })).toHaveLength(1);
      await cancelHold(
        db(),
        { holdId: h.value.id, online: true, patronId: h.value.patronId, actor: PATRON },
        at('2027-07-07 23:00'),
      );
      await deliver(at('2027-07-08 08:00'));
      expect(line.pushes().filter((x) => x.to === borrower.user)).toEqual([]);
      expect((await noticeRows(db(), { kind: 'loan_reserved', patronId: borrower.patronId }))[0]).toMatchObject({
        status: 'dropped',
        lastError: 'hold is cancelled',
      });
    },
  );
});
