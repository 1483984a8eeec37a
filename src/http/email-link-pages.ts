import { Hono, type Context } from 'hono';
import { refusalMessage } from '../messages/current.js';
import { EmailLinkDonePage, EmailLinkInvalidPage, EmailLinkPage } from '../pages/email-confirm.js';
import { EmailRefusedPage } from '../pages/email.js';
import { confirmEmailRegistration, emailLinkState } from '../services/email-registration.js';
import { formResults } from './form-results.js';
import { pageKit, type AccountPagesDeps } from './page-kit.js';

const PURPOSE = 'email-confirm';

/**
 * The link of the confirmation mail (R-MAIL-2). GET /email/confirm?token=… only shows the address
 * with 確定 (mail scanners that open links register nothing); POST /email/confirm registers it,
 * spends the link and answers 303 to GET /email/confirm/done (POST-redirect-GET); the link opened
 * or 確定 posted again after that goes to the same result. Unknown links answer 404, expired or used
 * ones 410, each with a page that says which and how to start again.
 */
export function emailLinkPages(deps: AccountPagesDeps): Hono {
  const app = new Hono();
  const action = `${deps.publicBaseUrl}/email/confirm`;
  const formHref = `${deps.publicBaseUrl}/email`;
  const kit = pageKit(deps, PURPOSE, formHref);
  // The mail's link is the form: one link, one registration, however often 確定 is posted.
  const results = formResults({ ...deps, render: kit.render }, PURPOSE, '/email/confirm/done');
  kit.install(app, ['/email/confirm', results.resultPath]);
  results.install(app, (_, again) => EmailLinkDonePage({ again }), formHref);
  const earlierDone = async (token: unknown) =>
    typeof token === 'string' && (await results.earlier(token))?.outcome === 'done';

  const show = async (c: Context, token: unknown) => {
    const link = await emailLinkState(deps.db, token, deps.clock());
    if (link.state === 'used' && (await earlierDone(token))) return results.redirect(c, String(token), true);
    if (link.state !== 'valid')
      return kit.render(c, EmailLinkInvalidPage({ state: link.state, formHref }), link.state === 'unknown' ? 404 : 410);
    return kit.render(
      c,
      EmailLinkPage({
        action,
        hidden: { token: String(token), ...kit.nonce() },
        email: link.email,
        emailType: link.emailType,
      }),
    );
  };

  app.get('/email/confirm', (c) => show(c, c.req.query('token')));

  app.post('/email/confirm', ...kit.guards, async (c) => {
    // A 確定 page left open over 30 minutes is simply shown again: the link itself lives 24 hours.
    const posted = await kit.readForm(c, (form) => show(c, form.token));
    if (posted instanceof Response) return posted;
    if (await earlierDone(posted.token)) return results.redirect(c, String(posted.token), true);
    const r = await confirmEmailRegistration(deps.db, posted.token, deps.clock());
    if (!r.ok && 'link' in r)
      return kit.render(c, EmailLinkInvalidPage({ state: r.link, formHref }), r.link === 'unknown' ? 404 : 410);
    if (!r.ok) {
      if (r.failure.kind !== 'refused') throw new Error(`e-mail confirmation: unexpected outcome ${r.failure.kind}`);
      deps.log.info('e-mail confirmation refused', { code: r.failure.refusal.code });
      return kit.render(c, EmailRefusedPage({ reason: refusalMessage(r.failure.refusal) }));
    }
    deps.log.info('e-mail address confirmed');
    deps.afterChange?.();
    return results.done(c, String(posted.token));
  });

  return app;
}
