import { type Context, Hono } from 'hono';
import { consoleWords } from '../../messages/ja/console.js';
import { libraryProfile } from '../../profile/active.js';
import {
  type Audience,
  announcementView,
  recentAnnouncements,
  sendAnnouncement,
  writeAnnouncement,
} from '../../services/announcements.js';
import { AnnouncementPage, AnnouncementsPage } from './announcement-pages.js';
import { type ConsoleStatus, readConsoleForm, renderIn, requireArea, who } from './forms.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from './session.js';

const t = consoleWords.announcements;

/** /staff/announcements: write, preview and send announcements by multicast (administrators, S-ROLE-1). */
export function announcementRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/staff/announcements', requireArea(deps, 'announcements'));
  app.use('/staff/announcements/*', requireArea(deps, 'announcements'));
  const branches = () => libraryProfile().branches;
  const branchName = (code: string) => branches().find((b) => b.code === code)?.name ?? code;
  const list = async (
    c: Context<ConsoleEnv>,
    more: { error?: string; body?: string } = {},
    status: ConsoleStatus = 200,
  ) =>
    renderIn(
      c,
      AnnouncementsPage({
        ...who(deps, c),
        list: await recentAnnouncements(deps.db, 30),
        branches: branches(),
        branchName,
        ...more,
      }),
      status,
    );
  const audienceOfForm = (v: string | undefined): Audience | undefined => {
    if (v === 'all') return { kind: 'all' };
    const code = v?.startsWith('branch:') ? v.slice('branch:'.length) : undefined;
    return code && branches().some((b) => b.code === code && b.pickupPoint)
      ? { kind: 'branch', branch: code }
      : undefined;
  };

  app.get('/staff/announcements', (c) => list(c));

  app.post('/staff/announcements', async (c) => {
    const form = await readConsoleForm(c);
    const audience = audienceOfForm(form.audience);
    const body = form.body ?? '';
    if (!audience) return list(c, { error: t.invalidBody, body }, 422);
    const staff = { kind: 'staff' as const, staffName: c.get('staff').name };
    const r = await writeAnnouncement(deps.db, { body, audience }, staff, deps.multicaster?.batchSize);
    if (!r.ok) return list(c, { error: t.invalidBody, body }, 422);
    return c.redirect(`/staff/announcements/${r.value.id}`, 303);
  });

  app.get('/staff/announcements/:id', async (c) => {
    const v = await announcementView(deps.db, c.req.param('id'));
    if (!v) return c.redirect('/staff/announcements', 303);
    const mc = deps.multicaster;
    const quota = mc ? await mc.quota().catch(() => 'unknown' as const) : ('no-line' as const);
    const done = c.req.query('done');
    const stopped = c.req.query('stopped');
    const over = c.req.query('over');
    const more =
      done === '1'
        ? { done: t.done }
        : stopped
          ? { error: t.stopped(stopped.slice(0, 100)) }
          : over
            ? { error: t.overQuota(Number(over) || 0) }
            : v.announcement.recipients === 0
              ? { error: t.zero }
              : {};
    return renderIn(c, AnnouncementPage({ ...who(deps, c), v, quota, branchName, ...more }));
  });

  app.post('/staff/announcements/:id/send', async (c) => {
    const id = c.req.param('id');
    const mc = deps.multicaster;
    if (!mc) return c.redirect(`/staff/announcements/${encodeURIComponent(id)}`, 303);
    const r = await sendAnnouncement(deps.db, mc, id, actorOf(c), deps.clock);
    const base = `/staff/announcements/${encodeURIComponent(id)}`;
    if (!r.ok) {
      const f = r.failure;
      if (f.kind === 'conflict' && f.code === 'QUOTA_EXCEEDED') return c.redirect(`${base}?over=${f.message}`, 303);
      return c.redirect('/staff/announcements', 303);
    }
    const q = r.value.stoppedBy === null ? 'done=1' : `stopped=${encodeURIComponent(r.value.stoppedBy)}`;
    return c.redirect(`${base}?${q}`, 303);
  });
  return app;
}
