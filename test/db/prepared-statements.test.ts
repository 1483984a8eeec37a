import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BY_TEXT_LIMIT, preparedByText, PreparingClient } from '../../src/db/prepared-statements.js';
import { onPostgres } from '../helpers/database.js';

/**
 * The catalog search's statements are prepared by their text (src/db/prepared-statements.ts): the
 * answers are those of the unnamed statement, and a connection keeps a bounded number of them.
 */
describe.skipIf(!onPostgres())('statements prepared by their text (PostgreSQL)', () => {
  let client: PreparingClient;
  beforeAll(async () => {
    client = new PreparingClient({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });
  // As Kysely's driver calls it: (text, values).
  const run = (text: string, values: unknown[]) => (client as pg.Client).query(text, values);
  const prepared = async () => Number((await run('SELECT count(*) AS n FROM pg_prepared_statements', [])).rows[0].n);

  it('one text is prepared once and answers each call with its own values', async () => {
    const text = `${preparedByText} SELECT $1::int + 1 AS n`;
    const answers = [];
    for (const v of [1, 41, 99]) answers.push((await run(text, [v])).rows[0].n);
    expect(answers).toEqual([2, 42, 100]);
    expect(await prepared()).toBe(1);
  });

  it(`past ${BY_TEXT_LIMIT} texts a connection prepares no more, and every statement still answers`, async () => {
    const before = await prepared();
    for (let i = 0; i < BY_TEXT_LIMIT + 20; i++) {
      const { rows } = await run(`${preparedByText} SELECT $1::int * ${i} AS n`, [2]);
      expect(rows[0].n).toBe(2 * i);
    }
    expect(await prepared()).toBe(BY_TEXT_LIMIT);
    expect(before).toBe(1);
  });

  it('an unmarked statement is not prepared', async () => {
    const before = await prepared();
    await run('SELECT $1::text AS t', ['x']);
    expect(await prepared()).toBe(before);
  });
});
