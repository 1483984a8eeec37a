import type { Hono } from 'hono';
import type { EmailType } from '../domain/email.js';
import { maskCard } from '../log.js';
import { accountPages as t, refusalMessage } from '../messages/current.js';
import { EmailConfirmPage, EmailDonePage, EmailPage, EmailRefusedPage } from '../pages/email.js';
import { checkEmailRequest, requestEmailRegistration } from '../services/email-registration.js';
import type { ServiceFailure } from '../services/errors.js';
import {
  accountFormRoutes,
  type AccountPagesDeps,
  cannotBeRight,
  credentialLabels,
  card,
  missingFields,
  postedFields,
  raw,
} from './page-kit.js';

const EMAIL_TYPES: readonly string[] = ['pc', 'mobile'] satisfies EmailType[];

/**
 * メールアドレス変更 (R-MAIL-1..3, R-ELIG-4): GET /email shows the form; POST /email step=confirm
 * (変更) checks address, card, password and eligibility and shows メールアドレス変更確認; step=send
 * (送信) checks again, writes the link and its mail to the outbox in one transaction, tries the
 * mail at once, and answers 303 to GET /email/done, which shows メールアドレス変更完了
 * (POST-redirect-GET: page-kit.ts, form-results.ts). The address is registered only by the link
 * (email-link-pages.ts).
 */
export function emailPages(deps: AccountPagesDeps): Hono {
  const route = {
    path: '/email',
    purpose: 'email',
    page: EmailPage,
    done: (shown: Record<string, string>, again: boolean) =>
      EmailDonePage({ email: shown.email ?? '', sender: deps.mailFrom, again }),
  };
  return accountFormRoutes(deps, route, async (c, posted, { kit, formHref, form, ...prg }) => {
    // Full-width characters from a Japanese keyboard (＠, ｄｏｃｏｍｏ) are the same address.
    const f = postedFields(posted, { email: card, emailType: raw });
    const kept = { cardNumber: f.cardNumber, email: f.email, emailType: f.emailType };
    const missing = {
      ...missingFields(f, { ...credentialLabels(), email: t.email.emailLabel }),
      ...(!EMAIL_TYPES.includes(f.emailType) ? { emailType: t.email.emailTypeRequired } : {}),
    };
    if (Object.keys(missing).length > 0) return form({ ...kept, fieldErrors: missing });
    if (cannotBeRight(f.cardNumber, f.password))
      return form({ ...kept, error: refusalMessage({ code: 'CREDENTIALS_INVALID' }) });

    const req = { ...f, emailType: f.emailType as EmailType };
    const now = deps.clock();
    const refusedPage = (failure: ServiceFailure) => {
      if (failure.kind !== 'refused') throw new Error(`e-mail registration: unexpected outcome ${failure.kind}`);
      const r = failure.refusal;
      deps.log.info('e-mail registration refused', { card: maskCard(f.cardNumber), code: r.code });
      if (r.code === 'EMAIL_ADDRESS_INVALID') return form({ ...kept, fieldErrors: { email: refusalMessage(r) } });
      if (r.code === 'CREDENTIALS_INVALID')
        return prg.credentialsRefused(() => form({ ...kept, error: refusalMessage(r) }));
      // R-ELIG-4: the patron is known now, so the page says why they may not register.
      return kit.render(c, EmailRefusedPage({ reason: refusalMessage(r) }));
    };

    if (posted.step !== 'send') {
      const checked = await checkEmailRequest(deps.db, req, now);
      if (!checked.ok) return refusedPage(checked.failure);
      const hidden = { ...f, ...kit.nonce(prg.formId) };
      return kit.render(c, EmailConfirmPage({ ...kept, action: formHref, hidden, formHref }));
    }
    const requested = await requestEmailRegistration(deps.db, req, now);
    if (!requested.ok) return refusedPage(requested.failure);
    deps.log.info('e-mail registration requested', {
      card: maskCard(f.cardNumber),
      noticeId: requested.value.noticeId,
    });
    await kit.sendMailSoon(requested.value.noticeId);
    return prg.done({ email: requested.value.email });
  });
}
