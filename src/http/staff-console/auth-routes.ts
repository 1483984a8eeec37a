import { type Context, Hono } from 'hono';
import { formatDateTimeJa } from '../../messages/ja/format.js';
import { consoleWords } from '../../messages/ja/console.js';
import { maskCard } from '../../log.js';
import { staffLogin, staffLogout } from '../../services/staff-accounts.js';
import { checkFormNonce, issueFormNonce } from '../page-security.js';
import { renderConsole } from './layout.js';
import { StaffLoginPage, type StaffLoginView } from './login-page.js';
import {
  type ConsoleDeps,
  type ConsoleEnv,
  clearSessionCookie,
  csrfTokenMatches,
  presentedSession,
  requireStaff,
  setSessionCookie,
} from './session.js';
import { readConsoleForm, refuseForgedForm } from './forms.js';

const t = consoleWords.login;
const LOGIN_PURPOSE = 'staff-login';
/** Every failed login answers alike (200 and the form): the status tells an attacker nothing. */
const FAILURE_STATUS = 200;

/** GET/POST /staff/login and POST /staff/logout. */
export function authRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const show = async (
    c: Context,
    more: Omit<StaffLoginView, 'formNonce' | 'csrfToken'> = {},
    status: 200 | 403 = 200,
  ) =>
    c.html(
      await renderConsole(StaffLoginPage({ ...issueFormNonce(deps.formSecret, LOGIN_PURPOSE, deps.clock()), ...more })),
      status,
    );

  app.get('/staff/login', (c) =>
    show(c, { note: c.req.query('expired') ? t.expired : c.req.query('bye') ? t.loggedOut : undefined }),
  );

  app.post('/staff/login', async (c) => {
    const form = await readConsoleForm(c);
    // A form this server did not render (or one older than 30 minutes) counts no failure.
    if (checkFormNonce(deps.formSecret, LOGIN_PURPOSE, form.formNonce, form.csrfToken, deps.clock()) !== 'ok') {
      deps.log.warn('staff console: login form without a valid form token');
      return show(c, { error: consoleWords.csrf.body }, 403);
    }
    const name = (form.name ?? '').normalize('NFKC').trim().toLowerCase();
    const password = form.password ?? '';
    if (name === '' || password === '')
      return show(c, { name, error: t.required(name === '' ? t.nameLabel : t.passwordLabel) }, FAILURE_STATUS);
    const r = await staffLogin(
      deps.db,
      { name: name.slice(0, 64), password: password.slice(0, 1024), previous: presentedSession(c) },
      deps.clock(),
    );
    if (!r.ok) {
      deps.log.info('staff console: login refused', { staff: maskCard(name), locked: r.locked !== null });
      return show(c, { name, error: r.locked ? t.locked(formatDateTimeJa(r.locked)) : t.invalid }, FAILURE_STATUS);
    }
    deps.log.info('staff console: login', { staff: r.staff.name });
    setSessionCookie(c, deps, r.sessionId);
    return c.redirect('/staff/patrons', 303);
  });

  // Past requireStaff and the CSRF guard (index.ts), like every console path but the login page.
  app.post('/staff/logout', async (c) => {
    await staffLogout(deps.db, c.get('sessionId'), c.get('staff'), deps.clock(), deps.limits.idleMs);
    clearSessionCookie(c, deps);
    return c.redirect('/staff/login?bye=1', 303);
  });

  return app;
}
