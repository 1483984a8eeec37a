import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/lib/coalescer.js';

/** A write the test finishes by hand, noting each batch it was given. */
function manualWrites() {
  const batches: number[][] = [];
  const open: (() => void)[] = [];
  let out = 0;
  let mostOut = 0;
  const write = (items: number[]) =>
    new Promise<number>((resolve, reject) => {
      batches.push(items);
      out++;
      mostOut = Math.max(mostOut, out);
      open.push(() => {
        out--;
        if (items.includes(13)) reject(new Error('13 is refused'));
        else resolve(items.length);
      });
    });
  const finishOne = async () => {
    open.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, write, finishOne, mostOut: () => mostOut, open: () => open.length };
}

describe('Coalescer (statements shared by calls made at the same time)', () => {
  it('sends a call at once when idle; calls made meanwhile go together in the next write', async () => {
    const w = manualWrites();
    const c = new Coalescer(w.write);
    const first = c.add([1]);
    const later = [c.add([2]), c.add([3, 4])];
    expect(w.batches).toEqual([[1]]);
    await w.finishOne();
    expect(await first).toBe(1);
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    await w.finishOne();
    expect(await Promise.all(later)).toEqual([3, 3]);
  });

  it('a combined write that fails is tried again part by part: only the bad part fails', async () => {
    const w = manualWrites();
    const c = new Coalescer(w.write);
    const first = c.add([1]);
    const good = c.add([2]);
    const bad = c.add([13]).catch((e: unknown) => e);
    await w.finishOne();
    await first;
    await w.finishOne(); // [2, 13] fails
    await w.finishOne(); // [2] alone
    await w.finishOne(); // [13] alone
    expect(await good).toBe(1);
    expect(String(await bad)).toContain('13 is refused');
    expect(w.batches).toEqual([[1], [2, 13], [2], [13]]);
  });

  it(
    'with two in flight, a second write goes out while the ' + 'first is out, never a third; settled waits for both',
    async () => {
      const w = manualWrites();
      const c = new Coalescer(w.write, 2);
      const calls = [c.add([1]), c.add([2]), c.add([3]), c.add([4])];
      expect(w.batches).toEqual([[1], [2]]);
      expect(w.open()).toBe(2);
      await w.finishOne();
      expect(w.batches).toEqual([[1], [2], [3, 4]]);
      let settled = false;
      const done = c.settled().then(() => (settled = true));
      while (w.open() > 0) await w.finishOne();
      await done;
      expect(settled).toBe(true);
      await Promise.all(calls);
      expect(w.mostOut()).toBe(2);
    },
  );
});
