// Announcements to many patrons at once (issue 29): how they are cut into LINE multicast calls
// and whether the month's message quota allows them. Pure.

/** LINE's multicast takes at most 500 user IDs a call. */
export const MULTICAST_MAX_RECIPIENTS = 500;
/** LINE's text message holds at most 5000 characters. */
export const ANNOUNCEMENT_MAX_LENGTH = 5000;

/** The recipients in batches of at most `size`, in the order given. */
export function batchesOf<T>(items: readonly T[], size = MULTICAST_MAX_RECIPIENTS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * S-ANN-1: an announcement counts one message per recipient against the channel's monthly quota;
 * one that would go over what is left is not sent (LINE would refuse it part way through).
 * `limit` null: the plan has no limit.
 */
export function quotaShortfall(q: { limit: number | null; used: number }, messages: number): number {
  if (q.limit === null) return 0;
  return Math.max(0, messages - Math.max(0, q.limit - q.used));
}
