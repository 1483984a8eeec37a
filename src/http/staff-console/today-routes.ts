import { Hono } from 'hono';
import { consoleWords } from '../../messages/ja/console.js';
import { libraryProfile } from '../../profile/active.js';
import { retryFailedNotice, todayView } from '../../services/console-today.js';
import { renderIn, requireArea, who } from './forms.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from './session.js';
import { TodayPage } from './today-page.js';

const t = consoleWords.today;

/** /staff/today: holds to pull per branch, holds expiring today, failed notices (retry), the inbox backlog. */
export function todayRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/staff/today', requireArea(deps, 'today'));
  app.use('/staff/today/*', requireArea(deps, 'today'));
  const branchName = (code: string) => libraryProfile().branches.find((b) => b.code === code)?.name ?? code;

  app.get('/staff/today', async (c) => {
    const v = await todayView(deps.db, deps.clock());
    const done = c.req.query('done');
    const more = done === 'retried' ? { done: t.retried } : done === 'gone' ? { error: t.retryGone } : {};
    return renderIn(c, TodayPage({ ...who(deps, c), v, branchName, ...more }));
  });

  app.post('/staff/today/notices/:id/retry', async (c) => {
    const r = await retryFailedNotice(deps.db, c.req.param('id'), actorOf(c), deps.clock());
    if (r.ok) deps.afterChange?.();
    return c.redirect(`/staff/today?done=${r.ok ? 'retried' : 'gone'}`, 303);
  });
  return app;
}
