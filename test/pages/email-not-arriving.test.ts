import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPages } from '../../src/messages/ja/index.js';
import { accountClient } from '../helpers/account-pages.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { at } from '../helpers/library.js';
import { linkIn } from '../helpers/mail.js';
import { addPatronWithPassword, PAGES_ORIGIN as ORIGIN } from '../helpers/pages.js';
import { here } from '../helpers/profiles.js';

// Issue 23, item 11: the guide's advice when the library's mail does not arrive, a mistyped
// address first, on the page that says the confirmation mail is on its way.
let t: TestApp;
let client: ReturnType<typeof accountClient>;
const P = { card: '4000002311', password: 'Typo4pwX' };

beforeAll(async () => {
  t = await testApp({ now: at('2026-12-01 10:00') });
  client = accountClient(t);
  await addPatronWithPassword(t.db, P.card, P.password);
});
afterAll(async () => t.close());

const register = async (email: string) => {
  const confirm = await client.change('/email', {
    step: 'confirm',
    cardNumber: P.card,
    password: P.password,
    email,
    emailType: 'mobile',
  });
  return (await client.send('/email', confirm.html)).html;
};

describe('メールアドレス変更完了: when the mail does not arrive', () => {
  it('R-MAIL-2/R-MAIL-3: says to check the address for a typo and how to register the right one', async () => {
    const done = await register('taro@exmaple.jp');
    expect(done).toContain(accountPages.email.doneTitle);
    expect(done).toContain('taro@exmaple.jp あてに');
    expect(done).toContain('「メールアドレス変更確認のお知らせ」が届かないときは、次をご確認ください。');
    expect(done).toContain('上のメールアドレスに入力ミスがないか。');
    expect(done).toContain('「メールアドレス登録」と送信し、正しいアドレスでもう一度お申し込みください');
    expect(done).toContain('迷惑メールとして自動で削除されたり');
    // yoyaku@library-kamagaya-chiba.jp under Kamagaya
    expect(done).toContain(`${here.profile.mail.sender} からのメールを受信できるよう設定してください`);
  });

  it('R-MAIL-2: as it says, the mistyped address’s link stops working once the right one is asked', async () => {
    const wrongLink = linkIn(t.mailer.sent.at(-1)!.text)!;
    await register('taro@example.jp');
    const rightLink = linkIn(t.mailer.sent.at(-1)!.text)!;
    const wrong = await client.get(wrongLink.slice(ORIGIN.length));
    expect(wrong.res.status).toBe(410);
    expect(wrong.html).toContain(accountPages.emailConfirm.used.title);
    const page = await client.get(rightLink.slice(ORIGIN.length));
    expect((await client.send('/email/confirm', page.html)).html).toContain(accountPages.emailConfirm.doneTitle);
  });
});
