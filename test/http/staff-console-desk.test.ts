import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPatron } from '../../src/db/account-links.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { refusalMessage } from '../../src/messages/ja/index.js';
import { verifyCredentials } from '../../src/services/credentials.js';
import { addStaffMember, alertText, consoleBrowser } from '../helpers/console.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addPatron, addTitles, BOOK } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';
import { rememberSecret } from '../helpers/test-log.js';

/**
 * The patron desk (issue 29) by plain requests: each action is the staff API's service, so what a
 * librarian sees is what the API would answer, and the audit log names the librarian.
 */
const PW = 'desk-librarian-0001';
const w = consoleWords.desk;

describe('staff console: the patron desk', () => {
  let t: TestApp;
  let b: ReturnType<typeof consoleBrowser>;
  let bibs: string[];
  const USER = lineUserId('desk-user');

  beforeAll(async () => {
    t = await testApp();
    await addStaffMember(t.db, 'desk', 'librarian', PW);
    bibs = await addTitles(t.db, [BOOK('坊っちゃん', [['D0001', 'honkan']]), BOOK('草枕', [['D0002', 'honkan']])]);
    const patronId = await addPatron(t.db, 'D1001', { email: 'd1001@example.jp' });
    await addPatron(t.db, 'D1002');
    await touchLineUser(t.db, USER, true, t.now);
    await linkPatron(t.db, USER, patronId, t.now);
    b = consoleBrowser(t.app);
    await b.login('desk', PW);
  });
  afterAll(async () => t.close());

  it('finds patrons by a part of the name, and goes straight to the desk for a whole card number', async () => {
    const byName = await b.get(`/staff/patrons?q=${encodeURIComponent('利用者')}`);
    expect(byName.status).toBe(200);
    expect(byName.html).toContain('D1001');
    expect(byName.html).toContain('D1002');
    expect((await b.get('/staff/patrons?q=D1001')).location).toBe('/staff/patrons/D1001');
    const none = await b.get('/staff/patrons?q=%25');
    expect(none.html).toContain(consoleWords.search.none('%'));
  });

  it('shows LINE link, e-mail and password state', async () => {
    const page = await b.get('/staff/patrons/D1001');
    expect(page.html).toMatch(/id="line-state">連携中/);
    expect(page.html).toContain(consoleWords.patron.emailConfirmed('d1001@example.jp'));
    expect(page.html).toContain(consoleWords.patron.passwordInitial);
    expect((await b.get('/staff/patrons/NOSUCH')).status).toBe(404);
  });

  it('checks out and in through the staff API’s services, audited under the librarian', async () => {
    const out = await b.submit('/staff/patrons/D1001', '/staff/patrons/D1001/checkout', { itemBarcode: 'D0001' });
    expect(out.status).toBe(303);
    const page = await b.get(out.location!);
    expect(page.html).toContain(w.checkedOut);
    expect(page.html).toContain('坊っちゃん');
    const twice = await b.submit('/staff/patrons/D1001', '/staff/patrons/D1001/checkout', { itemBarcode: 'D0001' });
    expect(twice.status).toBe(409);
    const unknown = await b.submit('/staff/patrons/D1001', '/staff/patrons/D1001/checkout', { itemBarcode: 'NOPE' });
    expect(alertText(unknown.html)).toBe(consoleWords.failure.notFound(w.barcodeLabel));
    const back = await b.submit('/staff/patrons/D1001', '/staff/patrons/D1001/checkin', {
      itemBarcode: 'D0001',
      branch: 'honkan',
    });
    expect(back.status).toBe(303);
    const loans = await t.db.selectFrom('loans').select(['returned_at']).execute();
    expect(loans).toHaveLength(1);
    expect(loans[0]!.returned_at).not.toBeNull();
    const actors = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', 'in', ['loan.checkout', 'item.checkin'])
      .execute();
    expect(actors.map((a) => a.actor)).toEqual(['staff:desk', 'staff:desk']);
  });

  it('places a counter hold, and refuses what the rules refuse with the rule’s sentence', async () => {
    const r = await b.submit('/staff/patrons/D1002', '/staff/patrons/D1002/holds', {
      bibId: bibs[1]!,
      pickupBranch: 'honkan',
      channel: 'counter',
    });
    expect(r.status).toBe(303);
    const hold = await t.db.selectFrom('holds').select(['channel', 'bib_id']).executeTakeFirstOrThrow();
    expect(hold).toEqual({ channel: 'counter', bib_id: bibs[1] });
    const again = await b.submit('/staff/patrons/D1002', '/staff/patrons/D1002/holds', {
      bibId: bibs[1]!,
      pickupBranch: 'honkan',
      channel: 'counter',
    });
    expect(again.status).toBe(422);
    expect(alertText(again.html)).toBe(refusalMessage({ code: 'ALREADY_HOLDING_TITLE' }));
  });

  it('issues an initial password once: the receipt shows 8 characters, a resubmission issues none', async () => {
    const desk = await b.get('/staff/patrons/D1002');
    const form = {
      csrf: desk.html.match(/name="csrf" value="([^"]+)"/)![1]!,
      passwordSetAt: desk.html.match(/name="passwordSetAt" value="([^"]+)"/)![1]!,
    };
    const unchecked = await b.post('/staff/patrons/D1002/initial-password', form);
    expect(alertText(unchecked.html)).toBe(refusalMessage({ code: 'IDENTITY_NOT_CHECKED' }));
    const receipt = await b.post('/staff/patrons/D1002/initial-password', { ...form, identityChecked: 'yes' });
    expect(receipt.status).toBe(200);
    const password = receipt.html.match(/id="initial-password">([^<]+)</)![1]!;
    rememberSecret('an initial password', password);
    expect(password).toMatch(/^[A-Za-z0-9]{8}$/);
    expect((await verifyCredentials(t.db, { cardNumber: 'D1002', password }, t.now)).ok).toBe(true);
    const reload = await b.post('/staff/patrons/D1002/initial-password', { ...form, identityChecked: 'yes' });
    expect(reload.status).toBe(409);
    expect(reload.html).not.toContain('id="initial-password"');
    expect((await verifyCredentials(t.db, { cardNumber: 'D1002', password }, t.now)).ok).toBe(true);
  });

  it('unlinks LINE: the LINE user is logged out, and the audit log names the librarian', async () => {
    const r = await b.submit('/staff/patrons/D1001', '/staff/patrons/D1001/unlink-line');
    expect(r.status).toBe(303);
    const page = await b.get(r.location!);
    expect(page.html).toContain(w.unlinked);
    expect(page.html).toContain(consoleWords.patron.lineNotLinked);
    const user = await t.db
      .selectFrom('line_users')
      .select('patron_id')
      .where('line_user_id', '=', USER)
      .executeTakeFirst();
    expect(user?.patron_id).toBeNull();
    const row = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'logout').executeTakeFirst();
    expect(row?.actor).toBe('staff:desk');
  });
});
