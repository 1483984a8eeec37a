import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { requireAdminToken } from './admin-auth.js';

/**
 * GET /metrics in Prometheus text format, behind METRICS_TOKEN (or ADMIN_TOKEN when no separate
 * token is set): the counts tell an outsider how busy the library is, so they are not public.
 */
export function metricsRoutes(registry: Registry, token: string | undefined): Hono {
  const app = new Hono();
  app.get('/metrics', requireAdminToken(token), async (c) => {
    const body = await registry.metrics();
    return c.body(body, 200, { 'content-type': registry.contentType });
  });
  return app;
}
