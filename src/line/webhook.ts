import { validateSignature } from '@line/bot-sdk';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Executor } from '../db/executor.js';
import { insertInboxEvents, type NewInboxEvent } from '../db/inbox-insert.js';
import { Coalescer } from '../lib/coalescer.js';
import { lineUserIdOf } from './inbound.js';

/**
 * Inserts out at once, one per connection of the ingest pool (database.ts): a body arriving
 * while one insert is out need not wait for it before its own (bench:webhook at 500 events/s:
 * ack p50 7-10 ms instead of 12-22 ms).
 */
const INGEST_IN_FLIGHT = 2;

/** LINE's webhook bodies are small; anything this large is not from LINE. */
const MAX_BODY_BYTES = 1024 * 1024;

const eventEnvelope = z.looseObject({
  // Stored in columns of their own: printable ASCII only (LINE's own values are), so no NUL or
  // other text PostgreSQL would refuse can turn a bad event into a 500.
  type: z.string().regex(/^[\x21-\x7e]{1,64}$/),
  webhookEventId: z.string().regex(/^[\x21-\x7e]{1,128}$/),
  // Up to the end of year 9999: later instants cannot be written as timestamptz text.
  timestamp: z.number().int().nonnegative().max(253_402_300_799_999),
  mode: z.enum(['active', 'standby']).default('active'),
  replyToken: z
    .string()
    .regex(/^[\x21-\x7e]{1,256}$/)
    .optional(),
});
const bodySchema = z.looseObject({
  destination: z.string().max(128).optional(),
  events: z.array(z.unknown()).max(1000),
});

/** LINE's events nest a few levels; far deeper JSON is not from LINE and overflows jsonb's parser (a 500). */
const MAX_DEPTH = 32;

/** Whether the value nests at most MAX_DEPTH deep. Iterative, so a hostile depth cannot overflow the stack here. */
export function shallowEnough(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

export interface WebhookDeps {
  db: Executor;
  channelSecret: string | undefined;
  /** Called after new events are stored, so the worker starts on them at once. */
  onEventsStored: () => void;
}

/**
 * POST /webhook: verify the signature on the raw bytes, store each event once in the inbox,
 * answer 200. Processing happens from the inbox, so the answer never waits for it.
 */
export function webhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();
  // Bodies arriving while an insert is in flight are stored together by the next one: at 500
  // events/s that is a few statements (and WAL flushes) instead of one per request.
  const inbox = new Coalescer((events: NewInboxEvent[]) => insertInboxEvents(deps.db, events), INGEST_IN_FLIGHT);
  app.post('/webhook', async (c) => {
    const secret = deps.channelSecret;
    if (!secret) return c.json({ error: { code: 'WEBHOOK_DISABLED', message: 'LINE_CHANNEL_SECRET is not set' } }, 503);
    const raw = await cappedBody(c, MAX_BODY_BYTES);
    if (raw === undefined) return c.json({ error: { code: 'BODY_TOO_LARGE', message: 'body too large' } }, 413);
    const signature = c.req.header('x-line-signature');
    if (!signature || !validateSignature(raw, secret, signature)) {
      return c.json({ error: { code: 'BAD_SIGNATURE', message: 'signature missing or wrong' } }, 401);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return c.json({ error: { code: 'MALFORMED_JSON', message: 'body is not JSON' } }, 400);
    }
    const body = bodySchema.safeParse(json);
    if (!body.success) return c.json({ error: { code: 'MALFORMED_BODY', message: 'events must be an array' } }, 400);
    const events: NewInboxEvent[] = [];
    for (const [i, e] of body.data.events.entries()) {
      const env = eventEnvelope.safeParse(e);
      if (!env.success) {
        const field = String(env.error.issues[0]?.path[0] ?? '');
        return c.json(
          { error: { code: 'MALFORMED_EVENT', message: `events[${i}] has a bad or missing ${field || 'shape'}` } },
          400,
        );
      }
      const payload = e as Record<string, unknown>;
      if (!shallowEnough(payload))
        return c.json({ error: { code: 'MALFORMED_EVENT', message: `events[${i}] is nested too deep` } }, 400);
      events.push({
        webhookEventId: env.data.webhookEventId,
        lineUserId: lineUserIdOf(payload),
        eventType: env.data.type,
        mode: env.data.mode,
        replyToken: env.data.replyToken ?? null,
        timestamp: new Date(env.data.timestamp),
        payload,
      });
    }
    const stored = await inbox.add(events);
    if (stored > 0) deps.onEventsStored();
    return c.json({ ok: true });
  });
  return app;
}

/**
 * The request body, or undefined when it is over `max` bytes (read no further than that). Read
 * from Node's request stream when there is one: hono's bodyLimit asks for the web Request's body
 * stream, which made @hono/node-server build a full undici Request for every webhook — a tenth of
 * the main thread's time under load (bench:webhook profile).
 */
async function cappedBody(c: Context, max: number): Promise<Buffer | undefined> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > max) return undefined;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) {
    const whole = Buffer.from(await c.req.arrayBuffer());
    return whole.length > max ? undefined : whole;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      // The rest is read and dropped, so the 413 can still be written on this connection.
      incoming.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
