import { lineUserLanguage } from './db/line-users.js';
import { isLanguage } from './lib/language.js';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import cron from 'node-cron';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createDevChat, type DevChat } from './devchat/index.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { refreshSearchColumns } from './db/search-columns.js';
import { refreshCatalogKeys } from './db/catalog-keys.js';
import { underStartupLock } from './db/startup-lock.js';
import type { LineAccount, Messenger } from './conversation/ports.js';
import { formSecret } from './http/page-security.js';
import { INBOX_LANES } from './inbox/timings.js';
import { InboxThread, type InboxProcessor } from './inbox/thread.js';
import { errorText, type Logger } from './log.js';
import { seedDemoLibrary } from './seed/demo-library.js';
import { installProfile } from './profile/active.js';
import { applyProfileToDatabase } from './services/library-profile.js';
import { JOBS, type JobContext } from './services/jobs.js';
import { deliverLineNotices } from './notices/line-delivery.js';
import { NoticeKicker } from './notices/kicker.js';
import { deliverEmailNotices } from './notices/email-delivery.js';
import { mailTransportFor } from './mail/from-config.js';
import type { MailTransport } from './mail/transport.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { metricsRoutes } from './http/metrics-route.js';
import { INBOX_THREAD_ENTRY, wireInbox } from './wiring.js';
import { lineMulticaster } from './line/multicast.js';
import type { Multicaster } from './services/announcements.js';

export interface Runtime {
  database: Database;
  app: ReturnType<typeof createApp>;
  worker: InboxProcessor;
  jobs: JobContext;
  runJob(name: string, now?: Date): Promise<number>;
  /** Attempts notices right after the change that wrote them (a staff call, a chat event, a job). */
  notices: NoticeKicker;
  /** Set when the local chat page stands in for LINE (opts.devChat). */
  devChat?: DevChat;
  /** This runtime's Prometheus registry and hooks (GET /metrics). */
  metrics: Metrics;
  /** Waits for in-flight events, jobs and notices (at most `graceMs`), then closes the pool. */
  close(graceMs?: number): Promise<void>;
}

