import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { findPatronByCard } from '../db/patrons.js';
import type { DB } from '../db/schema.js';
import { WISH_LIST_CAP } from '../domain/wish-list.js';
import { wishListView } from '../services/wish-list.js';
import { failureResponse, respond } from './staff-errors.js';
import { cardNumber } from './staff-schemas.js';

/**
 * GET /admin/patrons/:cardNumber/wish-list (issue 26): the patron's 読みたいリスト as the chat shows
 * it, for a librarian helping at the counter: every title, oldest saved first, with its
 * availability now and whether the patron may reserve it (else the refusal's code).
 */
export function staffWishRoutes(deps: { db: Kysely<DB>; clock: () => Date }): Hono {
  const app = new Hono();
  app.get('/admin/patrons/:cardNumber/wish-list', async (c) => {
    const card = cardNumber.safeParse(c.req.param('cardNumber'));
    if (!card.success) return failureResponse(c, { kind: 'not_found', what: 'patron', id: '' });
    const patron = await findPatronByCard(deps.db, card.data);
    if (!patron) return failureResponse(c, { kind: 'not_found', what: 'patron', id: card.data });
    return respond(c, await wishListView(deps.db, patron.id, 0, deps.clock(), WISH_LIST_CAP), (v) =>
      c.json({
        count: v.count,
        cap: v.cap,
        titles: v.entries.map((e) => ({
          bibId: e.bibId,
          title: e.title,
          availability: e.availability.kind,
          onShelfAt: e.availability.kind === 'onShelf' ? e.availability.branches : [],
          holds: e.availability.holds,
          atUsualBranch: e.usualBranchName !== null,
          reservable: e.reserve === null,
          refusal: e.reserve?.code ?? null,
        })),
      }),
    );
  });
  return app;
}
