import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { errorText, maskCard } from '../log.js';
import { pages, refusalMessage } from '../messages/current.js';
import { renderPage } from '../pages/layout.js';
import {
  FailedPage,
  ForbiddenPage,
  LinkExpiredPage,
  LoginAcceptedPage,
  LoginPage,
  LoginRefusedPage,
  type LoginFormView,
} from '../pages/login.js';
import { linkTokenIsValid, loginForAccountLink } from '../services/account-link.js';
import { formResults } from './form-results.js';
import { cannotBeRight, missingFields, type PageDeps, postedCredentials } from './page-kit.js';
import { formToken, formTokenMatches, pageHeaders, patronCsrf } from './page-security.js';

export type PatronPagesDeps = PageDeps;

/**
 * Every credential failure (unknown card, wrong password, locked card, malformed input) answers
 * 200 with the form and one sentence: a re-rendered form is a normal page, and 401 would call for
 * a WWW-Authenticate challenge that a form login does not have. One status for all, so the status
 * tells an attacker nothing either.
 */
const CREDENTIAL_FAILURE_STATUS = 200;
/** The link is dead; browsers show the page all the same. */
const EXPIRED_STATUS = 410;
const CSRF_PURPOSE = 'login';
const MAX_LINK_TOKEN = 256;

/** Patron pages opened from the chat: GET/POST /login (LINE account link). */
export function patronPages(deps: PatronPagesDeps): Hono {
  const app = new Hono();
  const loginAction = `${deps.publicBaseUrl}/login`;
  const page = async (
    c: Context,
    node: Parameters<typeof renderPage>[0],
    status: 200 | 403 | 404 | 410 | 413 | 500 = 200,
  ) => c.html(await renderPage(node), status);
  const form = (linkToken: string, more: Omit<LoginFormView, 'action' | 'linkToken' | 'csrfToken'> = {}) =>
    LoginPage({
      action: loginAction,
      linkToken,
      csrfToken: formToken(deps.formSecret, CSRF_PURPOSE, linkToken),
      ...more,
    });
  // The link token is the form: once it logged in, Back or reload onto the page says so, not "expired".
  const results = formResults({ ...deps, render: (c, node, status) => page(c, node, status) }, 'login', '/login');
  const usedOrExpired = async (c: Context, token: string) =>
    (await results.earlier(token))?.outcome === 'done'
      ? page(c, LoginAcceptedPage())
      : page(c, LinkExpiredPage(), EXPIRED_STATUS);
  const liveLinkToken = async (token: unknown): Promise<string | undefined> =>
    typeof token === 'string' &&
    token !== '' &&
    token.length <= MAX_LINK_TOKEN &&
    (await linkTokenIsValid(deps.db, token, deps.clock()))
      ? token
      : undefined;

  // Registered per path, not with '*': mounted at '/', a '*' middleware would cover the whole app.
  app.use('/login', pageHeaders(deps.lineAccessBaseUrl));

  app.onError(async (err, c) => {
    // hono/csrf refuses with an HTTPException 403; the patron gets a page, not a bare "Forbidden".
    if (err instanceof HTTPException && err.status === 403) {
      deps.log.warn('patron page: cross-origin form refused', { path: c.req.path });
      return page(c, ForbiddenPage(), 403);
    }
    deps.log.error('patron page failed', { path: c.req.path, method: c.req.method, error: errorText(err) });
    return page(c, FailedPage(), 500);
  });

  app.get('/login', async (c) => {
    const linkToken = await liveLinkToken(c.req.query('linkToken'));
    if (!linkToken) return usedOrExpired(c, c.req.query('linkToken') ?? '');
    return page(c, form(linkToken));
  });

  app.post(
    '/login',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => page(c, FailedPage(), 413) }),
    patronCsrf(deps.publicBaseUrl),
    async (c) => {
      const body = await c.req.parseBody();
      const posted = typeof body.linkToken === 'string' ? body.linkToken : '';
      // Checked before anything touches the database: a forged form counts no failure.
      if (!formTokenMatches(deps.formSecret, CSRF_PURPOSE, posted, body.csrfToken)) {
        deps.log.warn('patron page: login form without a valid form token');
        return page(c, ForbiddenPage(), 403);
      }
      const linkToken = await liveLinkToken(posted);
      if (!linkToken) return usedOrExpired(c, posted);

      const { cardNumber, password } = postedCredentials(body);
      const fieldErrors = missingFields(
        { cardNumber, password },
        { cardNumber: pages.login.cardNumberLabel, password: pages.login.passwordLabel },
      );
      if (Object.keys(fieldErrors).length > 0)
        return page(c, form(linkToken, { cardNumber, fieldErrors }), CREDENTIAL_FAILURE_STATUS);
      const invalid = () =>
        page(
          c,
          form(linkToken, { cardNumber, error: refusalMessage({ code: 'CREDENTIALS_INVALID' }) }),
          CREDENTIAL_FAILURE_STATUS,
        );
      if (cannotBeRight(cardNumber, password)) return invalid();

      const r = await loginForAccountLink(deps.db, { linkToken, cardNumber, password }, deps.clock());
      if (r.ok) {
        deps.log.info('account link: login accepted', { card: maskCard(cardNumber) });
        await results.remember(linkToken);
        const q = `linkToken=${encodeURIComponent(linkToken)}&nonce=${encodeURIComponent(r.value.nonce)}`;
        return c.redirect(`${deps.lineAccessBaseUrl}/dialog/bot/accountLink?${q}`, 302);
      }
      const f = r.failure;
      if (f.kind === 'conflict' && f.code === 'LINK_TOKEN_EXPIRED') return page(c, LinkExpiredPage(), EXPIRED_STATUS);
      if (f.kind === 'refused' && f.refusal.code === 'CREDENTIALS_INVALID') {
        deps.log.info('account link: login refused', { card: maskCard(cardNumber) });
        return invalid();
      }
      if (f.kind === 'refused') {
        deps.log.info('account link: patron may not log in', { card: maskCard(cardNumber), code: f.refusal.code });
        return page(c, LoginRefusedPage({ reason: refusalMessage(f.refusal) }));
      }
      throw new Error(`login: unexpected outcome ${f.kind}`);
    },
  );

  return app;
}
