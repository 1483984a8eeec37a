import type { Id, RefId, Timestamp, TimestampRequired } from './schema-columns.js';

/** Staff console accounts (migrations/0024). */
export interface StaffTable {
  id: Id;
  name: string;
  role: 'librarian' | 'admin';
  password_hash: string;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  password_set_at: Timestamp;
}
/** A staff console session, by the SHA-256 of its id (migrations/0024). */
export interface StaffSessionsTable {
  id_hash: string;
  staff_id: RefId;
  created_at: TimestampRequired;
  last_seen_at: TimestampRequired;
}
