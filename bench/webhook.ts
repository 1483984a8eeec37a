/**
 * bench/webhook: signed webhook bodies (search texts and status taps from many users) on loopback
 * to the real server (buildRuntime, demo library) with a local fake LINE API, against a bare Hono
 * server that checks the signature and replies with an echo through the same SDK, in the same run.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:webhook
 *   BENCH_DB=pglite npm run bench:webhook
 * BENCH_RATE (default 500 events/s) and BENCH_SECONDS (default 10) set the paced phase.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { messagingApi, validateSignature } from '@line/bot-sdk';
import { Hono } from 'hono';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { buildRuntime } from '../src/runtime.js';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = 300;
const SECRET = 'bench-channel-secret';
const TOKEN = 'bench-token';
const WORDS = ['ねこ', '夏目漱石', 'こころ', '料理', '宮沢賢治', '星', 'ハリー', '歴史', '絵本', 'ご利用状況'];

const serverUrl = process.env.BENCH_DB === 'pglite' ? undefined : process.env.DATABASE_URL;
if (!serverUrl && process.env.BENCH_DB !== 'pglite') {
  console.error('bench:webhook needs DATABASE_URL (a database is created and dropped) or BENCH_DB=pglite');
  process.exit(2);
}

/** The fake LINE API: notes when each reply token was answered; every other call gets `{}`. */
const repliedAt = new Map<string, number>();
const line = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/v2/bot/message/reply') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { replyToken: string };
      repliedAt.set(body.replyToken, performance.now());
    }
    // ご利用状況 from a user not logged in asks LINE for a link token first: answer it like LINE.
    const answer = req.url?.endsWith('/linkToken') ? `{"linkToken":"${randomBytes(16).toString('hex')}"}` : '{"sentMessages":[]}';
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  });
});
await new Promise<void>((r) => line.listen(0, '127.0.0.1', r));
const lineUrl = `http://127.0.0.1:${(line.address() as AddressInfo).port}`;

const listenOn = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ url: string; server: ServerType }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ url: `http://127.0.0.1:${info.port}`, server }));
  });

/** Baseline: signature check and an echo reply through the same SDK client, nothing else. */
function bareServer(): Hono {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: lineUrl });
  const app = new Hono();
  app.post('/webhook', async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (!validateSignature(raw, SECRET, c.req.header('x-line-signature') ?? '')) return c.text('bad signature', 401);
    const { events } = JSON.parse(raw.toString('utf8')) as { events: { replyToken: string; message: { text: string } }[] };
    for (const e of events) void client.replyMessage({ replyToken: e.replyToken, messages: [{ type: 'text', text: e.message.text }] });
    return c.json({ ok: true });
  });
  return app;
}

let serial = 0;
function body(): { raw: string; replyToken: string } {
  const n = serial++;
  const replyToken = randomBytes(16).toString('hex');
  const userId = `U${createHmac('md5', 'u').update(String(n % USERS)).digest('hex')}`;
  const event = {
    type: 'message', mode: 'active', timestamp: Date.now(), replyToken, webhookEventId: `01BENCH${String(n).padStart(19, '0')}`,
    source: { type: 'user', userId }, deliveryContext: { isRedelivery: false },
    message: { id: String(n), type: 'text', quoteToken: replyToken, text: WORDS[n % WORDS.length] },
  };
  return { raw: JSON.stringify({ destination: 'Ubench', events: [event] }), replyToken };
}

