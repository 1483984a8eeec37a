import { sql, type Kysely } from 'kysely';

/**
 * Family cards (docs/family-cards.md): every card a LINE user has linked, at most one LINE user per
 * card (patron_id is the key). line_users.patron_id stays the ACTIVE card, always one of these rows:
 * a trigger adds the active card here whoever sets it (the service, a staff tool, a test).
 * notices.line_user_id addresses a notice to one LINE user rather than to the card's link: the
 * "your card was linked from another LINE account" notice goes to the account that lost it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE line_user_cards (
      patron_id bigint PRIMARY KEY REFERENCES patrons(id) ON DELETE CASCADE,
      line_user_id text NOT NULL REFERENCES line_users(line_user_id) ON DELETE CASCADE,
      linked_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX line_user_cards_user ON line_user_cards (line_user_id, linked_at);
    INSERT INTO line_user_cards (patron_id, line_user_id, linked_at)
      SELECT patron_id, line_user_id, coalesce(linked_at, updated_at) FROM line_users
       WHERE patron_id IS NOT NULL
      ON CONFLICT (patron_id) DO NOTHING;
    ALTER TABLE notices ADD COLUMN line_user_id text;
    CREATE FUNCTION line_user_active_card() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.patron_id IS NOT NULL THEN
        INSERT INTO line_user_cards (patron_id, line_user_id, linked_at)
          VALUES (NEW.patron_id, NEW.line_user_id, coalesce(NEW.linked_at, now()))
          ON CONFLICT (patron_id) DO UPDATE SET line_user_id = EXCLUDED.line_user_id
          WHERE line_user_cards.line_user_id <> EXCLUDED.line_user_id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER line_user_active_card AFTER INSERT OR UPDATE OF patron_id ON line_users
      FOR EACH ROW EXECUTE FUNCTION line_user_active_card();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER line_user_active_card ON line_users;
    DROP FUNCTION line_user_active_card();
    ALTER TABLE notices DROP COLUMN line_user_id;
    DROP TABLE line_user_cards;
  `.execute(db);
}
