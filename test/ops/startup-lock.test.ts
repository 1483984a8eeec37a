import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { underStartupLock } from '../../src/db/startup-lock.js';
import { onPostgres, testDatabase } from '../helpers/database.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.close());

describe('underStartupLock (replicas seeding one empty database)', () => {
  it('on PGlite (one process, one connection) it simply runs the work', async () => {
    expect(await underStartupLock(database, async () => 42)).toBe(42);
  });

  it.runIf(onPostgres())(
    'on PostgreSQL it runs the work of instances starting together one after the other, never interleaved',
    async () => {
      const trace: string[] = [];
      const work = (name: string) => async () => {
        trace.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 50));
        trace.push(`${name}:end`);
        return name;
      };
      expect(await Promise.all([underStartupLock(database, work('a')), underStartupLock(database, work('b'))])).toEqual(
        ['a', 'b'],
      );
      for (let i = 0; i < trace.length; i += 2) expect(trace[i]!.split(':')[0]).toBe(trace[i + 1]!.split(':')[0]);
    },
  );
});