let failures = 0;
interface Sample { sent: number; acked: number; replyToken: string }
async function send(url: string, samples: Sample[]): Promise<void> {
  const { raw, replyToken } = body();
  const sent = performance.now();
  const signature = createHmac('sha256', SECRET).update(raw).digest('base64');
  try {
    const res = await fetch(`${url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signature }, body: raw });
    await res.arrayBuffer();
    if (res.status === 200) return void samples.push({ sent, acked: performance.now(), replyToken });
  } catch {
    // A refused or reset connection is a failed send, counted below, not the end of the run.
  }
  failures++;
}

/** Waits until every sample's reply reached the fake LINE (or 60 s), then reads the figures. */
async function figures(samples: Sample[], started: number) {
  const deadline = performance.now() + 60_000;
  while (samples.some((s) => !repliedAt.has(s.replyToken)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
  const acks = samples.map((s) => s.acked - s.sent);
  const e2e = samples.filter((s) => repliedAt.has(s.replyToken)).map((s) => repliedAt.get(s.replyToken)! - s.sent);
  const last = Math.max(...samples.map((s) => repliedAt.get(s.replyToken) ?? 0));
  return { n: samples.length, replied: e2e.length, perSecond: e2e.length / ((last - started) / 1000), ackP50: pct(acks, 0.5), ackP99: pct(acks, 0.99), e2eP50: pct(e2e, 0.5), e2eP99: pct(e2e, 0.99) };
}

/** As fast as it goes: `concurrency` senders, `total` events; events/s counts replies that reached LINE. */
async function saturate(url: string, total: number, concurrency = 32) {
  const samples: Sample[] = [];
  const started = performance.now();
  let left = total;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (left-- > 0) await send(url, samples); }));
  return figures(samples, started);
}

/** Open loop at `rate` events/s for `seconds`: a slow answer does not slow the sender down. */
async function paced(url: string, rate: number, seconds: number) {
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(url, samples));
  }
  await Promise.all(pending);
  return figures(samples, started);
}

let dbName: string | undefined;
let databaseUrl: string | undefined;
if (serverUrl) {
  dbName = `bench_webhook_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
}
const config = loadConfig({ LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: lineUrl, DATABASE_URL: databaseUrl, SEED: 'demo', CRON: 'off' });
const rt = await buildRuntime(config, silentLogger, { pgliteInMemory: true });
const real = await listenOn(rt.app.fetch);
const bare = await listenOn(bareServer().fetch);
const f = (x: number) => x.toFixed(1);
try {
  await saturate(real.url, 300); // warm-up: JIT, pool, plan caches
  await saturate(bare.url, 300);
  const baseMax = await saturate(bare.url, 3000);
  const appMax = await saturate(real.url, 3000);
  console.log(`saturated (32 senders, 3000 events): app ${f(appMax.perSecond)} events/s end to end, baseline ${f(baseMax.perSecond)} events/s; ratio ${(appMax.perSecond / baseMax.perSecond).toFixed(2)}`);
  const basePaced = await paced(bare.url, RATE, SECONDS);
  const appPaced = await paced(real.url, RATE, SECONDS);
  for (const [label, r] of [['baseline', basePaced], ['app', appPaced]] as const) {
    console.log(`${label} at ${RATE}/s for ${SECONDS} s: ${r.replied}/${r.n} replied; ack p50 ${f(r.ackP50)} ms p99 ${f(r.ackP99)} ms; reply p50 ${f(r.e2eP50)} ms p99 ${f(r.e2eP99)} ms`);
  }
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const ratio = appMax.perSecond / baseMax.perSecond;
  const met = ratio >= 0.5 && appPaced.ackP99 < 50 && rssMb < 400 && appPaced.replied === appPaced.n;
  if (failures > 0) console.log(`${failures} sends failed (connection refused/reset or not 200)`);
  console.log(`process RSS ${f(rssMb)} MB (load generator, fake LINE, baseline and app in one process)`);
  console.log(
    `SUMMARY bench:webhook db=${rt.database.kind} max=${f(appMax.perSecond)}ev/s baseline=${f(baseMax.perSecond)}ev/s ratio=${ratio.toFixed(2)} at${RATE}/s: ack p50=${f(appPaced.ackP50)}ms p99=${f(appPaced.ackP99)}ms reply p50=${f(appPaced.e2eP50)}ms p99=${f(appPaced.e2eP99)}ms rss=${f(rssMb)}MB failed=${failures} targets(ratio>=0.5, ack p99<50ms, rss<400MB): ${met ? 'met' : 'MISSED'}`,
  );
} finally {
  real.server.close();
  bare.server.close();
  line.close();
  await rt.close();
  if (serverUrl && dbName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}
