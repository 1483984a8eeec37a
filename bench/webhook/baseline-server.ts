/**
 * The baseline of bench:webhook, in a process of its own like the app: a bare Hono server that
 * checks the signature and answers each event with an echo through the same LINE SDK client.
 * PORT, LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN and LINE_API_BASE_URL as for the app.
 */
import { serve } from '@hono/node-server';
import { messagingApi, validateSignature } from '@line/bot-sdk';
import { Hono } from 'hono';

const secret = process.env.LINE_CHANNEL_SECRET!;
const client = new messagingApi.MessagingApiClient({ channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN!, baseURL: process.env.LINE_API_BASE_URL });
const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
app.post('/webhook', async (c) => {
  const raw = Buffer.from(await c.req.arrayBuffer());
  if (!validateSignature(raw, secret, c.req.header('x-line-signature') ?? '')) return c.text('bad signature', 401);
  const { events } = JSON.parse(raw.toString('utf8')) as { events: { replyToken: string; message: { text: string } }[] };
  for (const e of events) void client.replyMessage({ replyToken: e.replyToken, messages: [{ type: 'text', text: e.message.text }] });
  return c.json({ ok: true });
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
