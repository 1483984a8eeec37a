import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { refreshSearchColumns } from '../db/search-columns.js';
import { refreshCatalogKeys } from '../db/catalog-keys.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
  const renormalised = await refreshSearchColumns(database.db);
  if (renormalised > 0) console.log(`search columns rebuilt for ${renormalised} titles`);
  const rekeyed = await refreshCatalogKeys(database.db);
  if (rekeyed > 0) console.log(`ISBN-13 and call-number marks made for ${rekeyed} titles`);
} finally {
  await database.close();
}
