import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import { type Messenger, SendError, type SendVerdict, sendVerdict } from '../conversation/ports.js';
import { linePoster } from './line-post.js';
import { toLineMessages } from './outbound.js';

/**
 * What a failed LINE call means for the caller (conversation/ports.ts SendVerdict).
 * `retryAfterMs` is LINE's Retry-After (on 429), when it sent one.
 */
export function classifyLineError(err: unknown): SendVerdict {
  if (err instanceof SendError) return sendVerdict(err);
  if (err instanceof HTTPFetchError) {
    // 409 on a push with a retry key: LINE already accepted that request.
    if (err.status === 409) return { outcome: 'delivered', status: 409 };
    if (err.status === 429 || err.status >= 500) {
      const retryAfterMs = retryAfter(err.headers?.get('retry-after') ?? null);
      return retryAfterMs === undefined
        ? { outcome: 'retry', status: err.status }
        : { outcome: 'retry', status: err.status, retryAfterMs };
    }
    if (err.status === 400 && /reply token/i.test(err.body)) return { outcome: 'invalid_token', status: 400 };
    return { outcome: 'give_up', status: err.status };
  }
  // Network errors and timeouts.
  return { outcome: 'retry', status: null };
}

/** Retry-After is seconds or an HTTP date. */
function retryAfter(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Reply and push, with the SDK's request types, over linePoster's kept-alive connections (its deadline included). */
export function lineMessenger(opts: { channelAccessToken: string; apiBaseUrl: string }): Messenger {
  const post = linePoster(opts);
  return {
    render: toLineMessages,
    async reply(replyToken, messages) {
      const request: messagingApi.ReplyMessageRequest = { replyToken, messages: messages as messagingApi.Message[] };
      await post('/v2/bot/message/reply', request).catch(asSendError);
    },
    async push(to, messages, retryKey) {
      const request: messagingApi.PushMessageRequest = { to, messages: messages as messagingApi.Message[] };
      await post('/v2/bot/message/push', request, { 'x-line-retry-key': retryKey }).catch(asSendError);
    },
  };
}

/** LINE's refusals become the port's SendError (same name and message, for logs and last_error). */
function asSendError(err: unknown): never {
  if (err instanceof HTTPFetchError) throw new SendError(classifyLineError(err), err.message, err.name, { cause: err });
  throw err;
}

/** Without a channel access token nothing can be sent; replies stay queued and are reported. */
export const unconfiguredMessenger: Messenger = {
  render: toLineMessages,
  async reply() {
    throw new Error('LINE_CHANNEL_ACCESS_TOKEN is not set');
  },
  async push() {
    throw new Error('LINE_CHANNEL_ACCESS_TOKEN is not set');
  },
};
