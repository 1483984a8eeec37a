import type { Context } from 'hono';
import type { z } from 'zod';
import { refusalMessage } from '../messages/ja/index.js';
import type { Outcome, ServiceFailure } from '../services/errors.js';

/** The one place where service failures become staff API status codes (CONTRACT.md). */
export function failureResponse(c: Context, f: ServiceFailure) {
  switch (f.kind) {
    case 'refused':
      return c.json({ error: { code: f.refusal.code, message: refusalMessage(f.refusal) } }, 422);
    case 'not_found':
      return c.json({ error: { code: `UNKNOWN_${f.what.toUpperCase()}`, message: `no ${f.what} ${f.id}` } }, 404);
    case 'conflict':
      return c.json({ error: { code: f.code, message: f.message } }, 409);
  }
}

export function badRequest(c: Context, message: string) {
  return c.json({ error: { code: 'BAD_REQUEST', message } }, 400);
}

/** A zod error as one line naming the field: `records[0].items[1].branch: Invalid option …`. */
export function describeZodError(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
  return `${path || 'body'}: ${issue.message}`;
}

/** Reads and validates a JSON body; answers 400 with the reason when it is not right. */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    const raw = await c.req.text();
    body = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, response: badRequest(c, 'body is not valid JSON') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: badRequest(c, describeZodError(parsed.error)) };
  return { ok: true, value: parsed.data };
}

export function respond<T>(c: Context, outcome: Outcome<T>, onOk: (value: T) => Response): Response {
  return outcome.ok ? onOk(outcome.value) : failureResponse(c, outcome.failure);
}
