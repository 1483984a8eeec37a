import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { http, passthrough } from 'msw';
import { loadConfig } from '../../src/config.js';
import { nextOpeningDayAfter } from '../../src/domain/calendar.js';
import { tokyoDate, tokyoStartOfDay } from '../../src/domain/dates.js';
import { branchCalendar } from '../../src/services/calendar.js';
import type { Entry } from '../../src/devchat/transcript.js';
import { devChatEnabled } from '../../src/devchat/index.js';
import { createLogger } from '../../src/log.js';
import { testLog } from '../helpers/test-log.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { testDatabase } from '../helpers/database.js';
import { lineApi } from '../setup/msw.js';

export interface DevChatServer {
  /** http://127.0.0.1:port: PUBLIC_BASE_URL, and where the server reaches itself. */
  base: string;
  rt: Runtime;
  /** The app's clock: real time until `travelTo`. */
  now(): Date;
  /** Moves the app's clock (it keeps running from there): the jobs' `now`, the events' time. */
  travelTo(instant: Date): void;
  /** 10:00 Tokyo on the branch's first opening day after the app's today: jobs run, pushes go out. */
  nextOpeningMorning(branch: string): Promise<Date>;
  /** Lets this process's own requests to the server through msw (call in each test: msw resets). */
  allowLoopback(): void;
  /** Entries of the chat page's transcript, waiting until `until` finds one (or failing after 10 s). */
  waitFor(until: (e: Entry) => boolean, what: string): Promise<Entry>;
  close(): Promise<void>;
}

const listening = (server: ServerType) =>
  new Promise<string>((resolve) => {
    const done = () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (server.listening) done();
    else server.once('listening', done);
  });

/**
 * The app as `npm start` runs it without a LINE channel, served on 127.0.0.1: the dev chat on,
 * the inbox worker running, the demo library (unless SEED=none). PGlite in memory, or a new
 * database on DATABASE_URL's server. The app's clock is real time (the inbox compares it with the
 * database's), until a test moves it to a morning for the jobs (pushes wait out the night).
 */
export async function devChatServer(opts: { env?: Record<string, string> } = {}): Promise<DevChatServer> {
  // PUBLIC_BASE_URL and the stand-in's origin need the port before the app exists.
  let app: Hono | undefined;
  const server = serve({
    fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
    port: 0,
    hostname: '127.0.0.1',
  });
  const base = await listening(server);
  const allowLoopback = () => lineApi.use(http.all(`${base}/*`, () => passthrough()));
  allowLoopback();
  const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
  const config = loadConfig({
    PORT: new URL(base).port,
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: base,
    DATABASE_URL: pg?.url,
    CRON: 'off',
    ...opts.env,
  });
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const rt = await buildRuntime(config, process.env.DEVCHAT_DEBUG ? createLogger('debug') : testLog, {
    pgliteInMemory: true,
    clock,
    devChat: devChatEnabled(config),
  });
  app = rt.app;
  rt.worker.start(200);
  return {
    base,
    rt,
    now: clock,
    travelTo: (instant) => {
      offset = instant.getTime() - Date.now();
    },
    async nextOpeningMorning(branch) {
      const today = tokyoDate(clock());
      const day = nextOpeningDayAfter(await branchCalendar(rt.database.db, branch, today), today);
      return new Date(tokyoStartOfDay(day).getTime() + 10 * 3_600_000);
    },
    allowLoopback,
    async waitFor(until, what) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = rt.devChat?.channel.transcript.since(0).find(until);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no transcript entry: ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rt.close();
      await pg?.close();
    },
  };
}
