import { describe, expect, it } from 'vitest';
import { drainInLanes, type LaneWork } from '../../src/inbox/lanes.js';

interface Ev {
  id: number;
  user: string;
  moreWaiting: boolean;
}

/**
 * An inbox in memory with the claim's rules (each user's oldest pending event, one at a time per
 * user), counting claims: what a claim costs is a statement on PostgreSQL.
 */
function memoryInbox(lanes = 8) {
  const pending: { id: number; user: string }[] = [];
  const busy = new Set<string>();
  const handled: Ev[] = [];
  let nextId = 1;
  let kicks = 0;
  let claims = 0;
  let onHandle: (e: Ev) => Promise<void> | void = () => {};
  const store = (user: string) => {
    pending.push({ id: nextId++, user });
    kicks++;
  };
  const work: LaneWork<Ev> = {
    async release() {},
    async claim(limit) {
      claims++;
      await Promise.resolve();
      const got: Ev[] = [];
      for (const p of pending) {
        if (got.length === limit) break;
        if (busy.has(p.user) || got.some((g) => g.user === p.user)) continue;
        got.push({ ...p, moreWaiting: pending.some((q) => q.user === p.user && q.id > p.id) });
      }
      for (const g of got) busy.add(g.user);
      return got;
    },
    async handle(e) {
      await new Promise((r) => setTimeout(r, 1));
      await onHandle(e);
      pending.splice(
        pending.findIndex((p) => p.id === e.id),
        1,
      );
      busy.delete(e.user);
      handled.push(e);
      return false;
    },
    kicks: () => kicks,
    stopped: () => false,
  };
  return {
    store,
    drain: () => drainInLanes(lanes, work),
    handled,
    pending,
    claims: () => claims,
    whileHandling(f: (e: Ev) => Promise<void> | void) {
      onHandle = f;
    },
  };
}

describe('handling the inbox in lanes (inbox-lanes.ts)', () => {
  it('one event: one claim, not one more per lane or per finished event', async () => {
    const inbox = memoryInbox();
    inbox.store('U1');
    await inbox.drain();
    expect(inbox.handled.map((e) => e.id)).toEqual([1]);
    expect(inbox.claims()).toBe(1);
  });

  it("a user's events in order, each claimed as the one before finishes; other users' alongside", async () => {
    const inbox = memoryInbox();
    for (const u of ['U1', 'U1', 'U2', 'U1', 'U3']) inbox.store(u);
    await inbox.drain();
    expect(inbox.pending).toEqual([]);
    expect(inbox.handled.filter((e) => e.user === 'U1').map((e) => e.id)).toEqual([1, 2, 4]);
    // U1's three events need three claims; U2 and U3 come with the first.
    expect(inbox.claims()).toBe(3);
  });

  it('events stored while others are handled are claimed in the same drain', async () => {
    const inbox = memoryInbox();
    inbox.store('U1');
    let stored = false;
    inbox.whileHandling(() => {
      if (!stored) {
        stored = true;
        inbox.store('U2');
      }
    });
    await inbox.drain();
    expect(inbox.handled.map((e) => e.user)).toEqual(['U1', 'U2']);
    expect(inbox.claims()).toBe(2);
  });

  it('a full claim is followed by another: a backlog larger than the lanes is drained', async () => {
    const inbox = memoryInbox(2);
    for (let i = 0; i < 9; i++) inbox.store(`U${i}`);
    await inbox.drain();
    expect(inbox.handled).toHaveLength(9);
  });

  it('a failing handler fails the drain, after the other lanes stopped', async () => {
    const inbox = memoryInbox(4);
    for (const u of ['U1', 'U2', 'U3']) inbox.store(u);
    inbox.whileHandling((e) => {
      if (e.user === 'U2') throw new Error('database away');
    });
    await expect(inbox.drain()).rejects.toThrow('database away');
    expect(inbox.handled.map((e) => e.user).sort()).toEqual(['U1', 'U3']);
  });
});
