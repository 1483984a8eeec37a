import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { addClosedDates } from '../services/calendar.js';
import { importCatalogRecords } from '../services/catalog.js';
import { arriveInTransit, checkin, checkout } from '../services/circulation.js';
import { placeHold } from '../services/holds.js';
import { JOB_NAMES, JOBS, type JobContext } from '../services/jobs.js';
import { issueInitialPassword, patronOverview, registerPatron } from '../services/patrons.js';
import { requireAdminToken } from './admin-auth.js';
import { staffHoldRoutes } from './staff-hold-routes.js';
import { failureResponse, readJson, respond } from './staff-errors.js';
import { staffWishRoutes } from './staff-wish-routes.js';
import {
  cardNumber,
  catalogBody,
  checkinBody,
  checkoutBody,
  closedDatesBody,
  holdBody,
  jobBody,
  newPatronBody,
} from './staff-schemas.js';

export interface StaffDeps {
  db: Kysely<DB>;
  adminToken: string | undefined;
  loanPeriodDays: number;
  jobs: JobContext;
  clock: () => Date;
  /** Called after a staff call changed something (a notice may have been written): delivery starts now. */
  afterChange?: () => void;
}

/** The staff API of CONTRACT.md: thin handlers, the rules are in the services. */
export function staffRoutes(deps: StaffDeps): Hono {
  const { db, clock } = deps;
  const app = new Hono();
  app.use('/admin/*', requireAdminToken(deps.adminToken));
  // After the handler: its transaction has committed, so what it wrote can be delivered.
  app.use('/admin/*', async (c, next) => {
    await next();
    if (c.req.method === 'POST' && c.res.status < 300) deps.afterChange?.();
  });

  app.post('/admin/patrons', async (c) => {
    const body = await readJson(c, newPatronBody);
    if (!body.ok) return body.response;
    const b = body.value;
    const outcome = await registerPatron(db, { ...b, disabilityService: b.disabilityService ?? false });
    return respond(c, outcome, (p) =>
      c.json(
        {
          cardNumber: p.cardNumber,
          name: p.name,
          birthDate: p.birthDate,
          residency: p.residency,
          disabilityService: p.disabilityService,
          email: null,
          hasPassword: false,
        },
        201,
      ),
    );
  });

  app.get('/admin/patrons/:cardNumber', async (c) => {
    const card = cardNumber.safeParse(c.req.param('cardNumber'));
    if (!card.success) return failureResponse(c, { kind: 'not_found', what: 'patron', id: '' });
    const o = await patronOverview(db, card.data);
    if (!o) return failureResponse(c, { kind: 'not_found', what: 'patron', id: card.data });
    return c.json({
      cardNumber: o.patron.cardNumber,
      name: o.patron.name,
      email: o.patron.emailConfirmed ? o.patron.email : null,
      holds: o.holds.map((h) => ({
        holdId: h.holdId,
        bibId: h.bibId,
        status: h.status,
        position: h.position,
        pickupBranch: h.pickupBranch,
        pickupDeadline: h.pickupDeadline,
        contact: h.contact,
      })),
      loans: o.loans.map((l) => ({
        loanId: l.loanId,
        itemBarcode: l.itemBarcode,
        bibId: l.bibId,
        dueDate: l.dueDate,
        renewals: l.renewals,
      })),
    });
  });

  // Issue 26: the patron's 読みたいリスト (staff-wish-routes.ts).
  app.route('/', staffWishRoutes({ db, clock }));

  app.post('/admin/patrons/:cardNumber/initial-password', async (c) => {
    const card = cardNumber.safeParse(c.req.param('cardNumber'));
    if (!card.success) return failureResponse(c, { kind: 'not_found', what: 'patron', id: '' });
    return respond(c, await issueInitialPassword(db, card.data, clock()), (v) => c.json(v, 201));
  });

  app.post('/admin/catalog', async (c) => {
    const body = await readJson(c, catalogBody);
    if (!body.ok) return body.response;
    return respond(c, await importCatalogRecords(db, body.value.records), (v) => c.json(v, 201));
  });

  app.post('/admin/checkouts', async (c) => {
    const body = await readJson(c, checkoutBody);
    if (!body.ok) return body.response;
    const b = body.value;
    const outcome = await checkout(
      db,
      {
        cardNumber: b.cardNumber,
        itemBarcode: b.itemBarcode,
        checkedOutAt: b.checkedOutAt ? new Date(b.checkedOutAt) : undefined,
        dueDate: b.dueDate,
        loanPeriodDays: deps.loanPeriodDays,
      },
      clock(),
    );
    return respond(c, outcome, (v) => c.json(v, 201));
  });

  app.post('/admin/checkins', async (c) => {
    const body = await readJson(c, checkinBody);
    if (!body.ok) return body.response;
    return respond(c, await checkin(db, body.value, clock()), (v) =>
      c.json(v.trappedHoldId ? { trappedHoldId: v.trappedHoldId } : {}, 200),
    );
  });

  app.post('/admin/transits/arrive', async (c) => {
    const body = await readJson(c, checkinBody);
    if (!body.ok) return body.response;
    return respond(c, await arriveInTransit(db, body.value, clock()), (v) => c.json({ holdId: v.holdId }, 200));
  });

  app.post('/admin/holds', async (c) => {
    const body = await readJson(c, holdBody);
    if (!body.ok) return body.response;
    return respond(c, await placeHold(db, { ...body.value, actor: { kind: 'staff' } }, clock()), (h) =>
      c.json({ holdId: h.id, status: h.status }, 201),
    );
  });

  // Issue 26: pickup change, suspension, 不要日 and resume of a hold at the counter.
  staffHoldRoutes(app, deps);

  app.post('/admin/calendar/closed-dates', async (c) => {
    const body = await readJson(c, closedDatesBody);
    if (!body.ok) return body.response;
    const added = await addClosedDates(db, body.value.dates, body.value.branch);
    return c.json({ added }, 201);
  });

  app.post('/admin/jobs/:name', async (c) => {
    const name = c.req.param('name');
    const job = Object.hasOwn(JOBS, name) ? JOBS[name] : undefined;
    if (!job)
      return c.json(
        { error: { code: 'UNKNOWN_JOB', message: `unknown job; known jobs: ${JOB_NAMES.join(', ')}` } },
        404,
      );
    const body = await readJson(c, jobBody);
    if (!body.ok) return body.response;
    const processed = await job(deps.jobs, body.value.now ? new Date(body.value.now) : clock());
    return c.json({ processed }, 200);
  });

  return app;
}
