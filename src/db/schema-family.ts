import type { RefId, Timestamp } from './schema-columns.js';

/** Every card a LINE user has linked (migrations/0030); line_users.patron_id is the active one. */
export interface LineUserCardsTable {
  patron_id: RefId;
  line_user_id: string;
  linked_at: Timestamp;
}
