import { describe, expect, it } from 'vitest';
import { batchesOf, MULTICAST_MAX_RECIPIENTS, quotaShortfall } from '../../src/domain/announcements.js';

describe('announcements', () => {
  it('S-ANN-1: one message per recipient against what is left of the month; no limit, no shortfall', () => {
    expect(quotaShortfall({ limit: 1000, used: 990 }, 10)).toBe(0);
    expect(quotaShortfall({ limit: 1000, used: 990 }, 13)).toBe(3);
    expect(quotaShortfall({ limit: 1000, used: 1200 }, 1)).toBe(1);
    expect(quotaShortfall({ limit: null, used: 10_000_000 }, 5000)).toBe(0);
  });

  it('S-ANN-2: recipients in batches of at most 500, in order, none lost or repeated', () => {
    const ids = Array.from({ length: 1201 }, (_, i) => `U${i}`);
    const batches = batchesOf(ids);
    expect(batches.map((b) => b.length)).toEqual([MULTICAST_MAX_RECIPIENTS, MULTICAST_MAX_RECIPIENTS, 201]);
    expect(batches.flat()).toEqual(ids);
    expect(batchesOf([])).toEqual([]);
  });
});
