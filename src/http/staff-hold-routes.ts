import type { Hono } from 'hono';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { changePickupBranch, pauseHold, resumeHold, type ChangedHold } from '../services/hold-changes.js';
import { failureResponse, readJson, respond } from './staff-errors.js';
import { branchCode, isoDate } from './staff-schemas.js';

/** Issue 26 at the counter: staff change a hold's pickup branch, suspend it, give it a 不要日, resume it. */
const pickupBody = z.strictObject({ pickupBranch: branchCode });
const suspendBody = z.strictObject({ until: isoDate });
const notNeededBody = z.strictObject({ date: isoDate });
const holdId = z.string().regex(/^\d{1,18}$/);

const view = (h: ChangedHold) => ({
  holdId: h.holdId,
  pickupBranch: h.pickupBranch,
  suspendedUntil: h.suspendedUntil,
  notNeededAfter: h.notNeededAfter,
});

/** Adds the routes to the staff app (its bearer-token guard and afterChange already apply). */
export function staffHoldRoutes(app: Hono, deps: { db: Kysely<DB>; clock: () => Date }): void {
  const { db, clock } = deps;
  const staff = { kind: 'staff' } as const;
  const idOf = (raw: string) => holdId.safeParse(raw);

  app.post('/admin/holds/:holdId/pickup-branch', async (c) => {
    const id = idOf(c.req.param('holdId'));
    if (!id.success) return failureResponse(c, { kind: 'not_found', what: 'hold', id: '' });
    const body = await readJson(c, pickupBody);
    if (!body.ok) return body.response;
    const r = await changePickupBranch(db, { holdId: id.data, branch: body.value.pickupBranch, actor: staff }, clock());
    return respond(c, r, (h) => c.json(view(h), 200));
  });

  app.post('/admin/holds/:holdId/suspension', async (c) => {
    const id = idOf(c.req.param('holdId'));
    if (!id.success) return failureResponse(c, { kind: 'not_found', what: 'hold', id: '' });
    const body = await readJson(c, suspendBody);
    if (!body.ok) return body.response;
    const req = { holdId: id.data, kind: 'suspend' as const, date: body.value.until, actor: staff };
    return respond(c, await pauseHold(db, req, clock()), (h) => c.json(view(h), 200));
  });

  app.post('/admin/holds/:holdId/not-needed-after', async (c) => {
    const id = idOf(c.req.param('holdId'));
    if (!id.success) return failureResponse(c, { kind: 'not_found', what: 'hold', id: '' });
    const body = await readJson(c, notNeededBody);
    if (!body.ok) return body.response;
    const req = { holdId: id.data, kind: 'notNeededAfter' as const, date: body.value.date, actor: staff };
    return respond(c, await pauseHold(db, req, clock()), (h) => c.json(view(h), 200));
  });

  app.post('/admin/holds/:holdId/resume', async (c) => {
    const id = idOf(c.req.param('holdId'));
    if (!id.success) return failureResponse(c, { kind: 'not_found', what: 'hold', id: '' });
    const body = await readJson(c, z.strictObject({}));
    if (!body.ok) return body.response;
    return respond(c, await resumeHold(db, { holdId: id.data, actor: staff }, clock()), (h) => c.json(view(h), 200));
  });
}
