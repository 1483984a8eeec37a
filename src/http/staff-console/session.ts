import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../db/audit.js';
import type { DB } from '../../db/schema.js';
import type { Logger } from '../../log.js';
import type { Multicaster } from '../../services/announcements.js';
import { staffOfSession, type SessionLimits, type StaffRow } from '../../services/staff-accounts.js';
import { formToken, formTokenMatches } from '../page-security.js';

/** What the console's routes need. */
export interface ConsoleDeps {
  db: Kysely<DB>;
  log: Logger;
  clock: () => Date;
  /** The patron pages' form-token key (page-security.ts): the console's CSRF tokens use it with their own purpose. */
  formSecret: Uint8Array;
  /** Secure cookies: on when the console is served over https (STAFF_COOKIE_SECURE). */
  secureCookie: boolean;
  limits: SessionLimits;
  loanPeriodDays: number;
  /** Announcements go out through it; unset when no LINE channel is configured. */
  multicaster?: Multicaster | undefined;
  /** A console action changed something (a notice may have been written): deliver now. */
  afterChange?: (() => void) | undefined;
}

/** The signed-in staff member and their session id, on every request past `requireStaff`. */
export type ConsoleEnv = { Variables: { staff: StaffRow; sessionId: string } };

export const COOKIE = 'staff_session';
const CSRF_PURPOSE = 'staff-console';

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's link or form sends it), Secure
 * when served over https, scoped to /staff. No Max-Age: it ends with the browser, and the server
 * ends it earlier when idle (S-SESS-1).
 */
export function setSessionCookie(c: Context, deps: ConsoleDeps, sessionId: string): void {
  setCookie(c, COOKIE, sessionId, { path: '/staff', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookie });
}

export function clearSessionCookie(c: Context, deps: ConsoleDeps): void {
  deleteCookie(c, COOKIE, { path: '/staff', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookie });
}

export const presentedSession = (c: Context): string | undefined => getCookie(c, COOKIE) || undefined;

/**
 * The CSRF token of every console form: HMAC(key, purpose + session id). Only this server can make
 * it, only for this session; it changes at every login, with the session id.
 */
export const csrfTokenOf = (deps: ConsoleDeps, sessionId: string) =>
  formToken(deps.formSecret, CSRF_PURPOSE, sessionId);
export const csrfTokenMatches = (deps: ConsoleDeps, sessionId: string, presented: unknown) =>
  formTokenMatches(deps.formSecret, CSRF_PURPOSE, sessionId, presented);

/** Who did it, in the audit log: `staff:<name>`. */
export const actorOf = (c: Context<ConsoleEnv>): AuditActor => ({ kind: 'staff', staffName: c.get('staff').name });

/**
 * Every console path but the login page: a live session (S-SESS-1) of an account that is not
 * disabled, or a redirect to the login page (which says the session ended, when one was presented).
 */
export function requireStaff(deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const sessionId = presentedSession(c);
    const staff = sessionId ? await staffOfSession(deps.db, sessionId, deps.clock(), deps.limits) : undefined;
    if (!sessionId || !staff) {
      if (sessionId) clearSessionCookie(c, deps);
      return c.redirect(sessionId ? '/staff/login?expired=1' : '/staff/login', 303);
    }
    c.set('staff', staff);
    c.set('sessionId', sessionId);
    await next();
  };
}

/** Console headers: nothing cached, framed, sniffed or referred; no script at all. */
export const consoleHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('X-Frame-Options', 'DENY');
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
};
