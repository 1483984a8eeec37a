import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorText } from '../../log.js';
import { consoleWords } from '../../messages/ja/console.js';
import { accountsRoutes } from './accounts-routes.js';
import { announcementRoutes } from './announcement-routes.js';
import { authRoutes } from './auth-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import { csrfGuard, renderIn } from './forms.js';
import { ConsoleMessage } from './layout.js';
import { patronDeskRoutes } from './patron-desk-routes.js';
import { todayRoutes } from './today-routes.js';
import { type ConsoleDeps, type ConsoleEnv, consoleHeaders, requireStaff } from './session.js';

export type { ConsoleDeps };

const MAX_BODY = 16 * 1024;
const PUBLIC = new Set(['/staff/login']);

/**
 * The staff console under /staff (docs/staff-console.md): server-rendered pages for the counter,
 * signed in with a staff account. Every path but the login page needs a live session, and every
 * POST this session's CSRF token, before any handler runs. The bearer-token API (/admin/*) is
 * apart and unchanged.
 */
export function staffConsole(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const signedIn = requireStaff(deps);
  const csrf = csrfGuard(deps);
  for (const path of ['/staff', '/staff/*']) {
    app.use(path, consoleHeaders);
    app.use(
      path,
      bodyLimit({
        maxSize: MAX_BODY,
        onError: (c) =>
          renderIn(c, ConsoleMessage({ title: consoleWords.failed.title, body: consoleWords.failed.body }), 413),
      }),
    );
    // A cross-site form post is refused before it reaches anything (SameSite=Strict keeps its cookie away too).
    app.use(path, async (c, next) => {
      if (c.req.method === 'POST' && c.req.header('sec-fetch-site') === 'cross-site')
        return renderIn(c, ConsoleMessage({ title: consoleWords.csrf.title, body: consoleWords.csrf.body }), 403);
      return next();
    });
    app.use(path, (c, next) => (PUBLIC.has(c.req.path) ? next() : signedIn(c, next)));
    app.use(path, (c, next) => (PUBLIC.has(c.req.path) ? next() : csrf(c, next)));
  }
  app.onError((err, c) => {
    deps.log.error('staff console failed', { path: c.req.path, method: c.req.method, error: errorText(err) });
    return renderIn(c, ConsoleMessage({ title: consoleWords.failed.title, body: consoleWords.failed.body }), 500);
  });

  app.route('/', authRoutes(deps));
  app.get('/staff', (c) => c.redirect('/staff/patrons', 303));
  app.route('/', patronDeskRoutes(deps));
  app.route('/', todayRoutes(deps));
  app.route('/', calendarRoutes(deps));
  app.route('/', accountsRoutes(deps));
  app.route('/', announcementRoutes(deps));
  return app;
}
