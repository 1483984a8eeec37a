import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { errorText, type Logger } from '../log.js';
import { accountPages, pages, refusalMessage } from '../messages/current.js';
import { FormExpiredPage, FormFailedPage, FormForbiddenPage } from '../pages/account-messages.js';
import { renderPage } from '../pages/layout.js';
import { formResults } from './form-results.js';
import { checkFormNonce, formIdOf, issueFormNonce, pageHeaders, patronCsrf } from './page-security.js';

/** What every patron page needs (login, password, e-mail). */
export interface PageDeps {
  db: Kysely<DB>;
  log: Logger;
  clock: () => Date;
  /** Every link and form action is built from this, never from the request's Host header. */
  publicBaseUrl: string;
  lineAccessBaseUrl: string;
  /** Key of the per-form CSRF tokens (see page-security.ts). */
  formSecret: Uint8Array;
}

/** What the password and e-mail pages need besides. */
export interface AccountPagesDeps extends PageDeps {
  /** MAIL_FROM, named on the pages as the sender to allow (R-MAIL-3). */
  mailFrom: string;
  /** One attempt at sending an outbox notice now (right after its commit); failures leave it to the job. */
  sendMailNow: (noticeId: string) => Promise<void>;
  /** A page wrote a LINE notice (an address confirmed): attempt it now; the minute's job is the fallback. */
  afterChange?: () => void;
}

type Node = Parameters<typeof renderPage>[0];
export type PageStatus = 200 | 403 | 404 | 410 | 413 | 500;

/** How long a page waits for the mail attempt after commit before answering anyway (the attempt goes on). */
const MAIL_WAIT_MS = 3_000;
const MAX_BODY = 8 * 1024;

/** Full-width characters from a Japanese keyboard (digits, ＠) are the same card number or address. */
export const card = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').trim() : '');
export const raw = (v: unknown) => (typeof v === 'string' ? v : '');

/** The card number and password of a posted form (login, account forms); the password as typed. */
export const postedCredentials = (posted: Record<string, unknown>) => ({
  cardNumber: card(posted.cardNumber),
  password: raw(posted.password),
});

/** An account form's posted fields: the credentials, then its own, each read by its reader (`card`, `raw`). */
export function postedFields<K extends string>(
  posted: Record<string, unknown>,
  readers: Record<K, (v: unknown) => string>,
) {
  const own = {} as Record<K, string>;
  for (const k of Object.keys(readers) as K[]) own[k] = readers[k](posted[k]);
  return { ...postedCredentials(posted), ...own };
}
const CARD_NUMBER = /^[A-Za-z0-9]{1,20}$/;
const MAX_PASSWORD = 64;

/**
 * No card has such a number, no password is that long: such a guess cannot be right, so it is
 * refused without a hash or a count (pages/patron-fields.tsx limits the inputs alike).
 */
export const cannotBeRight = (cardNumber: string, password: string) =>
  !CARD_NUMBER.test(cardNumber) || password.length > MAX_PASSWORD;

/** The account forms' card number and current password, as their "please enter" sentences name them. */
export const credentialLabels = () => ({
  cardNumber: accountPages.cardNumberLabel,
  password: accountPages.currentPasswordLabel,
});

/** The "please enter" sentence of each field left empty, by the field's name (`labels` names them). */
export function missingFields<K extends string>(
  values: Record<NoInfer<K>, string>,
  labels: Record<K, string>,
): Partial<Record<K, string>> {
  const missing: Partial<Record<K, string>> = {};
  for (const k of Object.keys(labels) as K[]) if (values[k] === '') missing[k] = pages.required(labels[k]);
  return missing;
}

/**
 * The plumbing every account page shares: its headers, a 403 page for cross-origin posts, a 500
 * page for failures, per-form CSRF nonces, and reading a posted form that carries a valid one.
 */
