import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, testDatabase } from '../helpers/database.js';

/**
 * `npm run import` itself, as a librarian runs it: a Shift_JIS TSV export (the usual encoding
 * of Japanese library systems), the progress line on stderr, the summary with the rejected
 * rows on stdout, and a second run that adds nothing.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
let env: NodeJS.ProcessEnv;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // PostgreSQL: a database of its own; PGlite: a data directory the command opens itself.
  if (onPostgres()) {
    const database = await testDatabase();
    close = database.close;
    env = { ...process.env, DATABASE_URL: database.url! };
  } else env = { ...process.env, DATABASE_URL: '', DATA_DIR: dir };
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

const sjis = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'ascii') : Buffer.from(p))));
const NEKO = [0x82, 0xcb, 0x82, 0xb1]; // ねこ
const HONKAN = [0x96, 0x7b, 0x8a, 0xd9]; // 本館

const cli = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/import-catalog.ts', ...args], { env, cwd: process.cwd(), timeout: 120_000 });

describe(`npm run import, the command (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('reads a Shift_JIS TSV, reports rejected rows by line, and a second run adds nothing', async () => {
    const file = join(dir, 'export.tsv');
    writeFileSync(
      file,
      sjis(
        'title\tbarcode\tbranch\tcall_number\r\n',
        NEKO,
        '\tCLI1\t',
        HONKAN,
        '\t645\r\n',
        NEKO,
        '\tCLI-2\thonkan\t645\r\n',
      ),
    );
    const first = await cli(file, '--encoding', 'sjis');
    expect(first.stdout).toContain('added 1 titles and 1 copies');
    expect(first.stdout).toMatch(/line 3: barcode: /);
    expect(first.stderr).toMatch(/\[#+\] 100%/);
    const second = await cli(file, '--encoding', 'shift_jis');
    expect(second.stdout).toContain(
      'added 0 titles and 0 copies; 1 copies were in the catalog already; 1 rows rejected',
    );
  });

  it('answers a wrong command line with the usage and status 2', async () => {
    await expect(cli()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run import') });
    await expect(cli('x.csv', '--tsv', '--csv')).rejects.toMatchObject({ code: 2 });
  });
});
