import type { Kysely } from 'kysely';
import type { ConversationHandler } from '../conversation/engine.js';
import type { Input } from '../conversation/input.js';
import type { Messenger } from '../conversation/ports.js';
import type { DB } from '../db/schema.js';
import type { Logger } from '../log.js';
import type { MetricsHooks } from '../metrics/metrics.js';

/** What the inbox worker is given by the wiring (wiring.ts wireInbox). */
export interface InboxWorkerDeps {
  db: Kysely<DB>;
  handler: ConversationHandler;
  messenger: Messenger;
  /** The channel's stored event → what the conversation acts on (line/inbound.ts toInput). */
  toInput: (event: Record<string, unknown>) => Input;
  log: Logger;
  clock?: () => Date;
  /** Called after events were handled in a transaction (committed): notices they wrote can go out now. */
  afterEvents?: () => void;
  metrics?: MetricsHooks;
  /**
   * Events handled at once. One lane spends most of its time waiting on the database, so with a
   * pool several lanes multiply throughput; the claim keeps each user's events in order.
   */
  lanes?: number;
}
