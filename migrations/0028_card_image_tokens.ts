import { sql, type Kysely } from 'kysely';

/**
 * The library card in LINE (docs/library-card.md): each address of a card's barcode image is a
 * random token kept here only as its SHA-256, with the card it shows and when it stops working.
 * The card number is never in the address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE card_image_tokens (
      token_hash text PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX card_image_tokens_expiry ON card_image_tokens (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE card_image_tokens`.execute(db);
}
