import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Bearer token check in constant time: both sides are hashed to equal length first, so neither
 * the comparison nor the length leaks how much of a guess was right.
 */
export function requireAdminToken(token: string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (!expected)
      return c.json(
        { error: { code: 'STAFF_API_OFF', message: 'the staff API is off (ADMIN_TOKEN is not set)' } },
        404,
      );
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]!.trim()), expected)) {
      return c.json({ error: { code: 'UNAUTHORIZED', message: 'missing or wrong bearer token' } }, 401, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    await next();
  };
}
