import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPatron } from '../../src/db/account-links.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { insertNotice } from '../../src/db/notices.js';
import { noticeMessages } from '../../src/messages/ja/index.js';
import { noticeReply } from '../../src/notices/cards.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { checkout } from '../../src/services/circulation.js';
import { placeHold } from '../../src/services/holds.js';
import { STAFF } from '../helpers/actors.js';
import { addStaffMember, consoleBrowser } from '../helpers/console.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';

/** Today and the calendar pages of the staff console (issue 29), by plain requests. */
const PW = 'today-librarian-001';

describe('staff console: Today and the calendar', () => {
  let t: TestApp;
  let b: ReturnType<typeof consoleBrowser>;
  let readyHold = '';
  let loanId = '';
  let patronOne = '';
  const USER = lineUserId('calendar-notice');

  beforeAll(async () => {
    t = await testApp({ now: at('2026-12-01 10:00') });
    await addStaffMember(t.db, 'kyou', 'librarian', PW);
    const [a, bb] = await addTitles(t.db, [
      BOOK('銀河鉄道の夜', [['E0001', 'honkan']]),
      BOOK('風の又三郎', [['E0002', 'tobu']]),
      BOOK('注文の多い料理店', [['E0003', 'honkan']]),
    ]);
    const p1 = await addPatron(t.db, 'E1001');
    patronOne = p1;
    await addPatron(t.db, 'E1002');
    const h1 = await placeHold(
      t.db,
      { cardNumber: 'E1001', bibId: a!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
      t.now,
    );
    if (!h1.ok) throw new Error(JSON.stringify(h1));
    readyHold = h1.value.id;
    await placeHold(
      t.db,
      { cardNumber: 'E1002', bibId: bb!, pickupBranch: 'honkan', channel: 'counter', actor: STAFF },
      t.now,
    );
    const loan = await checkout(t.db, { cardNumber: 'E1001', itemBarcode: 'E0003', loanPeriodDays: 14 }, t.now);
    if (!loan.ok) throw new Error(JSON.stringify(loan));
    loanId = loan.value.loanId;
    await insertNotice(t.db, {
      patronId: p1,
      kind: 'due_reminder',
      channel: 'line',
      payload: {},
      dedupeKey: 'test:failed',
      dueAt: t.now,
    });
    await t.db.updateTable('notices').set({ status: 'failed', last_error: 'LINE 400: not a friend' }).execute();
    await t.db
      .insertInto('webhook_inbox')
      .values({ webhook_event_id: 'ev-1', event_type: 'message', event_timestamp: t.now, payload: '{}' })
      .execute();
    b = consoleBrowser(t.app);
    await b.login('kyou', PW);
  });
  afterAll(async () => t.close());

  it('Today lists the copies to pull per branch, failed notices with their reason, the inbox backlog', async () => {
    const page = await b.get('/staff/today');
    expect(page.status).toBe(200);
    expect(page.html).toContain(consoleWords.today.pullTitle('本館'));
    expect(page.html).toContain(consoleWords.today.pullTitle('東部分館'));
    expect(page.html).toContain(consoleWords.today.pullTo('in_transit', '本館'));
    expect(page.html).toContain('E0002');
    expect(page.html).toContain('LINE 400: not a friend');
    expect(page.html).toContain(consoleWords.today.inbox(1, null).slice(0, 12));
  });

  it('the retry button puts a failed notice back in the outbox once, audited under the librarian', async () => {
    const id = (await t.db.selectFrom('notices').select('id').executeTakeFirstOrThrow()).id;
    const r = await b.submit('/staff/today', `/staff/today/notices/${id}/retry`);
    expect(r.location).toBe('/staff/today?done=retried');
    // Back in the outbox (the delivery right after the change may already have taken it).
    const n = await t.db.selectFrom('notices').select('status').executeTakeFirstOrThrow();
    expect(n.status).not.toBe('failed');
    const again = await b.submit('/staff/today', `/staff/today/notices/${id}/retry`);
    expect(again.location).toBe('/staff/today?done=gone');
    const audits = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'notice.retry').execute();
    expect(audits).toEqual([{ actor: 'staff:kyou' }]);
  });

  it('holds expiring today are listed on their last day', async () => {
    const hold = await t.db
      .selectFrom('holds')
      .select('pickup_deadline')
      .where('id', '=', readyHold)
      .executeTakeFirstOrThrow();
    expect(hold.pickup_deadline).toBe('2026-12-09');
    const start = t.now;
    try {
      t.now = at('2026-12-09 09:00');
      await b.login('kyou', PW);
      const page = await b.get('/staff/today');
      expect(page.html).toMatch(/id="expiring"[\s\S]*銀河鉄道の夜[\s\S]*E1001/);
    } finally {
      t.now = start;
      await b.login('kyou', PW);
    }
  });

  it('S-CAL-1: closing dates shows, then moves, the due dates and pickup deadlines they fall on', async () => {
    const preview = await b.get('/staff/calendar?branch=honkan&from=2026-12-08&to=2026-12-15');
    expect(preview.status).toBe(200);
    expect(preview.html).toContain(consoleWords.calendar.movesLead(2));
    expect(preview.html).toMatch(/返却期限[\s\S]*E1001[\s\S]*2026年12月15日[\s\S]*2026年12月16日/);
    expect(preview.html).toMatch(/取置期限[\s\S]*E1001[\s\S]*2026年12月9日[\s\S]*2026年12月17日/);
    // A preview changes nothing.
    expect(
      (await t.db.selectFrom('closed_dates').select('date').where('branch_code', '=', 'honkan').execute()).length,
    ).toBe(0);

    // E1001 is on LINE, and asked to hear of the hold there.
    await touchLineUser(t.db, USER, true, t.now);
    await linkPatron(t.db, USER, patronOne, t.now);
    await t.db.updateTable('holds').set({ contact: 'line' }).where('id', '=', readyHold).execute();
    const r = await b.submit(preview.location ?? '/staff/calendar', '/staff/calendar/close', {
      branch: 'honkan',
      from: '2026-12-08',
      to: '2026-12-15',
      notify: 'yes',
    });
    expect(r.status).toBe(303);
    expect((await b.get(r.location!)).html).toContain(consoleWords.calendar.closed(8, 2, 2));
    const loan = await t.db.selectFrom('loans').select('due_date').where('id', '=', loanId).executeTakeFirstOrThrow();
    expect(loan.due_date).toBe('2026-12-16');
    const hold = await t.db
      .selectFrom('holds')
      .select('pickup_deadline')
      .where('id', '=', readyHold)
      .executeTakeFirstOrThrow();
    expect(hold.pickup_deadline).toBe('2026-12-17');
    const moved = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'in', ['loan.due_moved', 'hold.deadline_moved', 'calendar.close'])
      .orderBy('id')
      .execute();
    expect(moved.map((m) => m.actor)).toEqual(['staff:kyou', 'staff:kyou', 'staff:kyou']);
  });

  it('personal closure notices: each moved date is told to its patron, from when to when', async () => {
    const notices = await t.db
      .selectFrom('notices')
      .select(['kind', 'channel', 'payload', 'loan_id', 'hold_id'])
      .where('kind', 'in', ['due_date_moved', 'pickup_deadline_moved'])
      .orderBy('kind')
      .execute();
    expect(notices).toEqual([
      {
        kind: 'due_date_moved',
        channel: 'line',
        payload: { title: '注文の多い料理店', from: '2026-12-15', dueDate: '2026-12-16' },
        loan_id: loanId,
        hold_id: null,
      },
      {
        kind: 'pickup_deadline_moved',
        channel: 'line',
        payload: { title: '銀河鉄道の夜', pickupBranch: 'honkan', from: '2026-12-09', pickupDeadline: '2026-12-17' },
        loan_id: null,
        hold_id: readyHold,
      },
    ]);
    const card = noticeReply({ kind: 'due_date_moved', loanId, payload: notices[0]!.payload }, () => '本館');
    expect(card && card.kind === 'cards' ? card.altText : '').toBe(
      noticeMessages.dueDateMoved.alt('注文の多い料理店', '2026-12-16'),
    );
    expect(JSON.stringify(card)).toContain('2026年12月15日');
  });

  it('S-CAL-2: a closed date opened again moves no promised date back', async () => {
    const r = await b.submit('/staff/calendar?branch=honkan', '/staff/calendar/open', {
      branch: 'honkan',
      date: '2026-12-15',
    });
    expect(r.location).toBe('/staff/calendar?branch=honkan&done=reopened');
    const dates = await t.db.selectFrom('closed_dates').select('date').where('branch_code', '=', 'honkan').execute();
    expect(dates.map((d) => d.date)).not.toContain('2026-12-15');
    const loan = await t.db.selectFrom('loans').select('due_date').where('id', '=', loanId).executeTakeFirstOrThrow();
    expect(loan.due_date).toBe('2026-12-16');
  });

  it('refuses a range it cannot read, or longer than 62 days, and closes nothing', async () => {
    const before = await t.db.selectFrom('closed_dates').select('date').execute();
    for (const form of [
      { branch: 'honkan', from: '2026-13-01', to: '' },
      { branch: 'honkan', from: '2027-01-01', to: '2027-06-01' },
      { branch: 'nowhere', from: '2027-01-01', to: '' },
    ]) {
      const r = await b.submit('/staff/calendar', '/staff/calendar/close', form);
      expect(r.status).toBe(422);
    }
    expect(await t.db.selectFrom('closed_dates').select('date').execute()).toEqual(before);
  });
});
