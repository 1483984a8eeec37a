import type { Multicaster } from '../../src/services/announcements.js';

/**
 * A stand-in for LINE's multicast: like LINE it remembers the retry keys it accepted and counts a
 * repeated one as sent (409) without delivering again. `failCalls` lists the calls (1-based) that
 * answer 500 without accepting anything.
 */
export function fakeMulticaster(opts: { batchSize: number; failCalls?: number[] }) {
  const accepted = new Set<string>();
  const deliveries: { to: string; text: string }[] = [];
  const calls: { to: string[]; retryKey: string }[] = [];
  const state = { quota: { limit: 1000 as number | null, used: 0 } };
  const mc = {
    batchSize: opts.batchSize,
    async multicast(to: string[], text: string, retryKey: string): ReturnType<Multicaster['multicast']> {
      calls.push({ to, retryKey });
      if (opts.failCalls?.includes(calls.length)) return { ok: false, retry: true, error: 'LINE answered 500' };
      if (accepted.has(retryKey)) return { ok: true };
      accepted.add(retryKey);
      for (const u of to) deliveries.push({ to: u, text });
      state.quota.used += to.length;
      return { ok: true };
    },
    async quota() {
      return { ...state.quota };
    },
    deliveries,
    calls,
    state,
  } satisfies Multicaster & Record<string, unknown>;
  return mc;
}
