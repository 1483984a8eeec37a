import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The few instrumentation hooks the rest of the code calls. Callers depend on this interface,
 * not on prom-client, so tests and tools can pass `noMetrics` and nothing else imports the library.
 */
export interface MetricsHooks {
  webhookEvent(type: string, outcome: 'processed' | 'failed'): void;
  /** Seconds from the event's arrival to its reply being accepted by LINE. */
  replySent(seconds: number, via: 'reply' | 'push'): void;
  lineApiError(status: number | null): void;
  jobRun(job: string, outcome: 'ok' | 'error', seconds: number): void;
}

export const noMetrics: MetricsHooks = { webhookEvent() {}, replySent() {}, lineApiError() {}, jobRun() {} };

export interface Metrics extends MetricsHooks {
  registry: Registry;
}

/**
 * One registry per runtime (never the global default), so two runtimes in one process — tests —
 * do not share counters. Gauges read from the database are collected at scrape time: they are the
 * same on every instance, which is what a shared database means.
 */
export function createMetrics(db: Kysely<DB>): Metrics {
  const registry = new Registry();
  // Every metric of this runtime goes into its registry; only what tells them apart is written below.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
  /** A count of rows, taken at scrape time. */
  const rowCount = (name: string, help: string, count: () => Promise<{ n: string } | undefined>) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(Number((await count())?.n ?? 0));
      },
    });

  const events = counter('library_webhook_events_total', 'LINE webhook events handled, by type and outcome', [
    'type',
    'outcome',
  ]);
  const replyLatency = histogram(
    'library_reply_latency_seconds',
    'From webhook arrival to the reply accepted by LINE',
    ['via'],
    [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  );
  const lineErrors = counter(
    'library_line_api_errors_total',
    'Failed LINE Messaging API calls, by HTTP status (none = network/timeout)',
    ['status'],
  );
  const jobRuns = counter('library_job_runs_total', 'Job runs, by job and outcome', ['job', 'outcome']);
  const jobSeconds = histogram(
    'library_job_duration_seconds',
    'Job run duration',
    ['job'],
    [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  );

  new Gauge({
    name: 'library_inbox_backlog',
    help: 'Webhook inbox rows not yet done (pending = waiting/retrying, failed = gave up)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .selectFrom('webhook_inbox')
        .select(['status', sql<string>`count(*)`.as('n')])
        .where('status', '!=', 'done')
        .groupBy('status')
        .execute();
      for (const s of ['pending', 'failed']) this.set({ status: s }, Number(rows.find((r) => r.status === s)?.n ?? 0));
    },
  });
  new Gauge({
    name: 'library_notices',
    help: 'Notices by channel and status',
    labelNames: ['channel', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .selectFrom('notices')
        .select(['channel', 'status', sql<string>`count(*)`.as('n')])
        .groupBy(['channel', 'status'])
        .execute();
      for (const channel of ['line', 'email']) {
        for (const status of ['pending', 'sent', 'failed', 'dropped'])
          this.set({ channel, status }, Number(rows.find((r) => r.channel === channel && r.status === status)?.n ?? 0));
      }
    },
  });
  rowCount(
    'library_login_failures',
    'Failed logins on known cards recorded in the audit log (ever; use increase())',
    () =>
      db
        .selectFrom('audit_log')
        .select(sql<string>`count(*)`.as('n'))
        .where('action', '=', 'login.failed')
        .executeTakeFirst(),
  );
  rowCount('library_login_lockouts_active', 'Cards and LINE users locked out of login right now', () =>
    db
      .selectFrom('login_throttle')
      .select(sql<string>`count(*)`.as('n'))
      .where('locked_until', '>', new Date())
      .executeTakeFirst(),
  );

  return {
    registry,
    webhookEvent: (type, outcome) => events.inc({ type, outcome }),
    replySent: (seconds, via) => replyLatency.observe({ via }, Math.max(0, seconds)),
    lineApiError: (status) => lineErrors.inc({ status: status === null ? 'none' : String(status) }),
    jobRun: (job, outcome, seconds) => {
      jobRuns.inc({ job, outcome });
      jobSeconds.observe({ job }, seconds);
    },
  };
}
