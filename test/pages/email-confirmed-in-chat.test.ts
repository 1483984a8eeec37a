import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { formSecret } from '../../src/http/page-security.js';
import { accountPages, noticeMessages } from '../../src/messages/ja/index.js';
import { deliverEmailNotices } from '../../src/notices/email-delivery.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { accountClient } from '../helpers/account-pages.js';
import { recordingMessenger } from '../helpers/app.js';
import { chatHarness, type ChatHarness } from '../helpers/chat.js';
import { linkIn, recordingMailer } from '../helpers/mail.js';
import { testLog } from '../helpers/test-log.js';

// Issue 23, item 11: an address confirmed from the mail's link is acknowledged in the chat of the
// patron logged in on LINE, by a push from the notice outbox (so never lost, never sent twice).
const BASE = 'https://library.example.jp'; // the chat harness's PUBLIC_BASE_URL
const KENICHI = { card: '2000000003', password: 'Sk4r8Tz2' };
const HANAKO = { card: '2000000002', password: 'hanako2026lib' };

let h: ChatHarness;
let pagesOf: ReturnType<typeof accountClient>;
const mailer = recordingMailer();
const messenger = recordingMessenger();
let kicks = 0;

beforeAll(async () => {
  h = await chatHarness();
  const mail = {
    db: h.db,
    transport: mailer,
    log: testLog,
    publicBaseUrl: BASE,
    mailFrom: 'yoyaku@library-kamagaya-chiba.jp',
  };
  const app = createApp({
    db: h.db,
    log: testLog,
    channelSecret: undefined,
    adminToken: undefined,
    loanPeriodDays: 14,
    jobs: { db: h.db, promoteHoldsHour: 9, deliverNotices: (now) => deliverEmailNotices(mail, now) },
    onEventsStored: () => {},
    afterPatronChange: () => void kicks++,
    clock: () => h.now,
    pages: { publicBaseUrl: BASE, lineAccessBaseUrl: 'https://access.line.me', formSecret: formSecret(undefined) },
    mail: { mailFrom: mail.mailFrom, sendMailNow: async (id) => void (await deliverEmailNotices(mail, h.now, id)) },
  });
  pagesOf = accountClient({ app }, BASE);
});
afterAll(async () => h.close());

const pathOf = (url: string) => url.slice(BASE.length);

/** メールアドレス変更 → 送信, then the mail's link: the 確定 page, not yet pressed. */
async function requestAddress(p: { card: string; password: string }, email: string) {
  const confirm = await pagesOf.change('/email', {
    step: 'confirm',
    cardNumber: p.card,
    password: p.password,
    email,
    emailType: 'pc',
  });
  expect((await pagesOf.send('/email', confirm.html)).html).toContain(accountPages.email.doneTitle);
  return (await pagesOf.get(pathOf(linkIn(mailer.sent.at(-1)!.text)!))).html;
}
const pushesTo = (user: string) => messenger.pushes.filter((p) => p.to === user).map((p) => JSON.stringify(p.messages));

describe('確定 of an e-mail address, in the chat', () => {
  it('R-MAIL-2: the patron logged in on LINE is told the address is registered and when mail will come', async () => {
    const user = h.user(2311);
    await h.login(user, KENICHI.card, KENICHI.password);
    const page = await requestAddress(KENICHI, 'kenichi@example.jp');
    const kicked = kicks;
    expect((await pagesOf.send('/email/confirm', page)).html).toContain(accountPages.emailConfirm.doneTitle);
    expect(kicks).toBe(kicked + 1); // attempted at once, not at the next minute's run

    await deliverLineNotices(h.db, messenger, testLog, h.now);
    const pushed = pushesTo(user);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toContain(noticeMessages.emailConfirmed.heading);
    expect(pushed[0]).toContain('kenichi@example.jp');
    expect(pushed[0]).toContain(
      '連絡方法で「E-mail」を選んだ予約は、ご用意ができたときにこのメールアドレスへお知らせします',
    );

    // 確定 pressed again, and the next delivery runs: nothing more is said.
    await pagesOf.send('/email/confirm', page);
    await deliverLineNotices(h.db, messenger, testLog, h.now);
    expect(pushesTo(user)).toHaveLength(1);
  });

  it('a patron not logged in on LINE gets the page only: no LINE notice is written', async () => {
    const page = await requestAddress(HANAKO, 'hanako.new@example.jp');
    expect((await pagesOf.send('/email/confirm', page)).html).toContain(accountPages.emailConfirm.doneTitle);
    const rows = await h.db.selectFrom('notices').select('id').where('kind', '=', 'email_confirmed').execute();
    expect(rows).toHaveLength(1); // Kenichi's
  });
});
