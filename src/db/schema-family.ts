import type { RefId, Timestamp } from './schema-columns.js';

/** Every card a LINE user has linked (migrations/0030); line_users.patron_id is the active one. */
export interface LineUserCardsTable {
  patron_id: RefId;
  line_user_id: string;
  linked_at: Timestamp;
}

/** The tables of family cards, part of schema.ts's DB. */
export interface FamilyTables {
  line_user_cards: LineUserCardsTable;
}

/** notices.line_user_id: a notice to one LINE user, not to the card's (the card_moved notice). */
export interface AddressedNotice {
  line_user_id: string | null;
}
