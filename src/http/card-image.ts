import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { errorText, type Logger } from '../log.js';
import { cardImage } from '../services/library-card.js';

/** Never kept by LINE's servers, a proxy or the browser: each fetch is drawn afresh and checked. */
const NO_STORE = {
  'Cache-Control': 'no-store, private',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * GET /card/<token>.png: the library card's barcode (docs/library-card.md), fetched by LINE when
 * the chat shows it. An unknown, altered or expired token is 404 with an empty body, all alike,
 * so the answer tells nothing about which tokens were ever issued.
 */
export function cardImageRoutes(deps: { db: Kysely<DB>; log: Logger; clock: () => Date }): Hono {
  const app = new Hono();
  app.get('/card/:file', async (c) => {
    const token = /^(.+)\.png$/.exec(c.req.param('file'))?.[1];
    let png: Buffer | undefined;
    try {
      png = token ? await cardImage(deps.db, token, deps.clock()) : undefined;
    } catch (e) {
      deps.log.error('card image failed', { flow: 'http', error: errorText(e) });
      return c.body(null, 503, NO_STORE);
    }
    if (!png) return c.body(null, 404, NO_STORE);
    return c.body(new Uint8Array(png), 200, { ...NO_STORE, 'Content-Type': 'image/png' });
  });
  return app;
}
