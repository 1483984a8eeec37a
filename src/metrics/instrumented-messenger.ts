import { type Messenger, sendVerdict } from '../conversation/ports.js';
import type { MetricsHooks } from './metrics.js';

/** Counts failed channel (LINE) calls by status in one place, instead of at every caller (worker, notices). */
export function instrumentedMessenger(inner: Messenger, metrics: MetricsHooks): Messenger {
  const counted = async (call: () => Promise<void>) => {
    try {
      await call();
    } catch (err) {
      metrics.lineApiError(sendVerdict(err).status);
      throw err;
    }
  };
  return {
    render: (replies) => inner.render(replies),
    reply: (token, messages) => counted(() => inner.reply(token, messages)),
    push: (to, messages, retryKey) => counted(() => inner.push(to, messages, retryKey)),
  };
}
