import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { errorText, type Logger } from '../log.js';
import type { MetricsHooks } from '../metrics/metrics.js';

/** What the runtime asks of whatever processes the webhook inbox (InboxWorker, or InboxThread around one). */
export interface InboxProcessor {
  /** Starts draining now; resolves when the inbox has nothing due. */
  kick(): Promise<void>;
  /** Like kick, for a caller that does not wait: new events were stored. */
  nudge(): void;
  /** Polls for retries that come due. */
  start(intervalMs?: number): void;
  /** Finishes the events in hand; nothing is taken after. */
  stop(): Promise<void>;
}

export type MetricName = 'webhookEvent' | 'replySent' | 'lineApiError';
/** How often the thread's counts reach the main thread's registry (and /metrics). */
export const METRICS_FLUSH_MS = 100;

/** Main thread → inbox thread. */
export type ToInboxThread =
  | { type: 'kick'; id: number }
  | { type: 'nudge' }
  | { type: 'start'; intervalMs: number | undefined }
  | { type: 'stop' };
/** Inbox thread → main thread. */
export type FromInboxThread =
  | { type: 'kicked'; id: number }
  | { type: 'afterEvents' }
  | { type: 'metrics'; counts: [MetricName, unknown[]][] }
  | { type: 'log'; line: string }
  | { type: 'stopped' };

export interface InboxThreadData {
  config: Config;
  /** [0] is 1 while a nudge is on its way to the thread and not yet taken (see nudge()). */
  nudgePending: Int32Array;
}

const RESTART_AFTER_MS = 1_000;
const THREAD_HEAP = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 };

/**
 * The inbox worker on a thread of its own (PostgreSQL only: PGlite lives inside one thread).
 * The main thread then only answers HTTP and stores webhook events: under load, acknowledging
 * LINE no longer waits in one event loop behind the handling of hundreds of earlier events
 * (measured by bench:webhook: the main thread was the busiest thing on the machine).
 * Nothing is handed over in memory but "look now": events are in the inbox, so a thread that
 * dies loses nothing; it is started again and the leases of what it held run out.
 */
export interface InboxThreadDeps {
  config: Config;
  log: Logger;
  metrics: MetricsHooks;
  afterEvents: () => void;
  /** The thread's entry module (wiring.ts INBOX_THREAD_ENTRY): it wires the worker as the main thread would. */
  entry: URL;
}

export class InboxThread implements InboxProcessor {
  readonly #deps: InboxThreadDeps;
  #worker!: Worker;
  #nextId = 1;
  readonly #waiting = new Map<number, () => void>();
  #stopping = false;
  #stopped: (() => void) | undefined;
  #interval: number | undefined;
  #started = false;
  /** Shared with the thread: see nudge(). */
  #nudgePending = new Int32Array(new SharedArrayBuffer(4));

  constructor(deps: InboxThreadDeps) {
    this.#deps = deps;
    this.#spawn();
  }

  #spawn(): void {
    const entry = this.#deps.entry;
    // A new thread starts with nothing pending: a nudge the dead one never took is sent again.
    Atomics.store(this.#nudgePending, 0, 0);
    const data: InboxThreadData = { config: this.#deps.config, nudgePending: this.#nudgePending };
    // The thread's heap is bounded so the two heaps together stay within the process's memory
    // target (bench:webhook: peak RSS < 400 MB): V8 otherwise grows a heap lazily into hundreds of MB.
    // Under tsx (npm start, tests) the thread loads TypeScript through tsx too.
    const worker = new Worker(entry, {
      workerData: data,
      resourceLimits: THREAD_HEAP,
      ...(extname(fileURLToPath(entry)) === '.ts' ? { execArgv: ['--import', 'tsx'] } : {}),
    });
    this.#worker = worker;
    worker.on('message', (m: FromInboxThread) => this.#receive(m));
    worker.on('error', (err) => this.#deps.log.error('inbox thread failed', { error: errorText(err) }));
    worker.on('exit', (code) => {
      // Kicks it will never answer: their callers must not wait for ever.
      for (const done of this.#waiting.values()) done();
      this.#waiting.clear();
      if (this.#stopping) return this.#stopped?.();
      this.#deps.log.error('inbox thread exited; starting it again', { code });
      setTimeout(() => {
        if (this.#stopping) return;
        this.#spawn();
        if (this.#started) this.#post({ type: 'start', intervalMs: this.#interval });
      }, RESTART_AFTER_MS).unref();
    });
  }

  #receive(m: FromInboxThread): void {
    switch (m.type) {
      case 'kicked':
        this.#waiting.get(m.id)?.();
        this.#waiting.delete(m.id);
        return;
      case 'afterEvents':
        this.#deps.afterEvents();
        return;
      case 'metrics':
        for (const [name, args] of m.counts) (this.#deps.metrics[name] as (...a: unknown[]) => void)(...args);
        return;
      case 'log':
        // Synchronous on Linux pipes and files, as the main thread's own log lines are.
        return void process.stdout.write(`${m.line}\n`);
      case 'stopped':
        return void this.#worker.terminate();
    }
  }

  #post(m: ToInboxThread): void {
    this.#worker.postMessage(m);
  }

  kick(): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    const id = this.#nextId++;
    return new Promise<void>((resolve) => {
      this.#waiting.set(id, resolve);
      this.#post({ type: 'kick', id });
    });
  }

  /**
   * At most one nudge is on its way at a time: events stored while one waits to be taken are found
   * by the drain it starts, since the thread clears the flag before it drains. Kicks cost a message
   * (and a wake-up of a thread) each way per stored batch, on a machine where wake-ups are most of
   * what work costs (docs/reliability.md, "What moved it").
   */
  nudge(): void {
    if (this.#stopping || Atomics.compareExchange(this.#nudgePending, 0, 0, 1) !== 0) return;
    this.#post({ type: 'nudge' });
  }

  start(intervalMs?: number): void {
    this.#started = true;
    this.#interval = intervalMs;
    this.#post({ type: 'start', intervalMs });
  }

  stop(): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    this.#stopping = true;
    return new Promise<void>((resolve) => {
      this.#stopped = resolve;
      this.#post({ type: 'stop' });
    });
  }
}
