import { type Context, Hono } from 'hono';
import { addDays, compareDates, type IsoDate } from '../../domain/dates.js';
import { consoleWords } from '../../messages/ja/console.js';
import { libraryProfile } from '../../profile/active.js';
import { closeDates, previewClosure, reopenDates, upcomingClosedDates } from '../../services/closures.js';
import { isoDate } from '../staff-schemas.js';
import { CalendarPage, type CalendarView } from './calendar-page.js';
import { type ConsoleStatus, readConsoleForm, renderIn, requireArea, who } from './forms.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from './session.js';

const t = consoleWords.calendar;
const MAX_RANGE_DAYS = 62;

/** The dates from..to (to empty: from alone), or undefined when they are not a range of at most 62 days. */
function datesOf(from: string | undefined, to: string | undefined): IsoDate[] | undefined {
  const f = isoDate.safeParse(from ?? '');
  const last = to === undefined || to === '' ? from : to;
  const l = isoDate.safeParse(last ?? '');
  if (!f.success || !l.success || compareDates(f.data, l.data) > 0) return undefined;
  const dates: IsoDate[] = [];
  for (let d = f.data; compareDates(d, l.data) <= 0; d = addDays(d, 1)) {
    dates.push(d);
    if (dates.length > MAX_RANGE_DAYS) return undefined;
  }
  return dates;
}

/** /staff/calendar: closed dates per branch, with the due dates and pickup deadlines they move (S-CAL-1). */
export function calendarRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/staff/calendar', requireArea(deps, 'calendar'));
  app.use('/staff/calendar/*', requireArea(deps, 'calendar'));
  const branches = () => libraryProfile().branches;
  const branchOf = (code: string | undefined) => branches().find((b) => b.code === code);
  const show = async (
    c: Context<ConsoleEnv>,
    code: string | undefined,
    more: Omit<CalendarView, 'branch' | 'branches' | 'closed'> = {},
    status: ConsoleStatus = 200,
  ) => {
    const branch = branchOf(code) ?? branches()[0]!;
    const closed = await upcomingClosedDates(deps.db, branch.code, deps.clock());
    return renderIn(c, CalendarPage({ ...who(deps, c), v: { branch, branches: branches(), closed, ...more } }), status);
  };

  app.get('/staff/calendar', async (c) => {
    const code = c.req.query('branch');
    const from = c.req.query('from');
    const done = c.req.query('done');
    const message =
      done === 'reopened' ? { done: t.reopened } : done?.startsWith('closed-') ? closedMessage(done) : undefined;
    if (!from) return show(c, code, message ?? {});
    const dates = datesOf(from, c.req.query('to'));
    const branch = branchOf(code);
    if (!dates || !branch) return show(c, code, { error: t.badDates }, 422);
    const moves = await previewClosure(deps.db, branch.code, dates, deps.clock());
    return show(c, branch.code, { preview: { from: dates[0]!, to: dates.at(-1)!, moves } });
  });

  app.post('/staff/calendar/close', async (c) => {
    const form = await readConsoleForm(c);
    const dates = datesOf(form.from, form.to);
    const branch = branchOf(form.branch);
    if (!dates || !branch) return show(c, form.branch, { error: t.badDates }, 422);
    const notify = form.notify === 'yes';
    const r = await closeDates(deps.db, branch.code, dates, actorOf(c), deps.clock(), { notify });
    deps.afterChange?.();
    const done = `closed-${r.added}-${r.moves.length}-${r.notified}`;
    return c.redirect(`/staff/calendar?branch=${branch.code}&done=${done}`, 303);
  });

  app.post('/staff/calendar/open', async (c) => {
    const form = await readConsoleForm(c);
    const dates = datesOf(form.date, form.date);
    const branch = branchOf(form.branch);
    if (!dates || !branch) return show(c, form.branch, { error: t.badDates }, 422);
    await reopenDates(deps.db, branch.code, dates, actorOf(c));
    return c.redirect(`/staff/calendar?branch=${branch.code}&done=reopened`, 303);
  });
  return app;
}

function closedMessage(done: string): { done: string } | undefined {
  const m = /^closed-(\d{1,4})-(\d{1,6})-(\d{1,6})$/.exec(done);
  return m ? { done: t.closed(Number(m[1]), Number(m[2]), Number(m[3])) } : undefined;
}
