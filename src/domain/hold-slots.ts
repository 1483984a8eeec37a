// R-RES-14: the hold slots a patron has used, per channel, as ご利用状況 shows them
// (「予約 4/5件：窓口1・インターネット3」). Only the channels the profile counts (R-RES-2).

import type { HoldChannel } from './holds.js';

/** The order channels are named in: the counter first, as the library says it. */
const CHANNEL_ORDER: readonly HoldChannel[] = ['counter', 'phone', 'online'];

export interface HoldSlots {
  used: number;
  limit: number;
  /** Counted channels with at least one active hold, in CHANNEL_ORDER. */
  byChannel: { channel: HoldChannel; count: number }[];
}

export function holdSlots(
  active: readonly { channel: HoldChannel }[],
  rules: { limit: number; countedChannels: readonly HoldChannel[] },
): HoldSlots {
  const byChannel = CHANNEL_ORDER.filter((c) => rules.countedChannels.includes(c))
    .map((channel) => ({ channel, count: active.filter((h) => h.channel === channel).length }))
    .filter((c) => c.count > 0);
  return { used: byChannel.reduce((n, c) => n + c.count, 0), limit: rules.limit, byChannel };
}
