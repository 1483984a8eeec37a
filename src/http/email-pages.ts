import { Hono, type Context } from 'hono';
import type { EmailType } from '../domain/email.js';
import { maskCard } from '../log.js';
import { accountPages as t, pages, refusalMessage } from '../messages/ja/index.js';
import { EmailConfirmPage, EmailDonePage, EmailPage, EmailRefusedPage, type EmailFormView } from '../pages/email.js';
import { checkEmailRequest, requestEmailRegistration } from '../services/email-registration.js';
import type { ServiceFailure } from '../services/errors.js';
import { card, CARD_NUMBER, MAX_PASSWORD, pageKit, raw, type AccountPagesDeps } from './page-kit.js';

const PURPOSE = 'email';
const EMAIL_TYPES: readonly string[] = ['pc', 'mobile'] satisfies EmailType[];

/**
 * メールアドレス変更 (R-MAIL-1..3, R-ELIG-4): GET /email shows the form; POST /email step=confirm
 * (変更) checks address, card, password and eligibility and shows メールアドレス変更確認; step=send
 * (送信) checks again, writes the link and its mail to the outbox in one transaction, tries the
 * mail at once, and shows メールアドレス変更完了. The address is registered only by the link
 * (email-link-pages.ts).
 */
export function emailPages(deps: AccountPagesDeps): Hono {
  const app = new Hono();
  const formHref = `${deps.publicBaseUrl}/email`;
  const kit = pageKit(deps, PURPOSE, formHref);
  kit.install(app, ['/email']);
  const form = (c: Context, more: Omit<EmailFormView, 'action' | 'hidden'> = {}) =>
    kit.render(c, EmailPage({ action: formHref, hidden: kit.nonce(), ...more }));

  app.get('/email', (c) => form(c));

  app.post('/email', ...kit.guards, async (c) => {
    const posted = await kit.readForm(c);
    if (posted instanceof Response) return posted;
    // Full-width characters from a Japanese keyboard (＠, ｄｏｃｏｍｏ) are the same address.
    const f = {
      cardNumber: card(posted.cardNumber),
      password: raw(posted.password),
      email: card(posted.email),
      emailType: raw(posted.emailType),
    };
    const kept = { cardNumber: f.cardNumber, email: f.email, emailType: f.emailType };
    const missing = {
      ...(f.cardNumber === '' ? { cardNumber: pages.required(t.cardNumberLabel) } : {}),
      ...(f.password === '' ? { password: pages.required(t.currentPasswordLabel) } : {}),
      ...(f.email === '' ? { email: pages.required(t.email.emailLabel) } : {}),
      ...(!EMAIL_TYPES.includes(f.emailType) ? { emailType: t.email.emailTypeRequired } : {}),
    };
    if (Object.keys(missing).length > 0) return form(c, { ...kept, fieldErrors: missing });
    if (!CARD_NUMBER.test(f.cardNumber) || f.password.length > MAX_PASSWORD)
      return form(c, { ...kept, error: refusalMessage({ code: 'CREDENTIALS_INVALID' }) });

    const req = { ...f, emailType: f.emailType as EmailType };
    const now = deps.clock();
    const refusedPage = (failure: ServiceFailure) => {
      if (failure.kind !== 'refused') throw new Error(`e-mail registration: unexpected outcome ${failure.kind}`);
      const r = failure.refusal;
      deps.log.info('e-mail registration refused', { card: maskCard(f.cardNumber), code: r.code });
      if (r.code === 'EMAIL_ADDRESS_INVALID') return form(c, { ...kept, fieldErrors: { email: refusalMessage(r) } });
      if (r.code === 'CREDENTIALS_INVALID') return form(c, { ...kept, error: refusalMessage(r) });
      // R-ELIG-4: the patron is known now, so the page says why they may not register.
      return kit.render(c, EmailRefusedPage({ reason: refusalMessage(r) }));
    };

    if (posted.step !== 'send') {
      const checked = await checkEmailRequest(deps.db, req, now);
      if (!checked.ok) return refusedPage(checked.failure);
      return kit.render(
        c,
        EmailConfirmPage({
          action: formHref,
          hidden: { ...f, ...kit.nonce() },
          cardNumber: f.cardNumber,
          email: f.email,
          emailType: f.emailType,
          formHref,
        }),
      );
    }
    const requested = await requestEmailRegistration(deps.db, req, now);
    if (!requested.ok) return refusedPage(requested.failure);
    deps.log.info('e-mail registration requested', {
      card: maskCard(f.cardNumber),
      noticeId: requested.value.noticeId,
    });
    await kit.sendMailSoon(requested.value.noticeId);
    return kit.render(c, EmailDonePage({ email: requested.value.email, sender: deps.mailFrom }));
  });

  return app;
}
