import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { PreparingClient } from './prepared-statements.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /**
   * For storing webhook events only: on PostgreSQL two connections of their own, so acknowledging
   * LINE never queues behind the inbox worker's lanes for a pooled connection. PGlite: `db`.
   */
  ingest: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// Both drivers answer int8 and numeric as strings (ids are compared as strings, counts converted
// where read), and `date` as 'YYYY-MM-DD', never as a Date in the process time zone.
const INT8 = 20;
const DATE = 1082;
const identity = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; undefined = in memory (tests). */
  pgliteDir?: string | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE ? identity : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // A dropped connection is reported on the idle client; without a listener it would crash the process.
    pool.on('error', () => {});
    // A connection dropped while checked out (mid-transaction, between queries) is reported on the
    // client, which then has no pool listener: unheard, it crashed the process. The query in
    // flight fails on its own and the pool discards the broken client.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const ingestPool = new pg.Pool({ Client: PreparingClient, connectionString: options.databaseUrl, max: 2 });
    ingestPool.on('error', () => {});
    ingestPool.on('connect', (client) => client.on('error', () => {}));
    const ingest = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ingestPool }) });
    return {
      db,
      ingest,
      kind: 'postgres',
      close: async () => void (await Promise.all([db.destroy(), ingest.destroy()])),
    };
  }
  if (options.pgliteDir) mkdirSync(resolve(options.pgliteDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: resolve(options.pgliteDir) } : {}),
    parsers: { [INT8]: identity, [DATE]: identity, [pgliteTypes.NUMERIC]: identity },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    ingest: db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
