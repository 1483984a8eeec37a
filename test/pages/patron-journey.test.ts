import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { findPatronByCard } from '../../src/db/patrons.js';
import { formSecret } from '../../src/http/page-security.js';
import { testLog } from '../helpers/test-log.js';
import { accountPages } from '../../src/messages/ja/index.js';
import { deliverEmailNotices } from '../../src/notices/email-delivery.js';
import { patronOverview } from '../../src/services/patrons.js';
import { accountClient } from '../helpers/account-pages.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { linkIn, recordingMailer } from '../helpers/mail.js';
import { here } from '../helpers/profiles.js';

// The "done when", as a new user of the demo library would go: change the initial
// password on the page the chat opens, log in with the new one, register an e-mail address,
// confirm it from the mail, and pick E-mail as the contact method of a reservation.
const BASE = 'https://library.example.jp'; // the chat harness's PUBLIC_BASE_URL
const TARO = { card: '2000000001', initial: 'k7Tm2qX9', next: 'taroNew2026' };

let h: ChatHarness;
let pagesOf: ReturnType<typeof accountClient>;
const mailer = recordingMailer();

beforeAll(async () => {
  h = await chatHarness();
  const mail = {
    db: h.db,
    transport: mailer,
    log: testLog,
    publicBaseUrl: BASE,
    mailFrom: here.profile.mail.sender,
  };
  const app = createApp({
    db: h.db,
    log: testLog,
    channelSecret: undefined,
    adminToken: undefined,
    loanPeriodDays: 14,
    jobs: { db: h.db, promoteHoldsHour: 9, deliverNotices: (now) => deliverEmailNotices(mail, now) },
    onEventsStored: () => {},
    clock: () => h.now,
    pages: { publicBaseUrl: BASE, lineAccessBaseUrl: 'https://access.line.me', formSecret: formSecret(undefined) },
    mail: { mailFrom: mail.mailFrom, sendMailNow: async (id) => void (await deliverEmailNotices(mail, h.now, id)) },
  });
  pagesOf = accountClient({ app }, BASE);
});
afterAll(async () => h.close());

const pathOf = (url: string) => url.slice(BASE.length);

describe('a patron of the demo library, from the chat to the pages and back', () => {
  it('パスワード変更, メールアドレス登録 and 各種サービス answer with buttons that open the pages', async () => {
    const user = h.user(300);
    expect(buttonData(await h.say(user, 'パスワード変更'), 'パスワード変更')).toBe(`${BASE}/password`);
    expect(buttonData(await h.say(user, 'メールアドレス登録'), 'メールアドレス登録')).toBe(`${BASE}/email`);
    const menu = await h.say(user, '各種サービス');
    expect(menu[0]).toMatchObject({ kind: 'buttons' });
    expect(buttonData(menu, 'パスワード変更')).toBe(`${BASE}/password`);
    expect(buttonData(menu, 'メールアドレス登録')).toBe(`${BASE}/email`);
    expect(wordsOf(menu)).not.toContain('準備中');
  });

  it(
    'R-PW-3/R-MAIL-2/R-RES-6: changes the initial password, logs in with ' +
      'the new one, registers and confirms an address, reserves with E-mail',
    async () => {
      const user = h.user(301);
      // 1. パスワード変更 from the chat's button.
      const passwordUrl = buttonData(await h.say(user, 'パスワード変更'), 'パスワード変更')!;
      const confirm = await pagesOf.change(pathOf(passwordUrl), {
        step: 'confirm',
        cardNumber: TARO.card,
        password: TARO.initial,
        newPassword: TARO.next,
        newPasswordConfirm: TARO.next,
      });
      expect((await pagesOf.send('/password', confirm.html)).html).toContain(accountPages.password.doneTitle);

      // 2. The old password no longer logs in; the new one does.
      await expect(h.login(user, TARO.card, TARO.initial)).rejects.toThrow(/CREDENTIALS_INVALID/);
      expect(wordsOf(await h.login(user, TARO.card, TARO.next))).toContain('ログインしました');

      // 3. メールアドレス登録, the mail, its link, 確定.
      const emailUrl = buttonData(await h.say(user, 'メールアドレス登録'), 'メールアドレス登録')!;
      const emailConfirm = await pagesOf.change(pathOf(emailUrl), {
        step: 'confirm',
        cardNumber: TARO.card,
        password: TARO.next,
        email: 'taro@example.jp',
        emailType: 'mobile',
      });
      expect((await pagesOf.send('/email', emailConfirm.html)).html).toContain(accountPages.email.doneTitle);
      const link = linkIn(mailer.sent.at(-1)!.text)!;
      expect(mailer.sent.at(-1)!.to).toBe('taro@example.jp');
      const page = await pagesOf.get(pathOf(link));
      expect((await pagesOf.send('/email/confirm', page.html)).html).toContain(accountPages.emailConfirm.doneTitle);

      // 4. A reservation now offers E-mail as the contact method.
      const found = await h.say(user, '吾輩は猫である');
      const branches = await h.tap(user, buttonData(found, '予約申込')!);
      const contact = await h.tap(user, buttonData(branches, here.pickup(0).name)!);
      const email = buttonData(contact, 'E-mail');
      expect(email).toBeDefined();
      const sendButton = buttonData(await h.tap(user, email!), '送信')!;
      expect(wordsOf(await h.tap(user, sendButton))).toContain('連絡方法：E-mail');
      const o = await patronOverview(h.db, TARO.card);
      expect(await findPatronByCard(h.db, TARO.card)).toMatchObject({
        email: 'taro@example.jp',
        emailType: 'mobile',
        emailConfirmed: true,
      });
      expect(o!.holds.find((x) => x.title === '吾輩は猫である')).toMatchObject({
        pickupBranch: here.pickup(0).code,
        contact: 'email',
      });
      // R-RES-3: 依頼中 until the next morning where online holds wait (Kamagaya).
      const placed = o!.holds.find((x) => x.title === '吾輩は猫である')!;
      expect(placed.status === 'requested').toBe(here.holdsWait);
    },
  );
});