export function pageKit(deps: AccountPagesDeps, purpose: string, formHref: string) {
  const render = async (c: Context, node: Node, status: PageStatus = 200) => c.html(await renderPage(node), status);
  return {
    render,
    /** A fresh formNonce + csrfToken pair for a form rendered now; `formId` carries a form on to its confirmation. */
    nonce: (formId?: string) => issueFormNonce(deps.formSecret, purpose, deps.clock(), formId),
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
    /** Small bodies only, and the browser's Origin must be PUBLIC_BASE_URL's (patronCsrf). */
    guards: [
      bodyLimit({ maxSize: MAX_BODY, onError: (c) => render(c, FormFailedPage(), 413) }),
      patronCsrf(deps.publicBaseUrl),
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
    /** The attempt to send a notice right after commit, waited for briefly: a slow server does not hold the page up. */
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

export type PageKit = ReturnType<typeof pageKit>;

/** What the route adds to every form's view: where it posts, and its fresh form token. */
type FormView = { action: string; hidden: Readonly<Record<string, string>> };
/** What a form shows besides: typed values, errors. */
type FormMore<View> = Omit<View, keyof FormView>;
/** Every account form keeps the typed card number and can say the credentials were refused. */
type AccountView = FormView & { cardNumber?: string; error?: string };

/** What an account form's POST handler is given besides the request and the posted fields. */
export interface FormPost<View> {
  kit: PageKit;
  formHref: string;
  /** The form again (200) with a fresh form token and what it shows. */
  form: (more?: FormMore<View>) => Promise<Response>;
  /** This submission's form id: the confirmation page carries it on (`kit.nonce(formId)`). */
  formId: string;
  /** The change is made: 303 to the result page, which shows `shown` (form-results.ts). */
  done: (shown?: Record<string, string>) => Promise<Response>;
  /** The card or password was refused (and counted): `answer`, unless this form's twin already made the change. */
  credentialsRefused: (answer: () => Promise<Response>) => Promise<Response>;
}

const INVALID = () => refusalMessage({ code: 'CREDENTIALS_INVALID' });

/**
 * The routes of an account form (password, e-mail) at `path`: GET shows it empty; POST, past the
 * guards and with a valid form token, hands the posted fields to `onPost`; GET `path`/done shows a
 * completed change (POST-redirect-GET). A form posted again after its change was made (Back,
 * reload, even past its 30 minutes) goes to that result; one whose card or password was refused is
 * refused again without a check, so a reload counts no second failure (a retry comes from the
 * re-rendered form, which has a new form id).
 */
export function accountFormRoutes<View extends AccountView>(
  deps: AccountPagesDeps,
  form: {
    path: string;
    purpose: string;
    page: (view: View) => Node;
    done: (shown: Record<string, string>, again: boolean) => Node;
  },
  onPost: (c: Context, posted: Record<string, string>, post: FormPost<View>) => Promise<Response>,
): Hono {
  const app = new Hono();
  const formHref = `${deps.publicBaseUrl}${form.path}`;
  const kit = pageKit(deps, form.purpose, formHref);
  const results = formResults({ ...deps, render: kit.render }, form.purpose, `${form.path}/done`);
  kit.install(app, [form.path, results.resultPath]);
  results.install(app, form.done, formHref);
  const show = (c: Context, more = {} as FormMore<View>) => {
    const added: FormView = { action: formHref, hidden: kit.nonce() };
    // `more` is a View but for what is added here (TS does not see through the Omit).
    return kit.render(c, form.page({ ...added, ...more } as View));
  };
  const refusedAgain = (c: Context, posted: Record<string, string>) =>
    show(c, { cardNumber: card(posted.cardNumber), error: INVALID() } as Partial<View> as FormMore<View>);

  app.get(form.path, (c) => show(c));
  app.post(form.path, ...kit.guards, async (c) => {
    const posted = await kit.readForm(c, async (expired) => {
      const earlier = await results.earlier(formIdOf(expired.formNonce ?? ''));
      if (earlier?.outcome === 'done') return results.redirect(c, formIdOf(expired.formNonce ?? ''), true);
      return kit.render(c, FormExpiredPage({ formHref }));
    });
    if (posted instanceof Response) return posted;
    const formId = formIdOf(posted.formNonce ?? '');
    const earlier = await results.earlier(formId);
    if (earlier?.outcome === 'done') return results.redirect(c, formId, true);
    if (earlier?.outcome === 'failed') return refusedAgain(c, posted);
    return onPost(c, posted, {
      kit,
      formHref,
      form: (more) => show(c, more),
      formId,
      done: (shown) => results.done(c, formId, shown),
      credentialsRefused: async (answer) =>
        (await results.failed(formId)) === 'done' ? results.redirect(c, formId, true) : answer(),
    });
  });
  return app;
}
