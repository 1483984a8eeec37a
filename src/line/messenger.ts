import { HTTPFetchError, messagingApi } from '@line/bot-sdk';

/** Sends messages to LINE. Implementations must be safe to retry with the same retry key. */
export interface Messenger {
  reply(replyToken: string, messages: unknown[]): Promise<void>;
  push(to: string, messages: unknown[], retryKey: string): Promise<void>;
}

export type SendFailure = { status: number | null; message: string };

/** What a failed LINE call means for the caller: retry later, treat as done, or give up. */
export function classifyLineError(err: unknown): { outcome: 'retry' | 'delivered' | 'invalid_token' | 'give_up'; status: number | null } {
  if (err instanceof HTTPFetchError) {
    // 409 on a push with a retry key: LINE already accepted that request.
    if (err.status === 409) return { outcome: 'delivered', status: 409 };
    if (err.status === 429 || err.status >= 500) return { outcome: 'retry', status: err.status };
    if (err.status === 400 && /reply token/i.test(err.body)) return { outcome: 'invalid_token', status: 400 };
    return { outcome: 'give_up', status: err.status };
  }
  // Network errors and timeouts.
  return { outcome: 'retry', status: null };
}

export function lineMessenger(opts: { channelAccessToken: string; apiBaseUrl: string }): Messenger {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: opts.channelAccessToken,
    baseURL: opts.apiBaseUrl,
  });
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages: messages as messagingApi.Message[] });
    },
    async push(to, messages, retryKey) {
      await client.pushMessage({ to, messages: messages as messagingApi.Message[] }, retryKey);
    },
  };
}

/** Without a channel access token nothing can be sent; replies stay queued and are reported. */
export const unconfiguredMessenger: Messenger = {
  async reply() {
    throw new Error('LINE_CHANNEL_ACCESS_TOKEN is not set');
  },
  async push() {
    throw new Error('LINE_CHANNEL_ACCESS_TOKEN is not set');
  },
};
