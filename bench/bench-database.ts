import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/**
 * The scratch database of one bench run, so a run never touches the data of another: on the
 * PostgreSQL server of DATABASE_URL a database made for the run, or (BENCH_DB=pglite, where the
 * bench allows it) an embedded database in a temporary folder. `drop()` closes what `open()`
 * opened and removes the database, even while a server started with `url` is still connected.
 */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** postgres://… of the scratch database (PostgreSQL only): for a server the bench starts. */
  url: string | undefined;
  /** A folder of the run's own (the PGlite data, or a server's DATA_DIR). */
  dir: string;
  /** Opens the scratch database in this process, migrated to the latest schema. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * `bench` names the bench in the refusal and in the scratch database's name. Without
 * DATABASE_URL (and without BENCH_DB=pglite where `pglite` is allowed) the bench cannot run: it
 * says so and exits with 2.
 */
export async function benchDatabase(bench: string, opts: { pglite?: boolean } = {}): Promise<BenchDatabase> {
  const pglite = opts.pglite === true && process.env.BENCH_DB === 'pglite';
  const serverUrl = process.env.DATABASE_URL;
  if (!pglite && !serverUrl) {
    const alternative = opts.pglite ? ', or BENCH_DB=pglite' : '';
    console.error(`${bench} needs DATABASE_URL (a PostgreSQL server; a database is created and dropped)${alternative}`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), `${bench.replace(/\W+/g, '-')}-`));
  const opened: Database[] = [];
  let dropServerDatabase = async () => {};
  let url: string | undefined;
  if (!pglite && serverUrl) {
    const name = `${bench.replace(/\W+/g, '_')}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropServerDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  return {
    kind: pglite ? 'pglite' : 'postgres',
    url,
    dir,
    async open() {
      const database = await openDatabase(url ? { databaseUrl: url } : { pgliteDir: join(dir, 'pglite') });
      opened.push(database);
      await migrateToLatest(database.db);
      return database;
    },
    async drop() {
      for (const d of opened.splice(0)) await d.close();
      await dropServerDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
