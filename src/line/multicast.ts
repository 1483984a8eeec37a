import type { Multicaster } from '../services/announcements.js';
import { linePoster } from './line-post.js';
import { classifyLineError } from './messenger.js';

/**
 * Announcements through LINE's multicast (at most 500 users a call) with a retry key per batch:
 * LINE answers a repeated key with 409, which counts as sent. The quota is read from
 * GET /v2/bot/message/quota and /quota/consumption.
 */
export function lineMulticaster(opts: { channelAccessToken: string; apiBaseUrl: string }): Multicaster {
  const post = linePoster(opts);
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(new URL(path, opts.apiBaseUrl), {
      headers: { authorization: `Bearer ${opts.channelAccessToken}` },
    });
    if (!res.ok) throw new Error(`LINE ${path} answered ${res.status}`);
    return res.json();
  };
  return {
    async multicast(to, text, retryKey) {
      try {
        await post(
          '/v2/bot/message/multicast',
          { to, messages: [{ type: 'text', text }] },
          { 'x-line-retry-key': retryKey },
        );
        return { ok: true };
      } catch (err) {
        const v = classifyLineError(err);
        if (v.outcome === 'delivered') return { ok: true };
        const error = v.status === null ? 'LINE did not answer' : `LINE answered ${v.status}`;
        return { ok: false, retry: v.outcome === 'retry', error };
      }
    },
    async quota() {
      const [q, used] = (await Promise.all([
        get('/v2/bot/message/quota'),
        get('/v2/bot/message/quota/consumption'),
      ])) as [{ type?: string; value?: number }, { totalUsage?: number }];
      return {
        limit: q.type === 'limited' && typeof q.value === 'number' ? q.value : null,
        used: used.totalUsage ?? 0,
      };
    },
  };
}
