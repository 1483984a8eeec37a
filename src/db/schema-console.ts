import type { ColumnType, Generated } from 'kysely';
import type { Id, RefId, Timestamp, TimestampRequired } from './schema-columns.js';

/** Kysely's view of the staff console's tables (migrations/0024, 0025); schema.ts's DB names them. */

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
/** Staff console announcements (migrations/0025). */
export interface AnnouncementsTable {
  id: Id;
  body: string;
  /** 'all', or 'branch:<code>': the linked patrons whose usual pickup branch it is. */
  audience: string;
  status: Generated<'ready' | 'sending' | 'done'>;
  recipients: number;
  created_by: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
export interface AnnouncementBatchesTable {
  id: Id;
  announcement_id: RefId;
  batch_no: number;
  line_user_ids: ColumnType<string[], string[], string[]>;
  retry_key: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
}
