import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOLD_STATUSES } from '../../src/domain/hold-status.js';
import { holdToTrap, queuePositions } from '../../src/domain/queue.js';
import type { HoldStatus } from '../../src/domain/holds.js';

interface H {
  id: string;
  status: HoldStatus;
  officialAt: Date | null;
  requestedAt?: Date | null;
}

const at = (iso: string): Date => new Date(iso);

describe('R-RES-3 / R-RES-7 queue positions of one title', () => {
  it('R-RES-3: queue order is the time a hold became official, not the time it was placed', () => {
    const holds: H[] = [
      // Placed online on Sunday evening, official on Tuesday morning.
      {
        id: 'online',
        status: 'queued',
        officialAt: at('2025-06-10T00:00:00Z'),
        requestedAt: at('2025-06-08T11:00:00Z'),
      },
      // Placed at the counter on Sunday afternoon, official at once.
      { id: 'counter', status: 'queued', officialAt: at('2025-06-08T06:00:00Z') },
      // Placed by phone on Tuesday at 10:00, after the online hold became official.
      { id: 'phone', status: 'queued', officialAt: at('2025-06-10T01:00:00Z') },
    ];
    expect(queuePositions(holds)).toEqual(
      new Map([
        ['counter', 1],
        ['online', 2],
        ['phone', 3],
      ]),
    );
  });

  it('R-RES-7: a requested (依頼中) hold has no position and does not push others back', () => {
    const holds: H[] = [
      { id: 'a', status: 'requested', officialAt: null },
      { id: 'b', status: 'queued', officialAt: at('2025-06-10T00:00:00Z') },
    ];
    const pos = queuePositions(holds);
    expect(pos.has('a')).toBe(false);
    expect(pos.get('b')).toBe(1);
  });

  it('R-RES-7: ready and in-transit holds keep their place; ended holds leave no gap', () => {
    const holds: H[] = [
      { id: 'gone', status: 'fulfilled', officialAt: at('2025-06-01T00:00:00Z') },
      { id: 'ready', status: 'ready', officialAt: at('2025-06-02T00:00:00Z') },
      { id: 'dropped', status: 'cancelled', officialAt: at('2025-06-03T00:00:00Z') },
      { id: 'moving', status: 'in_transit', officialAt: at('2025-06-04T00:00:00Z') },
      { id: 'waiting', status: 'queued', officialAt: at('2025-06-05T00:00:00Z') },
      { id: 'late', status: 'expired', officialAt: at('2025-06-06T00:00:00Z') },
    ];
    expect(queuePositions(holds)).toEqual(
      new Map([
        ['ready', 1],
        ['moving', 2],
        ['waiting', 3],
      ]),
    );
  });

  it('R-RES-3: holds promoted at the same instant keep the order they were placed in, then id', () => {
    const morning = at('2025-06-10T00:00:00Z');
    const holds: H[] = [
      { id: 'a', status: 'queued', officialAt: morning, requestedAt: at('2025-06-08T12:00:00Z') },
      { id: 'b', status: 'queued', officialAt: morning, requestedAt: at('2025-06-08T03:00:00Z') },
      { id: 'd', status: 'queued', officialAt: morning },
      { id: 'c', status: 'queued', officialAt: morning },
    ];
    // c and d count as requested at the moment they became official (like counter holds).
    expect([...queuePositions(holds).entries()]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('a positioned hold missing officialAt (broken data) goes last instead of failing the list', () => {
    const holds: H[] = [
      { id: 'broken', status: 'queued', officialAt: null },
      { id: 'fine', status: 'queued', officialAt: at('2025-06-10T00:00:00Z') },
    ];
    expect(queuePositions(holds)).toEqual(
      new Map([
        ['fine', 1],
        ['broken', 2],
      ]),
    );
  });

  it('R-RES-7: (property) positions are 1..n without gaps, in order of officialAt', () => {
    const holdArb = fc.record({
      status: fc.constantFrom(...HOLD_STATUSES),
      officialMinute: fc.integer({ min: 0, max: 50 }), // small range: many ties
    });
    fc.assert(
      fc.property(fc.array(holdArb, { maxLength: 25 }), (raw) => {
        const holds: H[] = raw.map((r, i) => ({
          id: `h${String(i).padStart(2, '0')}`,
          status: r.status,
          officialAt: r.status === 'requested' ? null : new Date(Date.UTC(2025, 5, 10, 0, r.officialMinute)),
        }));
        const pos = queuePositions(holds);
        const inLine = holds.filter((h) => ['queued', 'in_transit', 'ready'].includes(h.status));
        expect([...pos.values()].sort((a, b) => a - b)).toEqual(inLine.map((_, i) => i + 1));
        expect(new Set(pos.keys())).toEqual(new Set(inLine.map((h) => h.id)));
        const byPosition = [...inLine].sort((a, b) => (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0));
        for (let i = 1; i < byPosition.length; i++) {
          const prev = byPosition[i - 1]!;
          const cur = byPosition[i]!;
          expect(prev.officialAt!.getTime()).toBeLessThanOrEqual(cur.officialAt!.getTime());
          if (prev.officialAt!.getTime() === cur.officialAt!.getTime()) expect(prev.id < cur.id).toBe(true);
        }
      }),
    );
  });
});

describe('which hold a returned copy goes to', () => {
  it('R-RES-3: the first queued hold in line, skipping holds that already have a copy', () => {
    const holds: H[] = [
      { id: 'has-copy', status: 'ready', officialAt: at('2025-06-01T00:00:00Z') },
      { id: 'on-its-way', status: 'in_transit', officialAt: at('2025-06-02T00:00:00Z') },
      { id: 'second', status: 'queued', officialAt: at('2025-06-04T00:00:00Z') },
      { id: 'first', status: 'queued', officialAt: at('2025-06-03T00:00:00Z') },
    ];
    expect(holdToTrap(holds)?.id).toBe('first');
  });

  it('R-RES-3: a copy never goes to a requested (not yet official) hold: walk-ins come first', () => {
    const holds: H[] = [{ id: 'r', status: 'requested', officialAt: null }];
    expect(holdToTrap(holds)).toBeUndefined();
    expect(holdToTrap([])).toBeUndefined();
  });

  it('a hold sent back after its copy was lost in transit is first again', () => {
    const holds: H[] = [
      { id: 'later', status: 'queued', officialAt: at('2025-06-05T00:00:00Z') },
      { id: 'lost-copy', status: 'queued', officialAt: at('2025-06-01T00:00:00Z') },
    ];
    expect(holdToTrap(holds)?.id).toBe('lost-copy');
  });
});
