import type { Language } from '../lib/language.js';
import type { ClaimedEvent } from '../db/inbox-claim.js';
import type { InboxWorkerDeps } from './worker-deps.js';

/**
 * The language an event is answered in, and whether it was just learned from the LINE profile (the
 * completion then stores it). Only an event that may be answered asks: a beacon, an unfollow or a
 * standby event is handled in Japanese without a call to LINE.
 */
export async function eventLanguage(
  deps: Pick<InboxWorkerDeps, 'handler' | 'toInput'>,
  event: ClaimedEvent,
): Promise<{ language: Language; learned: boolean }> {
  const kind = event.mode === 'active' && event.lineUserId ? deps.toInput(event.payload).kind : 'ignored';
  if (kind === 'ignored' || kind === 'unfollow' || !event.lineUserId) return { language: 'ja', learned: false };
  return deps.handler.language(event.lineUserId, event.language);
}
