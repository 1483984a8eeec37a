import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Kysely } from 'kysely';
import { databaseAnswers } from './db/branches.js';
import type { DB } from './db/schema.js';
import { accountPages, type AccountPagesDeps } from './http/account-pages.js';
import { cardImageRoutes } from './http/card-image.js';
import { patronPages, type PatronPagesDeps } from './http/patron-pages.js';
import { staffConsole } from './http/staff-console/index.js';
import type { Multicaster } from './services/announcements.js';
import { staffRoutes, type StaffDeps } from './http/staff-routes.js';
import { webhookRoutes } from './line/webhook.js';
import { errorText, type Logger } from './log.js';

export interface AppDeps {
  db: Kysely<DB>;
  /** Where webhook events are stored (Database.ingest); `db` when absent. */
  ingest?: Kysely<DB>;
  log: Logger;
  channelSecret: string | undefined;
  adminToken: string | undefined;
  loanPeriodDays: number;
  jobs: StaffDeps['jobs'];
  onEventsStored: () => void;
  /** A staff call changed something: attempt the notices it may have written (services/notice-kicker.ts). */
  afterStaffChange?: () => void;
  /** A patron page changed something that the chat acknowledges: attempt its notice now. */
  afterPatronChange?: () => void;
  clock?: () => Date;
  /** The patron pages' origins (from config) and form-token key. */
  pages: Pick<PatronPagesDeps, 'publicBaseUrl' | 'lineAccessBaseUrl' | 'formSecret'>;
  /** The sender named on the e-mail pages, and the attempt to send a queued mail at once. */
  mail: Pick<AccountPagesDeps, 'mailFrom' | 'sendMailNow'>;
  /** The staff console (/staff): Secure cookies and idle minutes; unset, local http and 30 minutes. */
  staffConsole?: { secureCookie: boolean; idleMinutes: number };
  /** Announcements' multicast (src/line/multicast.ts); unset without a LINE channel. */
  multicaster?: Multicaster | undefined;
}

/** A console session lasts at most this long after its login, however busy (S-SESS-1). */
const STAFF_SESSION_MAX_MS = 12 * 3_600_000;

/** The HTTP surface of CONTRACT.md. Errors are handled once, here; no stack trace leaves the process. */
export function createApp(deps: AppDeps): Hono {
  const clock = deps.clock ?? (() => new Date());
  const app = new Hono();
  // One line per request, tied together by a request id (echoed as X-Request-Id). The route
  // pattern, not the path: paths carry card numbers (/admin/patrons/:cardNumber) and tokens.
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const level =
      c.res.status >= 500 ? 'error' : c.req.path === '/healthz' || c.req.path === '/metrics' ? 'debug' : 'info';
    deps.log[level]('http request', {
      requestId: c.get('requestId'),
      flow: 'http',
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  });

  app.get('/healthz', async (c) => {
    try {
      await databaseAnswers(deps.db);
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, error: 'database unavailable' }, 503);
    }
  });
  app.route(
    '/',
    webhookRoutes({
      db: deps.ingest ?? deps.db,
      channelSecret: deps.channelSecret,
      onEventsStored: deps.onEventsStored,
    }),
  );
  app.route('/', patronPages({ db: deps.db, log: deps.log, clock, ...deps.pages }));
  app.route('/', cardImageRoutes({ db: deps.db, log: deps.log, clock }));
  app.route(
    '/',
    accountPages({
      db: deps.db,
      log: deps.log,
      clock,
      ...deps.pages,
      ...deps.mail,
      ...(deps.afterPatronChange ? { afterChange: deps.afterPatronChange } : {}),
    }),
  );
  app.route(
    '/',
    staffRoutes({
      db: deps.db,
      adminToken: deps.adminToken,
      loanPeriodDays: deps.loanPeriodDays,
      jobs: deps.jobs,
      clock,
      ...(deps.afterStaffChange ? { afterChange: deps.afterStaffChange } : {}),
    }),
  );

  const consoleConfig = deps.staffConsole ?? { secureCookie: false, idleMinutes: 30 };
  app.route(
    '/',
    staffConsole({
      db: deps.db,
      log: deps.log,
      clock,
      formSecret: deps.pages.formSecret,
      secureCookie: consoleConfig.secureCookie,
      limits: { idleMs: consoleConfig.idleMinutes * 60_000, maxMs: STAFF_SESSION_MAX_MS },
      loanPeriodDays: deps.loanPeriodDays,
      afterChange: deps.afterStaffChange,
      multicaster: deps.multicaster,
    }),
  );

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'no such path' } }, 404));
  app.onError((err, c) => {
    deps.log.error('request failed', {
      requestId: c.get('requestId'),
      route: routePath(c, -1),
      method: c.req.method,
      error: errorText(err),
    });
    return c.json({ error: { code: 'INTERNAL', message: 'internal error; the request was not carried out' } }, 500);
  });
  return app;
}
