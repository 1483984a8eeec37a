/**
 * bench:webhook — signed webhook bodies (search texts and status taps from many users) on loopback
 * to the real server (compiled, and started with the Dockerfile's CMD, in a process of
 * its own, demo library, CRON off) with a local
 * fake LINE API, against a baseline in the same run: a bare Hono server, also a process of its own,
 * that checks the signature and replies with an echo through the same SDK (baseline-server.ts).
 * On PostgreSQL a second, informational baseline stores each event first (the "durable echo").
 * The load generator runs here, the fake LINE on a thread of this process (fake-line.ts); each
 * server is measured alone, and its peak RSS is read from /proc (VmHWM), so the figure is the
 * server's, not the bench's.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:webhook
 *   BENCH_DB=pglite npm run bench:webhook
 * BENCH_RATE (default 500 events/s) and BENCH_SECONDS (default 10) set the paced phase;
 * BENCH_PROFILE=dir writes a V8 CPU profile of the app server there; BENCH_ONLY=app skips the
 * baseline and the paced phase, BENCH_ONLY=paced runs only the app's paced phase (for profiling
 * and tuning: no summary line then; BENCH_TRACE=file also writes its samples there as JSON,
 * [sent at, ack ms, reply ms] each, to look for stalls).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { benchDatabase } from '../bench-database.js';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = 300;
const SECRET = 'bench-channel-secret';
const TOKEN = 'bench-token';
const WORDS = ['ねこ', '夏目漱石', 'こころ', '料理', '宮沢賢治', '星', 'ハリー', '歴史', '絵本', 'ご利用状況'];
const ROOT = resolve(import.meta.dirname, '../..');

// The scratch database (or, with BENCH_DB=pglite, the folder of the servers' embedded one).
const scratch = await benchDatabase('bench:webhook', { pglite: true });

/** The fake LINE API (fake-line.ts, on its own thread): when each reply token was answered, in absolute ms. */
const repliedAt = new Map<string, number>();
const fakeLine = new Worker(new URL('./fake-line.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
const lineUrl = await new Promise<string>((resolve) =>
  fakeLine.on('message', (m: { port?: number; answered?: [string, number][] }) => {
    if (m.port) resolve(`http://127.0.0.1:${m.port}`);
    for (const [token, at] of m.answered ?? []) repliedAt.set(token, at);
  }),
);
/** Absolute ms, comparable with the fake LINE thread's times. */
const now = () => performance.timeOrigin + performance.now();

function listening(server: Server, port = 0): Promise<number> {
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const s = createServer();
  const port = await listening(s);
  await new Promise((r) => s.close(r));
  return port;
}

interface Running {
  url: string;
  child: ChildProcess;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts a server process (a .ts file through tsx, a .js file as is) and waits for /healthz. */
async function startServer(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: lineUrl,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${script} did not answer /healthz`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    peakRssMb: () =>
      Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

let serial = 0;
function body(): { raw: string; replyToken: string } {
  const n = serial++;
  const replyToken = randomBytes(16).toString('hex');
  const userId = `U${createHmac('md5', 'u')
    .update(String(n % USERS))
    .digest('hex')}`;
  const event = {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    replyToken,
    webhookEventId: `01BENCH${String(n).padStart(19, '0')}`,
    source: { type: 'user', userId },
    deliveryContext: { isRedelivery: false },
    message: { id: String(n), type: 'text', quoteToken: replyToken, text: WORDS[n % WORDS.length] },
  };
  return { raw: JSON.stringify({ destination: 'Ubench', events: [event] }), replyToken };
}

/** Failed sends per server URL, by reason (an HTTP status or the connection error's code). */
const failures = new Map<string, Map<string, number>>();
const failedAt = (url: string) => [...(failures.get(url)?.values() ?? [])].reduce((a, b) => a + b, 0);
const failureReasons = (url: string) => [...(failures.get(url) ?? [])].map(([why, n]) => `${n} × ${why}`).join(', ');
interface Sample {
  sent: number;
  acked: number;
  replyToken: string;
}
async function send(url: string, samples: Sample[]): Promise<void> {
  const { raw, replyToken } = body();
  const sent = now();
  const signature = createHmac('sha256', SECRET).update(raw).digest('base64');
  let why: string;
  try {
    const status = await post(`${url}/webhook`, raw, signature);
    if (status === 200) return void samples.push({ sent, acked: now(), replyToken });
    why = `HTTP ${status}`;
  } catch (err) {
    // A refused or reset connection is a failed send, counted, not the end of the run.
    why = (err as NodeJS.ErrnoException).code ?? String(err);
  }
  const reasons = failures.get(url) ?? new Map<string, number>();
  failures.set(url, reasons.set(why, (reasons.get(why) ?? 0) + 1));
}

/**
 * One signed POST over a kept-alive connection, resolving with the status once the answer is read.
 * Node's http client rather than fetch: fetch costs the load generator several times more CPU per
 * request, which on two shared cores is taken from the server measured and delays the ack times.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function post(url: string, raw: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(raw),
          'x-line-signature': signature,
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    // Whether the connection was a kept-alive one reused: a reset then may be the known race with
    // the server closing it idle (Node's http docs, request.reusedSocket), told apart in the count.
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        Object.assign(err, {
          code: `${err.code ?? err.message} on a ${req.reusedSocket ? 'reused' : 'new'} connection`,
        }),
      ),
    );
    req.end(raw);
  });
}

/** Waits until every sample's reply reached the fake LINE (or 60 s), then reads the figures. */
async function figures(samples: Sample[], started: number) {
  const deadline = now() + 60_000;
  while (samples.some((s) => !repliedAt.has(s.replyToken)) && now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const pct = (xs: number[], p: number) =>
    xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
  const acks = samples.map((s) => s.acked - s.sent);
  const e2e = samples.filter((s) => repliedAt.has(s.replyToken)).map((s) => repliedAt.get(s.replyToken)! - s.sent);
  const last = Math.max(...samples.map((s) => repliedAt.get(s.replyToken) ?? 0));
  return {
    samples,
    started,
    n: samples.length,
    replied: e2e.length,
    perSecond: e2e.length / ((last - started) / 1000),
    ackP50: pct(acks, 0.5),
    ackP99: pct(acks, 0.99),
    e2eP50: pct(e2e, 0.5),
    e2eP99: pct(e2e, 0.99),
  };
}

/** Busy CPU time of the whole machine so far, in ms (all processes: load generator, server, database). */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** CPU time (user + system) the process has used so far, in ms; 0 if it is gone. */
function processCpuMs(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ
  } catch {
    return 0;
  }
}

/** CPU time of all PostgreSQL server processes on this machine (backends come and go with the pool). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += processCpuMs(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * CPU used from now on, per event, when perEvent is called: the whole machine's, and split into the
 * server process (all its threads), PostgreSQL, and this process (load generator and fake LINE).
 */
function cpuMeter(server: Running) {
  const busy = machineBusyMs();
  const serverCpu = processCpuMs(server.child.pid!);
  const pgCpu = postgresCpuMs();
  const ownCpu = process.cpuUsage();
  return {
    perEvent(events: number) {
      const own = process.cpuUsage(ownCpu);
      return {
        cpuMsPerEvent: (machineBusyMs() - busy) / events,
        serverCpuMsPerEvent: (processCpuMs(server.child.pid!) - serverCpu) / events,
        postgresCpuMsPerEvent: (postgresCpuMs() - pgCpu) / events,
        benchCpuMsPerEvent: (own.user + own.system) / 1000 / events,
      };
    },
  };
}

/**
 * As fast as it goes: `concurrency` senders, `total` events; events/s counts replies that reached
 * LINE. cpuMsPerEvent is the machine's busy time over the phase per event: what an event costs.
 */
async function saturate(server: Running, total: number, concurrency = 32) {
  const { url } = server;
  const samples: Sample[] = [];
  const started = now();
  const cpu = cpuMeter(server);
  let left = total;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await send(url, samples);
    }),
  );
  const r = await figures(samples, started);
  return { ...r, ...cpu.perEvent(total) };
}

/** Open loop at `rate` events/s for `seconds`: a slow answer does not slow the sender down. */
async function paced(server: Running, rate: number, seconds: number) {
  const { url } = server;
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const started = now();
  const cpu = cpuMeter(server);
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(url, samples));
  }
  await Promise.all(pending);
  const r = await figures(samples, started);
  // Busy time until the last reply, per event: the share of the two cores this rate takes.
  return { ...r, ...cpu.perEvent(samples.length) };
}

/** Warm-up (JIT, pool, plan caches), then the saturated and the paced phase, on one server. */
async function measure(server: Running) {
  await saturate(server, 300);
  const max = await saturate(server, 3000);
  const atRate = await paced(server, RATE, SECONDS);
  return {
    max,
    atRate,
    rssMb: server.peakRssMb(),
    failed: failedAt(server.url),
    failedWhy: failureReasons(server.url),
  };
}

const f = (x: number) => x.toFixed(1);
type CpuPerEvent = ReturnType<ReturnType<typeof cpuMeter>['perEvent']>;
/** A phase's machine CPU per event and its split, as every report line prints it. */
const cpuSplit = (c: CpuPerEvent) =>
  `${f(c.cpuMsPerEvent)} ms (server ${f(c.serverCpuMsPerEvent)}, PostgreSQL ${f(c.postgresCpuMsPerEvent)}, ` +
  `load generator and fake LINE ${f(c.benchCpuMsPerEvent)})`;
const profileArgs = () => [
  ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFILE)}`] : []),
];
const appEnv = () => ({
  SEED: 'demo',
  CRON: 'off',
  LOG_LEVEL: 'warn',
  DATA_DIR: scratch.dir,
  ...(scratch.url ? { DATABASE_URL: scratch.url } : {}),
});
// The app runs as it is deployed: compiled, then the Dockerfile's CMD (its node flags and script).
const [, ...deployedArgs] = JSON.parse(
  /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))![1]!,
) as string[];
const deployedScript = deployedArgs.pop()!;
const appArgs = () => [...deployedArgs, ...profileArgs()];
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});
try {
  if (process.env.BENCH_ONLY === 'paced') {
    let rssMb = NaN;
    const real = await startServer(deployedScript, appEnv(), appArgs());
    // The same warm-up as the full run's (measure()): a cold server answers far slower.
    await saturate(real, 300);
    await saturate(real, 3000);
    const p = await paced(real, RATE, SECONDS).finally(() => {
      rssMb = real.peakRssMb();
      return real.stop();
    });
    if (process.env.BENCH_TRACE)
      writeFileSync(
        process.env.BENCH_TRACE,
        JSON.stringify(p.samples.map((s) => [s.sent, s.acked - s.sent, (repliedAt.get(s.replyToken) ?? NaN) - s.sent])),
      );
    console.log(
      `app only at ${RATE}/s for ${SECONDS} s: ${p.replied}/${p.n} replied; ` +
        `ack p50 ${f(p.ackP50)} ms p99 ${f(p.ackP99)} ms; reply p50 ${f(p.e2eP50)} ms p99 ${f(p.e2eP99)} ms; ` +
        `machine CPU per event ${cpuSplit(p)}; server peak RSS ${f(rssMb)} MB` +
        `${failedAt(real.url) > 0 ? `; failed sends: ${failureReasons(real.url)}` : ''}`,
    );
  } else if (process.env.BENCH_ONLY === 'app') {
    const real = await startServer(deployedScript, appEnv(), appArgs());
    await saturate(real, 300);
    const max = await saturate(real, 3000).finally(() => real.stop());
    console.log(
      `app only: ${f(max.perSecond)} events/s end to end, machine CPU per event ${cpuSplit(max)}; ` +
        `ack p50 ${f(max.ackP50)} ms p99 ${f(max.ackP99)} ms; reply p50 ${f(max.e2eP50)} ms p99 ${f(max.e2eP99)} ms`,
    );
  } else {
    const bare = await startServer('bench/webhook/baseline-server.ts', {});
    const base = await measure(bare).finally(() => bare.stop());
    // Informational, PostgreSQL only: the echo that stores each event first (not the target's baseline).
    const durableServer = scratch.url
      ? await startServer('bench/webhook/baseline-server.ts', { DATABASE_URL: scratch.url })
      : undefined;
    const durable = durableServer ? await measure(durableServer).finally(() => durableServer.stop()) : undefined;
    const real = await startServer(deployedScript, appEnv(), appArgs());
    const app = await measure(real).finally(() => real.stop());

    console.log(
      `saturated (32 senders, 3000 events): app ${f(app.max.perSecond)} events/s end to end, ` +
        `baseline ${f(base.max.perSecond)} events/s; ratio ${(app.max.perSecond / base.max.perSecond).toFixed(2)}`,
    );
    console.log(
      `machine CPU per event (all processes, saturated phase): ` +
        `app ${cpuSplit(app.max)}, baseline ${cpuSplit(base.max)}`,
    );
    if (durable) {
      console.log(
        `durable echo (stores each event in PostgreSQL first): ${f(durable.max.perSecond)} events/s, ` +
          `${f(durable.max.cpuMsPerEvent)} ms of machine CPU per event ` +
          `(PostgreSQL ${f(durable.max.postgresCpuMsPerEvent)}); ` +
          `app / durable echo ${(app.max.perSecond / durable.max.perSecond).toFixed(2)}`,
      );
    }
    // × RATE / 1000 = cores busy: how close the paced phase runs the two cores to full.
    console.log(`machine CPU per event at ${RATE}/s: app ${cpuSplit(app.atRate)}, baseline ${cpuSplit(base.atRate)}`);
    for (const [label, r] of [
      ['baseline', base],
      ...(durable ? [['durable echo', durable] as const] : []),
      ['app', app],
    ] as const) {
      const p = r.atRate;
      console.log(
        `${label} at ${RATE}/s for ${SECONDS} s: ${p.replied}/${p.n} replied; ` +
          `ack p50 ${f(p.ackP50)} ms p99 ${f(p.ackP99)} ms; reply p50 ${f(p.e2eP50)} ms p99 ${f(p.e2eP99)} ms; ` +
          `server peak RSS ${f(r.rssMb)} MB`,
      );
    }
    for (const [label, r] of [
      ['baseline', base],
      ...(durable ? [['durable echo', durable] as const] : []),
      ['app', app],
    ] as const) {
      if (r.failed > 0) console.log(`${label}: ${r.failed} sends failed (${r.failedWhy})`);
    }
    const ratio = app.max.perSecond / base.max.perSecond;
    const met =
      ratio >= 0.5 &&
      app.atRate.ackP99 < 50 &&
      app.rssMb < 400 &&
      app.atRate.replied === app.atRate.n &&
      app.failed === 0;
    console.log(
      `SUMMARY bench:webhook db=${scratch.kind} ` +
        `max=${f(app.max.perSecond)}ev/s baseline=${f(base.max.perSecond)}ev/s ratio=${ratio.toFixed(2)} ` +
        `at${RATE}/s: ack p50=${f(app.atRate.ackP50)}ms p99=${f(app.atRate.ackP99)}ms ` +
        `reply p50=${f(app.atRate.e2eP50)}ms p99=${f(app.atRate.e2eP99)}ms ` +
        `rss=${f(app.rssMb)}MB failed=${app.failed} ` +
        `same-run ack p99: baseline=${f(base.atRate.ackP99)}ms` +
        `${durable ? ` durable-echo=${f(durable.atRate.ackP99)}ms` : ''} ` +
        `targets(ratio>=0.5, ack p99<50ms, rss<400MB): ${met ? 'met' : 'MISSED'}`,
    );
  }
} finally {
  await fakeLine.terminate();
  await scratch.drop();
}
