import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/database.js';
import { createLogger, errorText } from './log.js';
import type { MetricsHooks } from './metrics/metrics.js';
import { INBOX_LANES } from './inbox/timings.js';
import {
  METRICS_FLUSH_MS,
  type FromInboxThread,
  type InboxThreadData,
  type MetricName,
  type ToInboxThread,
} from './inbox/thread.js';
import { wireInbox } from './wiring.js';
import { installProfile } from './profile/active.js';

// The inbox thread (see inbox/thread.ts): the inbox worker wired as runtime.ts wires it (wiring.ts), with
// a pool of its own; metrics and "events were handled" go back to the main thread.
const port = parentPort!;
// On Linux this lowers the priority of this thread only: when the CPU is short, the main thread
// (acknowledging LINE) runs first and the handling of stored events waits.
try {
  setPriority(10);
} catch {
  // Not permitted here: the thread runs at the process's priority.
}
const { config, nudgePending } = workerData as InboxThreadData;
// The profile the main thread read and validated (structured-cloned with the config).
installProfile(config.profile);
const post = (m: FromInboxThread) => port.postMessage(m);
// Log lines go through the main thread, in order with the other messages: written there before
// 'stopped' is, so none is lost when the process exits (a thread's own stdout is flushed by the
// main thread later, and a graceful-shutdown run lost a line that way).
const log = createLogger(config.logLevel ?? 'info', (line) => post({ type: 'log', line }));
// Counts go to the main thread in batches: a message per event and count was a wake-up of the
// main thread (which answers LINE) twice per event.
let counted: [MetricName, unknown[]][] = [];
const flushMetrics = () => {
  if (counted.length === 0) return;
  post({ type: 'metrics', counts: counted });
  counted = [];
};
setInterval(flushMetrics, METRICS_FLUSH_MS).unref();
const metric =
  (name: MetricName) =>
  (...args: unknown[]) =>
    void counted.push([name, args]);
const metrics: MetricsHooks = {
  webhookEvent: metric('webhookEvent'),
  replySent: metric('replySent'),
  lineApiError: metric('lineApiError'),
  jobRun() {},
};

const database = await openDatabase({ databaseUrl: config.databaseUrl });
const { worker } = wireInbox({
  config,
  db: database.db,
  log,
  metrics,
  lanes: INBOX_LANES,
  afterEvents: () => post({ type: 'afterEvents' }),
});

port.on('message', (m: ToInboxThread) => {
  switch (m.type) {
    case 'kick':
      return void worker.kick().then(() => post({ type: 'kicked', id: m.id }));
    case 'nudge':
      // Cleared before the drain starts: whatever is stored after this sends a nudge of its own.
      Atomics.store(nudgePending, 0, 0);
      return worker.nudge();
    case 'start':
      return worker.start(m.intervalMs);
    case 'stop':
      return void worker
        .stop()
        .then(() => database.close())
        .catch((err: unknown) => log.error('inbox thread stop failed', { error: errorText(err) }))
        .finally(() => {
          flushMetrics();
          post({ type: 'stopped' });
        });
  }
});
