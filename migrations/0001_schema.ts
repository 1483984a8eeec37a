import { sql, type Kysely } from 'kysely';

/**
 * The whole schema of the mission. Invariants that SQL can hold are held here
 * (checks, partial unique indexes); the services keep the rest, and these are the backstop.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE branches (
      code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z-]*$'),
      name text NOT NULL,
      phone text NOT NULL,
      sort_order integer NOT NULL UNIQUE,
      weekly_closed_days smallint[] NOT NULL DEFAULT '{1}'
        CHECK (weekly_closed_days <@ '{0,1,2,3,4,5,6}'::smallint[])
    );

    -- Dates a branch is closed besides its weekly closing days.
    CREATE TABLE closed_dates (
      branch_code text NOT NULL REFERENCES branches(code),
      date date NOT NULL,
      PRIMARY KEY (branch_code, date)
    );

    -- A closure that comes back every year (29 Dec – 3 Jan); start may be after end (it wraps the new year).
    CREATE TABLE annual_closures (
      branch_code text NOT NULL REFERENCES branches(code),
      start_month_day text NOT NULL CHECK (start_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
      end_month_day text NOT NULL CHECK (end_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
      PRIMARY KEY (branch_code, start_month_day)
    );

    CREATE TABLE bibs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
      title_kana text,
      author text,
      publisher text,
      year integer CHECK (year BETWEEN 0 AND 9999),
      isbn text,
      classification text,
      material_type text NOT NULL
        CHECK (material_type IN ('book','magazine','kamishibai','cd','dvd','video','cassette')),
      latest_issue boolean NOT NULL DEFAULT false CHECK (NOT latest_issue OR material_type = 'magazine'),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX bibs_isbn ON bibs (isbn) WHERE isbn IS NOT NULL;

    -- A copy. home_branch is where it belongs; location_branch is where it is (differs in transit).
    CREATE TABLE items (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      barcode text NOT NULL UNIQUE CHECK (barcode ~ '^[A-Za-z0-9]{1,20}$'),
      bib_id bigint NOT NULL REFERENCES bibs(id),
      home_branch text NOT NULL REFERENCES branches(code),
      location_branch text NOT NULL REFERENCES branches(code),
      call_number text NOT NULL,
      in_library_only boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'available'
        CHECK (status IN ('available','on_loan','in_transit','on_hold_shelf','lost','withdrawn')),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX items_bib ON items (bib_id);

    CREATE TABLE patrons (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      card_number text NOT NULL UNIQUE CHECK (card_number ~ '^[A-Za-z0-9]{1,20}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      birth_date date NOT NULL,
      residency text NOT NULL CHECK (residency IN ('resident','worker','student','none')),
      disability_service boolean NOT NULL DEFAULT false,
      email text,
      email_type text CHECK (email_type IN ('pc','mobile')),
      email_confirmed_at timestamptz,
      password_hash text,
      password_is_initial boolean NOT NULL DEFAULT false,
      password_set_at timestamptz,
      last_pickup_branch text REFERENCES branches(code),
      created_at timestamptz NOT NULL DEFAULT now(),
      -- R-ELIG-5: disability-service patrons cannot have a password.
      CHECK (NOT (disability_service AND password_hash IS NOT NULL)),
      CHECK ((email IS NULL) = (email_type IS NULL))
    );

    -- Login failures counted per subject ('card:<number>' or 'line:<userId>'), never per address.
    CREATE TABLE login_throttle (
      subject text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
      window_started_at timestamptz NOT NULL,
      locked_until timestamptz
    );

    CREATE TABLE line_users (
      line_user_id text PRIMARY KEY CHECK (line_user_id ~ '^U[0-9a-f]{32}$'),
      patron_id bigint UNIQUE REFERENCES patrons(id),
      linked_at timestamptz,
      following boolean NOT NULL DEFAULT true,
      rich_menu text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((patron_id IS NULL) = (linked_at IS NULL))
    );

    -- Link tokens handed to a LINE user, so the login page knows whose link it completes.
    CREATE TABLE account_link_requests (
      link_token text PRIMARY KEY,
      line_user_id text NOT NULL REFERENCES line_users(line_user_id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );

    -- Nonces of the account-link flow: stored hashed, single use.
    CREATE TABLE account_link_nonces (
      nonce_hash text PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      line_user_id text REFERENCES line_users(line_user_id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    CREATE TABLE conversation_states (
      line_user_id text PRIMARY KEY REFERENCES line_users(line_user_id),
      flow text NOT NULL,
      step text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      updated_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );

    -- Every accepted webhook event, once. Processing and the reply are tracked on the row,
    -- so an event accepted before a crash is still processed after a restart.
    CREATE TABLE webhook_inbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      webhook_event_id text NOT NULL UNIQUE,
      line_user_id text,
      event_type text NOT NULL,
      mode text NOT NULL DEFAULT 'active',
      reply_token text,
      event_timestamp timestamptz NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      last_error text,
      replies jsonb,
      reply_status text NOT NULL DEFAULT 'none' CHECK (reply_status IN ('none','pending','sending','sent','failed')),
      reply_retry_key uuid,
      reply_attempts integer NOT NULL DEFAULT 0,
      reply_next_attempt_at timestamptz,
      replied_at timestamptz
    );
    CREATE INDEX webhook_inbox_pending ON webhook_inbox (next_attempt_at, id) WHERE status = 'pending';
    CREATE INDEX webhook_inbox_replies ON webhook_inbox (reply_next_attempt_at, id)
      WHERE reply_status IN ('pending','sending');

    CREATE TABLE loans (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      item_id bigint NOT NULL REFERENCES items(id),
      bib_id bigint NOT NULL REFERENCES bibs(id),
      branch_code text NOT NULL REFERENCES branches(code),
      checked_out_at timestamptz NOT NULL,
      due_date date NOT NULL,
      renewals smallint NOT NULL DEFAULT 0 CHECK (renewals BETWEEN 0 AND 1),
      renewed_at timestamptz,
      returned_at timestamptz,
      returned_branch text REFERENCES branches(code)
    );
    -- One open loan per copy.
    CREATE UNIQUE INDEX loans_open_item ON loans (item_id) WHERE returned_at IS NULL;
    CREATE INDEX loans_open_patron ON loans (patron_id) WHERE returned_at IS NULL;
    CREATE INDEX loans_open_due ON loans (due_date) WHERE returned_at IS NULL;

    CREATE TABLE holds (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      bib_id bigint NOT NULL REFERENCES bibs(id),
      pickup_branch text NOT NULL REFERENCES branches(code),
      channel text NOT NULL CHECK (channel IN ('online','counter','phone')),
      contact text NOT NULL DEFAULT 'none' CHECK (contact IN ('none','email','line')),
      status text NOT NULL
        CHECK (status IN ('requested','queued','in_transit','ready','fulfilled','cancelled','expired')),
      requested_at timestamptz NOT NULL,
      official_at timestamptz,
      item_id bigint REFERENCES items(id),
      trapped_at timestamptz,
      secured_on date,
      pickup_deadline date,
      closed_at timestamptz,
      close_reason text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- R-RES-3: a requested hold is not official yet; every later state is.
      CHECK ((status = 'requested') = (official_at IS NULL) OR status IN ('cancelled')),
      CHECK (status NOT IN ('in_transit','ready') OR item_id IS NOT NULL),
      CHECK (status <> 'ready' OR (secured_on IS NOT NULL AND pickup_deadline IS NOT NULL)),
      CHECK ((status IN ('fulfilled','cancelled','expired')) = (closed_at IS NOT NULL))
    );
    -- No second active hold on one title by one patron.
    CREATE UNIQUE INDEX holds_active_patron_bib ON holds (patron_id, bib_id)
      WHERE status IN ('requested','queued','in_transit','ready');
    -- A copy is trapped for one hold at most.
    CREATE UNIQUE INDEX holds_trapped_item ON holds (item_id) WHERE status IN ('in_transit','ready');
    CREATE INDEX holds_active_bib ON holds (bib_id, official_at, id)
      WHERE status IN ('requested','queued','in_transit','ready');
    CREATE INDEX holds_active_patron ON holds (patron_id) WHERE status IN ('requested','queued','in_transit','ready');
    CREATE INDEX holds_ready_deadline ON holds (pickup_deadline) WHERE status = 'ready';
    CREATE INDEX holds_requested ON holds (requested_at) WHERE status = 'requested';

    -- Outbox: written in the same transaction as the change a patron must hear about.
    CREATE TABLE notices (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      kind text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('line','email')),
      hold_id bigint REFERENCES holds(id),
      loan_id bigint REFERENCES loans(id),
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      dedupe_key text UNIQUE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','dropped')),
      created_at timestamptz NOT NULL DEFAULT now(),
      due_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      retry_key uuid NOT NULL,
      sent_at timestamptz,
      last_error text
    );
    CREATE INDEX notices_due ON notices (due_at, id) WHERE status = 'pending';

    CREATE TABLE email_verifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      patron_id bigint NOT NULL REFERENCES patrons(id),
      email text NOT NULL,
      email_type text NOT NULL CHECK (email_type IN ('pc','mobile')),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      patron_id bigint REFERENCES patrons(id),
      hold_id bigint REFERENCES holds(id),
      loan_id bigint REFERENCES loans(id),
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    );
    CREATE INDEX audit_log_patron ON audit_log (patron_id, at);

    -- When each scheduled job last ran, so a missed run is caught up at the next start.
    CREATE TABLE job_runs (
      name text PRIMARY KEY,
      last_run_at timestamptz NOT NULL,
      last_processed integer NOT NULL DEFAULT 0
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE job_runs, audit_log, email_verifications, notices, holds, loans, webhook_inbox,
      conversation_states, account_link_nonces, account_link_requests, line_users, login_throttle,
      patrons, items, bibs, annual_closures, closed_dates, branches;
  `.execute(db);
}
