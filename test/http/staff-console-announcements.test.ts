import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPatron } from '../../src/db/account-links.js';
import { announcementRecipients } from '../../src/db/announcements.js';
import { insertCard } from '../../src/db/line-user-cards.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { addStaffMember, alertText, consoleBrowser } from '../helpers/console.js';
import { fakeMulticaster } from '../helpers/fake-multicaster.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addPatron } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';

/**
 * Announcements (issue 29): recipients fixed at writing, batches with retry keys, a send cut off in
 * the middle resumed without anyone receiving it twice (S-ANN-2), the monthly quota (S-ANN-1).
 */
const t = consoleWords.announcements;

describe('staff console: announcements', () => {
  let app: TestApp;
  const mc = fakeMulticaster({ batchSize: 2, failCalls: [2] });
  const admin = () => consoleBrowser(app.app);
  let b: ReturnType<typeof consoleBrowser>;

  beforeAll(async () => {
    app = await testApp({ multicaster: mc });
    await addStaffMember(app.db, 'boss', 'admin', 'boss-admin-password');
    await addStaffMember(app.db, 'sato', 'librarian', 'sato-librarian-pass');
    const branchOf = ['honkan', 'honkan', 'honkan', 'tobu', 'tobu', 'tobu'];
    for (const [i, branch] of branchOf.entries()) {
      const id = await addPatron(app.db, `A100${i}`);
      await app.db.updateTable('patrons').set({ last_pickup_branch: branch }).where('id', '=', id).execute();
      const user = lineUserId(`announce-${i}`);
      // The last one blocked the account: no message reaches them, so none is sent or counted.
      await touchLineUser(app.db, user, i !== 5, app.now);
      await linkPatron(app.db, user, id, app.now);
    }
    b = admin();
    await b.login('boss', 'boss-admin-password');
  });
  afterAll(async () => app.close());

  it('a librarian may not open announcements (403, the reason)', async () => {
    const lib = consoleBrowser(app.app);
    await lib.login('sato', 'sato-librarian-pass');
    const r = await lib.get('/staff/announcements');
    expect(r.status).toBe(403);
    expect(r.html).toContain(consoleWords.forbidden.body('announcements', 'admin', 'librarian'));
  });

  it('S-ANN-2: a send cut off in the middle resumes with the same retry keys, and nobody gets it twice', async () => {
    const written = await b.submit('/staff/announcements', '/staff/announcements', {
      body: '12月28日は臨時休館します。',
      audience: 'all',
    });
    expect(written.status).toBe(303);
    const preview = await b.get(written.location!);
    expect(preview.html).toContain(t.recipients(5));
    expect(preview.html).toContain(t.messages(5));
    expect(preview.html).toContain(t.quota(0, 1000));
    expect(preview.html).toContain('12月28日は臨時休館します。');

    const first = await b.submit(written.location!, `${written.location}/send`);
    const stopped = await b.get(first.location!);
    expect(alertText(stopped.html)).toBe(t.stopped('LINE answered 500'));
    expect(stopped.html).toContain(t.progress(2, 5, 0));
    expect(stopped.html).toContain(t.resume(3));

    const resumed = await b.submit(written.location!, `${written.location}/send`);
    const done = await b.get(resumed.location!);
    expect(done.html).toContain(t.done);
    expect(done.html).toContain(t.progress(5, 5, 0));
    const users = mc.deliveries.map((d) => d.to);
    expect(users).toHaveLength(5);
    expect(new Set(users).size).toBe(5);
    expect(users).not.toContain(lineUserId('announce-5'));
    // The batch that failed went again with its own key.
    expect(mc.calls.map((c) => c.retryKey)).toEqual([
      mc.calls[0]!.retryKey,
      mc.calls[1]!.retryKey,
      mc.calls[1]!.retryKey,
      mc.calls[3]!.retryKey,
    ]);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'announcement.send')
      .execute();
    expect(audit).toEqual([{ actor: 'staff:boss' }, { actor: 'staff:boss' }]);
  });

  it('recipients may be those whose usual pickup branch is one branch', async () => {
    const written = await b.submit('/staff/announcements', '/staff/announcements', {
      body: '東部分館のおはなし会',
      audience: 'branch:tobu',
    });
    const preview = await b.get(written.location!);
    expect(preview.html).toContain(t.recipients(2));
  });

  it('a family card counts: its LINE user hears its branch’s news, once whatever the number of cards', async () => {
    // announce-0's active card is at 本館; a child's card at 東部 is linked to the same LINE user.
    for (const card of ['A1100', 'A1101']) {
      const child = await addPatron(app.db, card);
      await app.db.updateTable('patrons').set({ last_pickup_branch: 'tobu' }).where('id', '=', child).execute();
      await insertCard(app.db, lineUserId('announce-0'), child, app.now);
    }
    const written = await b.submit('/staff/announcements', '/staff/announcements', {
      body: '東部分館の工事のお知らせ',
      audience: 'branch:tobu',
    });
    expect((await b.get(written.location!)).html).toContain(t.recipients(3));
    expect(await announcementRecipients(app.db, 'tobu')).toEqual(
      [lineUserId('announce-0'), lineUserId('announce-3'), lineUserId('announce-4')].sort(),
    );
  });

  it('S-ANN-1: an announcement the month’s quota cannot carry is not sent at all', async () => {
    mc.state.quota = { limit: mc.state.quota.used + 4, used: mc.state.quota.used };
    const before = mc.deliveries.length;
    const written = await b.submit('/staff/announcements', '/staff/announcements', { body: '全員へ', audience: 'all' });
    const r = await b.submit(written.location!, `${written.location}/send`);
    expect(alertText((await b.get(r.location!)).html)).toBe(t.overQuota(1));
    expect(mc.deliveries.length).toBe(before);
  });

  it('refuses an empty message, and writes nothing', async () => {
    const before = await app.db.selectFrom('announcements').select('id').execute();
    const r = await b.submit('/staff/announcements', '/staff/announcements', { body: '   ', audience: 'all' });
    expect(r.status).toBe(422);
    expect(await app.db.selectFrom('announcements').select('id').execute()).toEqual(before);
  });
});
