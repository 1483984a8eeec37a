import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { errorText, type Logger } from '../log.js';
import { FormExpiredPage, FormFailedPage, FormForbiddenPage } from '../pages/account-messages.js';
import { renderPage } from '../pages/layout.js';
import { checkFormNonce, issueFormNonce, pageHeaders } from './page-security.js';

/** What the password and e-mail pages need. */
export interface AccountPagesDeps {
  db: Kysely<DB>;
  log: Logger;
  clock: () => Date;
  /** Every link and form action is built from this, never from the request's Host header. */
  publicBaseUrl: string;
  lineAccessBaseUrl: string;
  formSecret: Uint8Array;
  /** MAIL_FROM, named on the pages as the sender to allow (R-MAIL-3). */
  mailFrom: string;
  /** One attempt at sending an outbox notice now (right after its commit); failures leave it to the job. */
  sendMailNow: (noticeId: string) => Promise<void>;
}

type Node = Parameters<typeof renderPage>[0];
export type PageStatus = 200 | 403 | 404 | 410 | 413 | 500;

/** How long a page waits for the mail attempt after commit before answering anyway (the attempt goes on). */
const MAIL_WAIT_MS = 3_000;
const MAX_BODY = 8 * 1024;

export const card = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').trim() : '');
export const raw = (v: unknown) => (typeof v === 'string' ? v : '');
/** No card has such a number, no password is that long: refused without a hash or a count. */
export const CARD_NUMBER = /^[A-Za-z0-9]{1,20}$/;
export const MAX_PASSWORD = 64;

/**
 * The plumbing every account page shares: its headers, a 403 page for cross-origin posts, a 500
 * page for failures, per-form CSRF nonces, and reading a posted form that carries a valid one.
 */
export function pageKit(deps: AccountPagesDeps, purpose: string, formHref: string) {
  const render = async (c: Context, node: Node, status: PageStatus = 200) => c.html(await renderPage(node), status);
  return {
    render,
    /** A fresh formNonce + csrfToken pair for a form rendered now. */
    nonce: () => issueFormNonce(deps.formSecret, purpose, deps.clock()),
    /** Headers on the page's paths only (mounted at '/', a '*' middleware would cover the whole app). */
    install(app: Hono, paths: readonly string[]) {
      for (const path of paths) app.use(path, pageHeaders(deps.lineAccessBaseUrl));
      app.onError(async (err, c) => {
        if (err instanceof HTTPException && err.status === 403) {
          deps.log.warn('patron page: cross-origin form refused', { path: c.req.path });
          return render(c, FormForbiddenPage({ formHref }), 403);
        }
        deps.log.error('patron page failed', { path: c.req.path, method: c.req.method, error: errorText(err) });
        return render(c, FormFailedPage(), 500);
      });
    },
    /** Small bodies only, and the browser's Origin must be PUBLIC_BASE_URL's (hono/csrf). */
    guards: [
      bodyLimit({ maxSize: MAX_BODY, onError: (c) => render(c, FormFailedPage(), 413) }),
      csrf({ origin: new URL(deps.publicBaseUrl).origin }),
    ] as [MiddlewareHandler, MiddlewareHandler],
    /**
     * The posted fields, or the page to answer instead: 403 for a form this server did not render
     * (checked before anything touches the database, so a forged post counts no failure), and the
     * "time is up" page for a genuine one older than 30 minutes (`onExpired` may answer otherwise).
     */
    async readForm(
      c: Context,
      onExpired?: (form: Record<string, string>) => Promise<Response>,
    ): Promise<Record<string, string> | Response> {
      const body = await c.req.parseBody();
      const form: Record<string, string> = {};
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string') form[k] = v;
      const check = checkFormNonce(deps.formSecret, purpose, form.formNonce, form.csrfToken, deps.clock());
      if (check === 'forged') {
        deps.log.warn('patron page: form without a valid form token', { path: c.req.path });
        return render(c, FormForbiddenPage({ formHref }), 403);
      }
      if (check === 'expired') return onExpired ? onExpired(form) : render(c, FormExpiredPage({ formHref }));
      return form;
    },
    /** The attempt to send a notice right after commit, waited for briefly so the page is not held up by a slow server. */
    async sendMailSoon(noticeId: string): Promise<void> {
      const attempt = deps
        .sendMailNow(noticeId)
        .catch((err) => deps.log.warn('mail attempt after commit failed', { noticeId, error: errorText(err) }));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([attempt, new Promise<void>((resolve) => (timer = setTimeout(resolve, MAIL_WAIT_MS)))]);
      clearTimeout(timer);
    },
  };
}
