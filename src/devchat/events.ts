import { createHmac, randomBytes, randomInt } from 'node:crypto';

/** What a patron does on the chat page, as LINE would report it to the bot. */
export type PatronAction =
  | { type: 'text'; text: string }
  | { type: 'postback'; data: string }
  | { type: 'follow' }
  | { type: 'accountLink'; result: 'ok' | 'failed'; nonce: string };

/** The bot's own user id, sent as `destination` (LINE sends the channel's bot user id there). */
export const BOT_USER_ID = `Udc${'f'.repeat(30)}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** LINE's webhookEventId is a ULID: 10 characters of time, 16 of randomness (Crockford base32). */
export function webhookEventId(now: number = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[randomInt(32)];
  return time + rand;
}

export const newReplyToken = () => randomBytes(16).toString('hex');
const messageId = () => String(randomInt(1e9, 1e10)) + String(randomInt(1e6, 1e7));

/** One webhook event object, in the shape of LINE's Messaging API reference. */
export function webhookEvent(
  userId: string,
  action: PatronAction,
  replyToken: string,
  now: Date,
): Record<string, unknown> {
  const base = {
    type: action.type === 'text' ? 'message' : action.type,
    mode: 'active',
    timestamp: now.getTime(),
    source: { type: 'user', userId },
    webhookEventId: webhookEventId(),
    deliveryContext: { isRedelivery: false },
    replyToken,
  };
  switch (action.type) {
    case 'text':
      return {
        ...base,
        message: {
          id: messageId(),
          type: 'text',
          quoteToken: randomBytes(16).toString('base64url'),
          text: action.text,
        },
      };
    case 'postback':
      return { ...base, postback: { data: action.data } };
    case 'follow':
      return { ...base, follow: { isUnblocked: false } };
    case 'accountLink':
      return { ...base, link: { result: action.result, nonce: action.nonce } };
  }
}

/** x-line-signature: base64 of HMAC-SHA256 over the raw body, keyed by the channel secret. */
export function signature(channelSecret: string, body: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}

/** The raw webhook body LINE posts for these events. */
export const webhookBody = (events: unknown[]) => JSON.stringify({ destination: BOT_USER_ID, events });
