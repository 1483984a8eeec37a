import { sql, type Kysely } from 'kysely';

/**
 * How often a loan may be renewed is the library profile's `loans.renewal.times` (R-LOAN-4),
 * checked by the rule in src/domain; 0001 had written Kamagaya's one renewal into the table, so a
 * library allowing three renewals failed at the second with a database error. The table now only
 * keeps the count sane.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE loans DROP CONSTRAINT loans_renewals_check;
    ALTER TABLE loans ADD CONSTRAINT loans_renewals_check CHECK (renewals >= 0);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE loans DROP CONSTRAINT loans_renewals_check;
    ALTER TABLE loans ADD CONSTRAINT loans_renewals_check CHECK (renewals BETWEEN 0 AND 1);
  `.execute(db);
}
