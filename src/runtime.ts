import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import cron from 'node-cron';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { refreshSearchColumns } from './db/search-columns.js';
import { conversationHandler } from './conversation/engine.js';
import { lineAccount, unconfiguredLineAccount, type LineAccount } from './line/account.js';
import { formSecret } from './http/page-security.js';
import { InboxWorker } from './line/inbox-worker.js';
import { lineMessenger, unconfiguredMessenger, type Messenger } from './line/messenger.js';
import { errorText, type Logger } from './log.js';
import { seedDemoLibrary } from './seed/demo-library.js';
import { JOBS, type JobContext } from './services/jobs.js';
import { deliverLineNotices } from './services/notice-delivery.js';

export interface Runtime {
  database: Database;
  app: ReturnType<typeof createApp>;
  worker: InboxWorker;
  jobs: JobContext;
  runJob(name: string, now?: Date): Promise<number>;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo library, and wires app, inbox worker and jobs. */
export async function buildRuntime(config: Config, log: Logger, opts: { messenger?: Messenger; line?: LineAccount; clock?: () => Date; pgliteInMemory?: boolean } = {}): Promise<Runtime> {
  const clock = opts.clock ?? (() => new Date());
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: opts.pgliteInMemory ? undefined : join(config.dataDir, 'pglite'),
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info('migrations applied', { migrations: applied });
  // Titles normalised by an older normaliser (or none) are made searchable again before serving.
  const renormalised = await refreshSearchColumns(database.db);
  if (renormalised > 0) log.info('search columns rebuilt', { titles: renormalised });
  if (config.seed === 'demo') await seedDemoLibrary(database.db, clock(), log, config.loanPeriodDays);

  const messenger =
    opts.messenger ??
    (config.line.channelAccessToken ? lineMessenger({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl }) : unconfiguredMessenger);
  const line =
    opts.line ??
    (config.line.channelAccessToken ? lineAccount({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl }) : unconfiguredLineAccount);
  const handler = conversationHandler({ line, publicBaseUrl: config.publicBaseUrl, log });
  const worker = new InboxWorker({ db: database.db, handler, messenger, log, clock });
  const jobs: JobContext = {
    db: database.db,
    promoteHoldsHour: config.promoteHoldsHour,
    deliverNotices: (now) => deliverLineNotices(database.db, messenger, log, now),
  };
  const app = createApp({
    db: database.db,
    log,
    channelSecret: config.line.channelSecret,
    adminToken: config.adminToken,
    loanPeriodDays: config.loanPeriodDays,
    jobs,
    onEventsStored: () => void worker.kick(),
    clock,
    pages: { publicBaseUrl: config.publicBaseUrl, lineAccessBaseUrl: config.line.accessBaseUrl, formSecret: formSecret(config.line.channelSecret) },
  });
  return {
    database,
    app,
    worker,
    jobs,
    async runJob(name, now) {
      const job = JOBS[name];
      if (!job) throw new Error(`unknown job ${name}`);
      return job(jobs, now ?? clock());
    },
    async close() {
      await worker.stop();
      await database.close();
    },
  };
}

/** Schedules the jobs in Tokyo time. Each job guards itself with an advisory lock. */
export function scheduleJobs(rt: Runtime, config: Config, log: Logger): () => void {
  const run = (name: string) => async () => {
    try {
      const processed = await rt.runJob(name);
      if (processed > 0) log.info('job ran', { job: name, processed });
    } catch (err) {
      log.error('job failed', { job: name, error: errorText(err) });
    }
  };
  const tasks = [
    cron.schedule(`0 ${config.promoteHoldsHour} * * *`, run('promote-holds'), { timezone: 'Asia/Tokyo' }),
    cron.schedule('0 0,20 * * *', run('expire-holds'), { timezone: 'Asia/Tokyo' }),
    cron.schedule('* * * * *', run('deliver-notices'), { timezone: 'Asia/Tokyo' }),
  ];
  // A run missed while the server was down is caught up now: the jobs work from `now`.
  void run('promote-holds')().then(run('expire-holds')).then(run('deliver-notices'));
  return () => tasks.forEach((t) => void t.stop());
}

export function listen(rt: Runtime, config: Config): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: rt.app.fetch, port: config.port, hostname: config.host }, () => resolve(server));
  });
}
