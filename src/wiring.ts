import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { conversationHandler } from './conversation/engine.js';
import type { LineAccount, Messenger } from './conversation/ports.js';
import { batchedCopies } from './db/catalog-search.js';
import type { DB } from './db/schema.js';
import { RankingCache } from './db/search-ranking-cache.js';
import { InboxWorker } from './inbox/worker.js';
import { lineAccount, unconfiguredLineAccount } from './line/account.js';
import { toInput } from './line/inbound.js';
import { lineMessenger, unconfiguredMessenger } from './line/messenger.js';
import type { Logger } from './log.js';
import { instrumentedMessenger } from './metrics/instrumented-messenger.js';
import type { MetricsHooks } from './metrics/metrics.js';

export interface InboxWiring {
  /** LINE's messenger, counted by the metrics: the inbox's answers and the notices go through it. */
  messenger: Messenger;
  worker: InboxWorker;
}

/**
 * The one place the LINE adapter, the conversation and the inbox worker are put together: the
 * main thread (runtime.ts) and the inbox thread (inbox-thread-main.ts) both call it, so the two
 * cannot drift apart. A test or the local chat page may bring its own messenger, LINE account or
 * clock.
 */
export function wireInbox(deps: {
  config: Config;
  db: Kysely<DB>;
  log: Logger;
  metrics: MetricsHooks;
  lanes: number;
  afterEvents: () => void;
  clock?: (() => Date) | undefined;
  messenger?: Messenger | undefined;
  line?: LineAccount | undefined;
}): InboxWiring {
  const { config, db, log, metrics } = deps;
  const token = config.line.channelAccessToken;
  const channel = { channelAccessToken: token ?? '', apiBaseUrl: config.line.apiBaseUrl };
  const messenger = instrumentedMessenger(
    deps.messenger ?? (token ? lineMessenger(channel) : unconfiguredMessenger),
    metrics,
  );
  const line = deps.line ?? (token ? lineAccount(channel) : unconfiguredLineAccount);
  // Searches of events handled at the same time share kept rankings and read their copies together.
  const searchReads = { rankings: new RankingCache(), copies: batchedCopies(db) };
  const handler = conversationHandler({ line, publicBaseUrl: config.publicBaseUrl, log, searchReads });
  const worker = new InboxWorker({
    db,
    handler,
    messenger,
    toInput,
    log,
    ...(deps.clock ? { clock: deps.clock } : {}),
    afterEvents: deps.afterEvents,
    metrics,
    lanes: deps.lanes,
  });
  return { messenger, worker };
}

/** The inbox thread's entry module, with this file's extension: .ts under tsx, .js when built. */
export const INBOX_THREAD_ENTRY = new URL(
  `./inbox-thread-main${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);
