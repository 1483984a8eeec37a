import type { Input } from '../conversation/input.js';

const MAX_TEXT = 5000;

/** A LINE webhook event → the conversation's Input; what the bot does not understand is `ignored`. */
export function toInput(event: Record<string, unknown>): Input {
  const type = typeof event.type === 'string' ? event.type : '';
  switch (type) {
    case 'message': {
      const m = asRecord(event.message);
      if (m?.type === 'text' && typeof m.text === 'string') return { kind: 'text', text: m.text.slice(0, MAX_TEXT) };
      return { kind: 'ignored', reason: `message:${typeof m?.type === 'string' ? m.type : 'unknown'}` };
    }
    case 'postback': {
      const p = asRecord(event.postback);
      if (typeof p?.data === 'string') return { kind: 'postback', data: p.data.slice(0, 300) };
      return { kind: 'ignored', reason: 'postback without data' };
    }
    case 'follow':
      return { kind: 'follow' };
    case 'unfollow':
      return { kind: 'unfollow' };
    case 'accountLink': {
      const l = asRecord(event.link);
      if (typeof l?.nonce === 'string' && (l.result === 'ok' || l.result === 'failed')) {
        return { kind: 'accountLink', result: l.result, nonce: l.nonce };
      }
      return { kind: 'ignored', reason: 'accountLink without nonce' };
    }
    default:
      return { kind: 'ignored', reason: type || 'no type' };
  }
}

/** The LINE user an event came from, when it came from a one-to-one chat. */
export function lineUserIdOf(event: Record<string, unknown>): string | null {
  const source = asRecord(event.source);
  if (source?.type !== 'user' || typeof source.userId !== 'string') return null;
  return /^U[0-9a-f]{32}$/.test(source.userId) ? source.userId : null;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
