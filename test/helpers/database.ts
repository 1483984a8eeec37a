import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { libraryProfile } from '../../src/profile/active.js';
import { applyProfileToDatabase } from '../../src/services/library-profile.js';

/**
 * A fresh, migrated database with the library profile's branches (as at start) for one test file:
 * PGlite in memory by default, or a new database on the PostgreSQL server of DATABASE_URL
 * (created here, dropped by `close`).
 */
export async function testDatabase(): Promise<Database & { url: string | undefined }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    await applyProfileToDatabase(database.db, libraryProfile());
    return { ...database, url: undefined };
  }
  const name = `lib_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  await migrateToLatest(database.db);
  await applyProfileToDatabase(database.db, libraryProfile());
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
