import type { Language } from '../lib/language.js';
import type { Reply } from './reply.js';

/**
 * What the conversation, the inbox and the notices need from the messaging channel, declared
 * here so that they depend on these interfaces and only line/ (the adapter) knows LINE.
 */

/** The channel's account services besides messages: account-link tokens and rich menus. */
export interface LineAccount {
  issueLinkToken(lineUserId: string): Promise<string>;
  /** The menu of the login state in the patron's language (its alias: `which`, or `which-language`). */
  showRichMenu(lineUserId: string, which: 'logged-in' | 'logged-out', language: Language): Promise<void>;
  /** The language tag of the user's LINE profile (e.g. 'ja', 'en-US'); undefined when LINE gives none. */
  profileLanguage(lineUserId: string): Promise<string | undefined>;
}

/**
 * Says replies on the channel. `render` makes the channel's own message objects, which are what
 * is stored for a retry and sent as they are. Implementations must be safe to retry with the same
 * retry key, and throw a SendError when the channel answered with a refusal.
 */
export interface Messenger {
  render(replies: Reply[]): unknown[];
  reply(replyToken: string, messages: unknown[]): Promise<void>;
  push(to: string, messages: unknown[], retryKey: string): Promise<void>;
}

/**
 * A send the channel has not answered by then is abandoned and fails like a dropped connection
 * (retried later, a push with the same retry key). Leases on sends (notices) are longer than this.
 */
export const SEND_DEADLINE_MS = 20_000;

/**
 * What a failed call means for the caller: retry later, treat as done (the channel already took
 * that retry key), the reply token is no good (push instead), or give up. `retryAfterMs` is the
 * channel's own wait (LINE's Retry-After on 429), when it sent one.
 */
export interface SendVerdict {
  outcome: 'retry' | 'delivered' | 'invalid_token' | 'give_up';
  status: number | null;
  retryAfterMs?: number;
}

/** A refusal by the channel, with what it means; the message and name are the channel's own. */
export class SendError extends Error {
  readonly verdict: SendVerdict;
  constructor(verdict: SendVerdict, message: string, name: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
    this.verdict = verdict;
  }
}

/** Anything but a SendError (a network error, a timeout) is worth another try. */
export function sendVerdict(err: unknown): SendVerdict {
  return err instanceof SendError ? err.verdict : { outcome: 'retry', status: null };
}
