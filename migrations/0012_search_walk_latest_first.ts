import { sql, type Kysely } from 'kysely';

/**
 * bibs_search_walk in the new result order: newest year first, then the latest catalogued first
 * (id DESC; it was id upwards, which listed a magazine's issues of one year oldest first after the
 * next year's issue). The walk reads this index in result order, so its order must be the order
 * of db/search-ranking.ts. Same columns and predicate as 0005 made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX bibs_search_walk`.execute(db);
  await sql`
    CREATE INDEX bibs_search_walk ON bibs (year DESC NULLS LAST, id DESC)
      INCLUDE (norm_title, norm_kana, norm_author, norm_publisher, classification, material_type)
      WHERE search_short
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX bibs_search_walk`.execute(db);
  await sql`
    CREATE INDEX bibs_search_walk ON bibs (year DESC NULLS LAST, id)
      INCLUDE (norm_title, norm_kana, norm_author, norm_publisher, classification, material_type)
      WHERE search_short
  `.execute(db);
}
