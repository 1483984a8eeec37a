import { type Context, Hono } from 'hono';
import { isStaffRole } from '../../domain/staff-roles.js';
import { consoleWords } from '../../messages/ja/console.js';
import { addStaff, disableStaff, generateStaffPassword, listStaff } from '../../services/staff-accounts.js';
import { AccountsPage } from './accounts-page.js';
import { type ConsoleStatus, readConsoleForm, renderIn, requireArea, who } from './forms.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from './session.js';

const t = consoleWords.accounts;
const CONFLICT_WORDS: Record<string, (name: string) => string> = {
  STAFF_NAME_INVALID: () => t.nameInvalid,
  STAFF_NAME_EXISTS: t.nameTaken,
  UNKNOWN_STAFF: t.unknown,
};

/** The staff accounts, for administrators only (S-ROLE-1); the CLI does the same (src/cli/staff.ts). */
export function accountsRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/staff/staff', requireArea(deps, 'staff'));
  app.use('/staff/staff/*', requireArea(deps, 'staff'));
  const show = async (
    c: Context<ConsoleEnv>,
    more: { done?: string; error?: string; newPassword?: string } = {},
    status: ConsoleStatus = 200,
  ) => renderIn(c, AccountsPage({ ...who(deps, c), accounts: await listStaff(deps.db), ...more }), status);

  app.get('/staff/staff', async (c) => {
    const disabled = c.req.query('disabled');
    const known = disabled && (await listStaff(deps.db)).some((a) => a.name === disabled && a.disabledAt);
    return show(c, known ? { done: t.disabledDone(disabled) } : {});
  });

  app.post('/staff/staff', async (c) => {
    const form = await readConsoleForm(c);
    const name = (form.name ?? '').normalize('NFKC').trim().toLowerCase();
    const role = form.role ?? '';
    if (!isStaffRole(role)) return show(c, { error: t.nameInvalid }, 422);
    const password = generateStaffPassword();
    const r = await addStaff(deps.db, { name, role, password }, actorOf(c));
    if (!r.ok) {
      const f = r.failure;
      const text = f.kind === 'conflict' ? (CONFLICT_WORDS[f.code]?.(name) ?? f.message) : f.kind;
      return show(c, { error: text }, 409);
    }
    // Shown once, in this answer only: it is stored as an argon2id hash.
    return show(c, { done: t.added(r.value.name), newPassword: password });
  });

  app.post('/staff/staff/:name/disable', async (c) => {
    const name = c.req.param('name');
    if (name === c.get('staff').name) return show(c, { error: t.self }, 409);
    const r = await disableStaff(deps.db, name, actorOf(c), deps.clock());
    if (!r.ok) return show(c, { error: t.unknown(name) }, 404);
    return c.redirect(`/staff/staff?disabled=${encodeURIComponent(r.value.name)}`, 303);
  });
  return app;
}
