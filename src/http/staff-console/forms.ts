import type { Context, MiddlewareHandler } from 'hono';
import { consoleWords } from '../../messages/ja/console.js';
import { type ConsoleArea, mayUse, roleNeededFor } from '../../domain/staff-roles.js';
import { audit } from '../../db/audit.js';
import { ConsoleMessage, renderConsole } from './layout.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv, csrfTokenMatches, csrfTokenOf } from './session.js';

type Node = Parameters<typeof renderConsole>[0];
export type ConsoleStatus = 200 | 403 | 404 | 409 | 413 | 422 | 500;

export const renderIn = async (c: Context, node: Node, status: ConsoleStatus = 200) =>
  c.html(await renderConsole(node), status);

/** The posted form's text fields (files and repeated fields are not console input). */
export async function readConsoleForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') form[k] = v;
  return form;
}

export function refuseForgedForm(c: Context, deps: ConsoleDeps) {
  deps.log.warn('staff console: form without a valid CSRF token', { path: c.req.path });
  return renderIn(c, ConsoleMessage({ title: consoleWords.csrf.title, body: consoleWords.csrf.body }), 403);
}

/** Every POST past requireStaff carries this session's CSRF token, checked before anything else. */
export function csrfGuard(deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const form = await readConsoleForm(c);
    if (!csrfTokenMatches(deps, c.get('sessionId'), form.csrf)) return refuseForgedForm(c, deps);
    await next();
  };
}

/**
 * S-ROLE-1 at the door of an area: a role that may not use it gets 403 and a page saying which role
 * it needs, and the refusal is in the audit log.
 */
export function requireArea(deps: ConsoleDeps, area: ConsoleArea): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const staff = c.get('staff');
    if (mayUse(staff.role, area)) return next();
    await audit(deps.db, { actor: actorOf(c), action: 'staff.refused', details: { area, path: c.req.path } });
    return renderIn(
      c,
      ConsoleMessage({
        title: consoleWords.forbidden.title,
        body: consoleWords.forbidden.body(area, roleNeededFor(area), staff.role),
        staff,
        csrf: csrfTokenOf(deps, c.get('sessionId')),
        link: { href: '/staff/patrons', label: consoleWords.forbidden.back },
      }),
      403,
    );
  };
}

/** The signed-in member and the page's CSRF token, as every console page's layout takes them. */
export const who = (deps: ConsoleDeps, c: Context<ConsoleEnv>) => ({
  staff: c.get('staff'),
  csrf: csrfTokenOf(deps, c.get('sessionId')),
});
