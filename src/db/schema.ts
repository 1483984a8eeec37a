import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { EmailType } from '../domain/email.js';
import type { Residency } from '../domain/eligibility.js';
import type { ContactMethod, HoldChannel, MaterialType } from '../domain/holds.js';
import type { HoldStatus } from '../domain/hold-status.js';
import type { AddressedNotice, FamilyTables } from './schema-family.js';
import type { AnnouncementBatchesTable, AnnouncementsTable, StaffSessionsTable, StaffTable } from './schema-console.js';
import type { Id, RefId, Timestamp, TimestampRequired } from './schema-columns.js';

// Kysely's view of migrations/. int8 ids arrive as strings, `date` as 'YYYY-MM-DD'. A text column
// whose CHECK lists values the domain has a type for is typed with it: rows read need no cast.
type Json<T extends object = Record<string, unknown>> = JSONColumnType<T, string, string>;

export interface BranchesTable {
  code: string;
  name: string;
  phone: string;
  sort_order: number;
  weekly_closed_days: ColumnType<number[], string | undefined, string>;
  pickup_point: ColumnType<boolean, boolean | undefined, boolean>;
  in_profile: ColumnType<boolean, boolean | undefined, boolean>;
}
export interface ClosedDatesTable {
  branch_code: string;
  date: string;
}
export interface AnnualClosuresTable {
  branch_code: string;
  start_month_day: string;
  end_month_day: string;
}
export interface BibsTable {
  id: Id;
  title: string;
  title_kana: string | null;
  author: string | null;
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  classification: string | null;
  material_type: MaterialType;
  latest_issue: Generated<boolean>;
  created_at: Timestamp;
  /** normalizeForSearch of title, author, publisher (migrations/0003); '' when absent. */
  norm_title: Generated<string>;
  norm_author: Generated<string>;
  norm_kana: ColumnType<string, string | undefined, string>;
  norm_publisher: Generated<string>;
  /** NORMALIZER_VERSION that made the norm_* values; 0 = not made yet. */
  norm_version: Generated<number>;
  /** domain/grams.ts searchGrams of the row (migrations/0005); made with the norm_* values. */
  search_grams: ColumnType<string[], string[] | undefined, string[]>;
  /** Generated: the texts fit in the bibs_search_walk index entry. */
  search_short: ColumnType<boolean, never, never>;
  /** db/catalog-keys.ts (migrations/0014): the ISBN as 13 digits, NULL when no valid ISBN. */
  isbn13: ColumnType<string | null, string | null | undefined, string | null>;
  /** Marks of the copies' call numbers: 'youngAdult', 'largePrint'. */
  marks: ColumnType<string[], string[] | undefined, string[]>;
  /** CATALOG_KEYS_VERSION that made isbn13 and marks; 0 = not made yet. */
  keys_version: Generated<number>;
}
export interface SearchGramTitlesTable {
  gram: string;
  titles: number;
}
export interface ItemsTable {
  id: Id;
  barcode: string;
  bib_id: RefId;
  home_branch: string;
  location_branch: string;
  call_number: string;
  in_library_only: Generated<boolean>;
  status: Generated<string>;
  updated_at: Timestamp;
}
export interface PatronsTable {
  id: Id;
  card_number: string;
  name: string;
  birth_date: string;
  residency: Residency;
  disability_service: Generated<boolean>;
  email: string | null;
  email_type: EmailType | null;
  email_confirmed_at: Timestamp | null;
  password_hash: string | null;
  password_is_initial: Generated<boolean>;
  password_set_at: Timestamp | null;
  last_pickup_branch: string | null;
  created_at: Timestamp;
  /** migrations/0016: days before the due date of the due reminder, 0 = off, NULL = the default (R-NOTE-2). */
  due_reminder_days: ColumnType<number | null, number | null | undefined, number | null>;
  pickup_reminder: Generated<boolean>;
}
export interface LoginThrottleTable {
  subject: string;
  failures: Generated<number>;
  window_started_at: TimestampRequired;
  locked_until: Timestamp | null;
}
export interface LineUsersTable {
  line_user_id: string;
  patron_id: RefId | null;
  linked_at: Timestamp | null;
  following: Generated<boolean>;
  rich_menu: string | null;
  /** ja, en or easy (migration 0029); null until the first event reads the LINE profile. */
  language: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface AccountLinkRequestsTable {
  link_token: string;
  line_user_id: string;
  created_at: Timestamp;
  expires_at: TimestampRequired;
}
/** migrations/0028: the addresses of library card images (docs/library-card.md). */
export interface CardImageTokensTable {
  token_hash: string;
  patron_id: RefId;
  created_at: Timestamp;
  expires_at: TimestampRequired;
}
export interface AccountLinkNoncesTable {
  nonce_hash: string;
  patron_id: RefId;
  line_user_id: string | null;
  created_at: Timestamp;
  expires_at: TimestampRequired;
  used_at: Timestamp | null;
}
export interface ConversationStatesTable {
  line_user_id: string;
  flow: string;
  step: string;
  version: Generated<number>;
  data: Json;
  updated_at: Timestamp;
  expires_at: TimestampRequired;
}
export interface WebhookInboxTable {
  id: Id;
  webhook_event_id: string;
  line_user_id: string | null;
  event_type: string;
  mode: Generated<string>;
  reply_token: string | null;
  event_timestamp: TimestampRequired;
  payload: Json;
  received_at: Timestamp;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  processed_at: Timestamp | null;
  last_error: string | null;
  replies: JSONColumnType<unknown[] | null, string | null, string | null>;
  reply_status: Generated<'none' | 'pending' | 'sending' | 'sent' | 'failed'>;
  reply_retry_key: string | null;
  reply_attempts: Generated<number>;
  reply_next_attempt_at: Timestamp | null;
  replied_at: Timestamp | null;
}
export interface LoansTable {
  id: Id;
  patron_id: RefId;
  item_id: RefId;
  bib_id: RefId;
  branch_code: string;
  checked_out_at: TimestampRequired;
  due_date: string;
  renewals: Generated<number>;
  renewed_at: Timestamp | null;
  returned_at: Timestamp | null;
  returned_branch: string | null;
}
export interface HoldsTable {
  id: Id;
  patron_id: RefId;
  bib_id: RefId;
  pickup_branch: string;
  channel: HoldChannel;
  contact: Generated<ContactMethod>;
  status: HoldStatus;
  requested_at: TimestampRequired;
  official_at: Timestamp | null;
  item_id: RefId | null;
  trapped_at: Timestamp | null;
  secured_on: string | null;
  pickup_deadline: string | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  updated_at: Timestamp;
  /** migrations/0016: no copy is trapped for the hold until the day after (R-RES-11). */
  suspended_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** migrations/0016: still waiting after this day, the hold is cancelled (R-RES-12). */
  not_needed_after: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface NoticesTable extends AddressedNotice {
  id: Id;
  patron_id: RefId;
  kind: string;
  channel: 'line' | 'email';
  hold_id: RefId | null;
  loan_id: RefId | null;
  payload: Json;
  dedupe_key: string | null;
  status: Generated<'pending' | 'sent' | 'failed' | 'dropped'>;
  created_at: Timestamp;
  due_at: Timestamp;
  attempts: Generated<number>;
  retry_key: string;
  sent_at: Timestamp | null;
  last_error: string | null;
  /** The LINE push that carries this notice (migrations/0007); null for e-mail and unassigned. */
  push_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}
/** One LINE push: up to five notices of one patron, sent with one retry key (migrations/0007). */
export interface NoticePushesTable {
  id: Id;
  patron_id: RefId;
  retry_key: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'dropped'>;
  created_at: TimestampRequired;
  due_at: TimestampRequired;
  attempts: Generated<number>;
  first_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
  last_error: string | null;
}
export interface EmailVerificationsTable {
  id: Id;
  patron_id: RefId;
  email: string;
  email_type: EmailType;
  token_hash: string;
  created_at: Timestamp;
  expires_at: TimestampRequired;
  used_at: Timestamp | null;
}
export interface PageFormResultsTable {
  result_hash: string;
  purpose: string;
  outcome: 'done' | 'failed';
  shown: Json<Record<string, string>>;
  created_at: Timestamp;
  expires_at: TimestampRequired;
}
export interface AuditLogTable {
  id: Id;
  at: Timestamp;
  actor: string;
  action: string;
  patron_id: RefId | null;
  hold_id: RefId | null;
  loan_id: RefId | null;
  details: Json;
}
export interface JobRunsTable {
  name: string;
  last_run_at: TimestampRequired;
  last_processed: Generated<number>;
}

/** 読みたいリスト (migrations/0020). */
export interface WishListTable {
  patron_id: RefId;
  bib_id: RefId;
  added_at: Timestamp;
}
export interface DB extends FamilyTables {
  branches: BranchesTable;
  closed_dates: ClosedDatesTable;
  annual_closures: AnnualClosuresTable;
  bibs: BibsTable;
  search_gram_titles: SearchGramTitlesTable;
  items: ItemsTable;
  patrons: PatronsTable;
  login_throttle: LoginThrottleTable;
  line_users: LineUsersTable;
  account_link_requests: AccountLinkRequestsTable;
  account_link_nonces: AccountLinkNoncesTable;
  card_image_tokens: CardImageTokensTable;
  conversation_states: ConversationStatesTable;
  webhook_inbox: WebhookInboxTable;
  loans: LoansTable;
  holds: HoldsTable;
  notices: NoticesTable;
  notice_pushes: NoticePushesTable;
  email_verifications: EmailVerificationsTable;
  page_form_results: PageFormResultsTable;
  audit_log: AuditLogTable;
  job_runs: JobRunsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  wish_list: WishListTable;
  announcements: AnnouncementsTable;
  announcement_batches: AnnouncementBatchesTable;
}
