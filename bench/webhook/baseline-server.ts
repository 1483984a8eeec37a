/**
 * The baselines of bench:webhook, each in a process of its own like the app: a bare Hono server
 * that checks the signature and answers each event with an echo through the same LINE SDK client.
 * With DATABASE_URL it first stores each event in a table (one INSERT per body, committed before
 * the 200), which is the least a server that must not lose an accepted event can do: the "durable
 * echo", to show what storing costs on the same machine.
 * PORT, LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN and LINE_API_BASE_URL as for the app.
 */
import { serve } from '@hono/node-server';
import { messagingApi, validateSignature } from '@line/bot-sdk';
import { Hono } from 'hono';
import pg from 'pg';

const secret = process.env.LINE_CHANNEL_SECRET!;
const client = new messagingApi.MessagingApiClient({
  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN!,
  baseURL: process.env.LINE_API_BASE_URL,
});
const pool = process.env.DATABASE_URL
  ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
  : undefined;
await pool?.query(
  'CREATE TABLE IF NOT EXISTS echo_inbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ' +
    'webhook_event_id text UNIQUE NOT NULL, payload jsonb NOT NULL)',
);

type Event = { webhookEventId: string; replyToken: string; message: { text: string } };
const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
app.post('/webhook', async (c) => {
  const raw = Buffer.from(await c.req.arrayBuffer());
  if (!validateSignature(raw, secret, c.req.header('x-line-signature') ?? '')) return c.text('bad signature', 401);
  const { events } = JSON.parse(raw.toString('utf8')) as { events: Event[] };
  if (pool) {
    await pool.query(
      'INSERT INTO echo_inbox (webhook_event_id, payload) ' +
        'SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT DO NOTHING',
      [events.map((e) => e.webhookEventId), events.map((e) => JSON.stringify(e))],
    );
  }
  for (const e of events)
    void client.replyMessage({ replyToken: e.replyToken, messages: [{ type: 'text', text: e.message.text }] });
  return c.json({ ok: true });
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => void (pool?.end() ?? Promise.resolve()).then(() => process.exit(0))));