/** Opens the database, migrates, seeds the demo library, and wires app, inbox worker and jobs. */
export async function buildRuntime(
  config: Config,
  log: Logger,
  opts: {
    messenger?: Messenger;
    line?: LineAccount;
    clock?: () => Date;
    pgliteInMemory?: boolean;
    devChat?: boolean;
    mail?: MailTransport;
    /** Announcements go through it instead of LINE's multicast (tests). */
    multicaster?: Multicaster;
  } = {},
): Promise<Runtime> {
  const clock = opts.clock ?? (() => new Date());
  // The local chat page stands in for LINE: from here on, LINE's secret, token and origins are its own.
  const devChat = opts.devChat ? await createDevChat(config, log, clock) : undefined;
  if (devChat) config = devChat.config;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: opts.pgliteInMemory ? undefined : join(config.dataDir, 'pglite'),
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info('migrations applied', { migrations: applied });
  // The library's facts, read once from LIBRARY_PROFILE: for the rules and words of this process,
  // and for the branch rows of the database.
  installProfile(config.profile);
  // Replicas starting together apply it one after the other (the same rows, rewritten in turn).
  await underStartupLock(database, () => applyProfileToDatabase(database.db, config.profile));
  // Titles normalised by an older normaliser (or none) are made searchable again before serving.
  const renormalised = await refreshSearchColumns(database.db);
  if (renormalised > 0) log.info('search columns rebuilt', { titles: renormalised });
  const rekeyed = await refreshCatalogKeys(database.db);
  if (rekeyed > 0) log.info('catalog keys made (ISBN-13, call-number marks)', { titles: rekeyed });
  // Replicas starting together on an empty database: one seeds, the others find it seeded.
  if (config.seed === 'demo')
    await underStartupLock(database, () => seedDemoLibrary(database.db, clock(), log, config.loanPeriodDays));

  const metrics = createMetrics(database.db);
  // Late-bound: `jobs` (below) is what a kick delivers with, LINE and e-mail alike.
  const notices = new NoticeKicker((now) => jobs.deliverNotices(now), clock, log);
  const afterEvents = () => void notices.kick();
  // PGlite has one connection: more lanes would only queue on it.
  const lanes = database.kind === 'postgres' ? INBOX_LANES : 1;
  const inbox = wireInbox({
    config,
    db: database.db,
    log,
    metrics,
    lanes,
    afterEvents,
    clock,
    messenger: opts.messenger,
    line: opts.line,
  });
  const messenger = inbox.messenger;
  // On PostgreSQL the inbox is handled on a thread of its own (inbox/thread.ts), unless a test
  // or the local chat page brings its own LINE, clock or chat (those live in this thread).
  const ownThread = database.kind === 'postgres' && !opts.messenger && !opts.line && !opts.clock && !devChat;
  const worker: InboxProcessor = ownThread
    ? new InboxThread({ config, log, metrics, afterEvents, entry: INBOX_THREAD_ENTRY })
    : inbox.worker;
  const mail = {
    db: database.db,
    transport: opts.mail ?? mailTransportFor(config, log),
    log,
    publicBaseUrl: config.publicBaseUrl,
    mailFrom: config.mailFrom,
  };
  const jobs: JobContext = {
    db: database.db,
    promoteHoldsHour: config.promoteHoldsHour,
    deliverNotices: async (now) =>
      (await deliverLineNotices(database.db, messenger, log, now)) + (await deliverEmailNotices(mail, now)),
  };
  const app = createApp({
    db: database.db,
    ingest: database.ingest,
    log,
    channelSecret: config.line.channelSecret,
    adminToken: config.adminToken,
    loanPeriodDays: config.loanPeriodDays,
    jobs,
    onEventsStored: () => worker.nudge(),
    afterStaffChange: () => void notices.kick(),
    afterPatronChange: () => void notices.kick(),
    clock,
    pages: {
      publicBaseUrl: config.publicBaseUrl,
      lineAccessBaseUrl: config.line.accessBaseUrl,
      formSecret: formSecret(config.line.channelSecret),
    },
    mail: {
      mailFrom: config.mailFrom,
      sendMailNow: async (noticeId) => void (await deliverEmailNotices(mail, clock(), noticeId)),
    },
    staffConsole: config.staffConsole,
    multicaster:
      opts.multicaster ??
      (config.line.channelAccessToken
        ? lineMulticaster({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl })
        : undefined),
  });
  const inFlightJobs = new Set<Promise<unknown>>();
  const runJob = async (name: string, now?: Date) => {
    const job = JOBS[name];
    if (!job) throw new Error(`unknown job ${name}`);
    const started = performance.now();
    const run = job(jobs, now ?? clock());
    inFlightJobs.add(run);
    let processed: number;
    try {
      processed = await run;
    } catch (err) {
      metrics.jobRun(name, 'error', (performance.now() - started) / 1000);
      throw err;
    } finally {
      inFlightJobs.delete(run);
    }
    metrics.jobRun(name, 'ok', (performance.now() - started) / 1000);
    // What the job wrote (ready, expired, reminders) is attempted now, not at the next minute.
    if (name !== 'deliver-notices') void notices.kick();
    return processed;
  };
  app.route('/', metricsRoutes(metrics.registry, config.metricsToken));
  if (devChat)
    app.route(
      '/',
      devChat.routes({
        db: database.db,
        jobNames: Object.keys(JOBS),
        runJob: (name) => runJob(name),
        userLanguage: async (user) => {
          const language = await lineUserLanguage(database.db, user);
          return isLanguage(language) ? language : 'ja';
        },
      }),
    );
  return {
    database,
    app,
    worker,
    jobs,
    runJob,
    notices,
    ...(devChat ? { devChat } : {}),
    metrics,
    async close(graceMs = 10_000) {
      // Bounded: a job stuck on a dead SMTP server must not keep a SIGTERMed container alive.
      // Whatever is cut off is still in the inbox/notices tables and is picked up after restart.
      const settled = Promise.allSettled([worker.stop(), notices.stop(), ...inFlightJobs]);
      const timedOut = await Promise.race([
        settled.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
      ]);
      if (timedOut) log.warn('shutdown grace period over; unfinished work stays queued', { graceMs });
      await mail.transport.close?.();
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
    // Before quiet hours end (Kamagaya 08:00), so the morning's reminders join the night's notices in one push.
    cron.schedule(`30 ${(config.profile.quietHours.until + 23) % 24} * * *`, run('send-reminders'), {
      timezone: 'Asia/Tokyo',
    }),
    // Issue 26: suspensions that ended and holds past their 不要日 just after midnight; overdue
    // notices with the reminders, so they join the morning's push.
    cron.schedule('5 0 * * *', run('pause-holds'), { timezone: 'Asia/Tokyo' }),
    cron.schedule(`35 ${(config.profile.quietHours.until + 23) % 24} * * *`, run('overdue-notices'), {
      timezone: 'Asia/Tokyo',
    }),
  ];
  // A run missed while the server was down is caught up now: the jobs work from `now`.
  void run('promote-holds')()
    .then(run('expire-holds'))
    .then(run('pause-holds'))
    .then(run('send-reminders'))
    .then(run('overdue-notices'))
    .then(run('deliver-notices'));
  return () => tasks.forEach((t) => void t.stop());
}

export function listen(rt: Runtime, config: Config): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: rt.app.fetch, port: config.port, hostname: config.host }, () => resolve(server));
  });
}
