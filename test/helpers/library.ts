import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { setConfirmedEmail, setPasswordHash } from '../../src/db/patrons.js';
import { importCatalogRecords, type CatalogRecord } from '../../src/services/catalog.js';
import { registerPatron } from '../../src/services/patrons.js';
import { rememberSecret } from './test-log.js';

/** A small library for service tests: named titles, copies by barcode, patrons by card. */
export const BOOK = (
  title: string,
  barcodes: [string, string][],
  extra: Partial<CatalogRecord> = {},
): CatalogRecord => ({
  title,
  materialType: 'book',
  ...extra,
  items: barcodes.map(([barcode, branch]) => ({ barcode, branch, callNumber: '913.6 テ' })),
});

export async function addTitles(db: Kysely<DB>, records: CatalogRecord[]): Promise<string[]> {
  const r = await importCatalogRecords(db, records);
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value.bibIds;
}

// A fixed hash stands in for a password: services only check that one exists.
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

export async function addPatron(
  db: Kysely<DB>,
  cardNumber: string,
  opts: {
    birthDate?: string;
    residency?: 'resident' | 'worker' | 'student' | 'none';
    password?: boolean;
    disabilityService?: boolean;
    email?: string;
  } = {},
): Promise<string> {
  const r = await registerPatron(db, {
    cardNumber,
    name: `利用者 ${cardNumber}`,
    birthDate: opts.birthDate ?? '1980-05-05',
    residency: opts.residency ?? 'resident',
    disabilityService: opts.disabilityService ?? false,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  rememberSecret('a full card number', cardNumber);
  if (opts.password ?? !opts.disabilityService) await setPasswordHash(db, r.value.id, FAKE_HASH, true, new Date());
  if (opts.email) await setConfirmedEmail(db, r.value.id, opts.email, 'pc', new Date());
  return r.value.id;
}

/** Tokyo wall-clock time as an instant: at('2026-12-01 10:00'). */
export const at = (tokyo: string): Date => new Date(tokyo.replace(' ', 'T') + ':00+09:00');
