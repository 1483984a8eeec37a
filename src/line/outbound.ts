import type { messagingApi } from '@line/bot-sdk';
import type { Reply } from '../conversation/reply.js';

/** LINE's limits on one reply or push. */
export const MAX_MESSAGES_PER_REPLY = 5;
export const MAX_TEXT_LENGTH = 5000;

/** Replies → LINE messages; the only place that knows LINE message JSON. */
export function toLineMessages(replies: readonly Reply[]): messagingApi.Message[] {
  const messages = replies.map((r): messagingApi.Message => {
    switch (r.kind) {
      case 'text':
        return { type: 'text', text: truncate(r.text, MAX_TEXT_LENGTH) };
    }
  });
  return messages.slice(0, MAX_MESSAGES_PER_REPLY);
}

/** Cuts by UTF-16 units as LINE counts them, without splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}
