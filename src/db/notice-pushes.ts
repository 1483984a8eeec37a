import { sql, type Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import { anyBigint, type Executor, type Tx } from './executor.js';
import type { HoldsTable, NoticePushesTable, NoticesTable } from './schema.js';

/** A LINE notice not yet in a push, in the order the digest keeps. */
export type UnassignedNotice = Camelized<Pick<Selectable<NoticesTable>, 'id' | 'patron_id' | 'retry_key'>> & {
  /** Addressed to one LINE user (notices.line_user_id): pushed alone, never in a card's digest. */
  addressed: boolean;
};

/**
 * Due LINE notices that no push carries yet, one patron's together, locked for the caller's
 * transaction (SKIP LOCKED: rows another transaction holds are left to it).
 */
export async function unassignedLineNotices(tx: Tx, now: Date, limit: number): Promise<UnassignedNotice[]> {
  const rows = await tx
    .selectFrom('notices')
    .select(['id', 'patron_id', 'retry_key', 'line_user_id'])
    .where('status', '=', 'pending')
    .where('channel', '=', 'line')
    .where('push_id', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('patron_id')
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    retryKey: r.retry_key,
    addressed: r.line_user_id !== null,
  }));
}

/**
 * Writes one push per group and ties the notices to it. A push takes the retry key of its first
 * notice, so a push of one notice goes out with the key stored on that notice.
 */
export async function insertPushes(
  tx: Tx,
  groups: { patronId: string; retryKey: string; noticeIds: string[] }[],
  now: Date,
): Promise<void> {
  if (groups.length === 0) return;
  const pushes = await sql<{ id: string; retry_key: string }>`
    INSERT INTO notice_pushes (patron_id, retry_key, created_at, due_at)
    SELECT g.patron_id, g.retry_key, ${now}, ${now}
      FROM unnest(${groups.map((g) => g.patronId)}::bigint[],
        ${groups.map((g) => g.retryKey)}::uuid[]) AS g(patron_id, retry_key)
    RETURNING id, retry_key`.execute(tx);
  const pushOf = new Map(pushes.rows.map((r) => [r.retry_key, r.id]));
  const noticeIds = groups.flatMap((g) => g.noticeIds);
  const pushIds = groups.flatMap((g) => g.noticeIds.map(() => pushOf.get(g.retryKey)!));
  await sql`
    UPDATE notices n SET push_id = m.push_id
      FROM unnest(${noticeIds}::bigint[], ${pushIds}::bigint[]) AS m(id, push_id)
     WHERE n.id = m.id`.execute(tx);
}

export type ClaimedPush = Camelized<Pick<Selectable<NoticePushesTable>, 'id' | 'patron_id' | 'retry_key'>> & {
  /** Including this one. */
  attempts: number;
  firstAttemptAt: Date;
};

/**
 * Claims due pushes for one attempt: each is due again at `leaseUntil`, so a process that dies
 * while LINE answers leaves it to the next run (same retry key: LINE answers 409 if it got it).
 * Committed before LINE is called, so no row lock is held across the network.
 */
export async function claimDuePushes(tx: Tx, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedPush[]> {
  const rows = await tx
    .updateTable('notice_pushes')
    .set({ due_at: leaseUntil, attempts: sql`attempts + 1`, first_attempt_at: sql`coalesce(first_attempt_at, ${now})` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notice_pushes')
        .select('id')
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'patron_id', 'retry_key', 'attempts', 'first_attempt_at'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    retryKey: r.retry_key,
    attempts: r.attempts,
    firstAttemptAt: r.first_attempt_at ?? now,
  }));
}

/** A notice of a claimed push, with what decides whether it still goes (see domain/notices.ts). */
export interface PushNotice {
  id: string;
  patronId: string;
  pushId: string;
  kind: string;
  loanId: string | null;
  payload: Record<string, unknown>;
  holdStatus: Selectable<HoldsTable>['status'] | null;
  loanReturned: boolean | null;
  loanDueDate: string | null;
  lineUserId: string | null;
  following: boolean;
  /** The LINE user's language (ja, en, easy); null before it is known. */
  language: string | null;
  emailConfirmed: boolean;
  /** The card holder's name, said when the LINE user has several cards (familySize > 1). */
  holder: string;
  familySize: number;
}

export async function noticesOfPushes(db: Executor, pushIds: string[]): Promise<PushNotice[]> {
  if (pushIds.length === 0) return [];
  const rows = await db
    .selectFrom('notices as n')
    .innerJoin('patrons as p', 'p.id', 'n.patron_id')
    .leftJoin('holds as h', 'h.id', 'n.hold_id')
    .leftJoin('loans as l', 'l.id', 'n.loan_id')
    // The card's LINE user (any of its linked cards), or the one LINE user the notice is addressed to.
    .leftJoin('line_user_cards as c', 'c.patron_id', 'n.patron_id')
    .leftJoin('line_users as lu', (j) =>
      j.on((eb) => eb('lu.line_user_id', '=', eb.fn.coalesce('n.line_user_id', 'c.line_user_id'))),
    )
    .select([
      'n.id',
      'n.patron_id',
      'n.push_id',
      'n.kind',
      'n.loan_id',
      'n.payload',
      'h.status as hold_status',
      'l.returned_at',
      'l.due_date',
      'l.id as loan_row',
      'lu.line_user_id',
      'lu.following',
      'lu.language',
      'p.email',
      'p.email_confirmed_at',
      'p.name',
      (eb) =>
        eb
          .selectFrom('line_user_cards as f')
          .select((f) => f.fn.countAll<string>().as('n'))
          .whereRef('f.line_user_id', '=', 'lu.line_user_id')
          .as('family_size'),
    ])
    .where('n.push_id', '=', anyBigint(pushIds))
    .where('n.status', '=', 'pending')
    .orderBy('n.push_id')
    .orderBy('n.due_at')
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: String(r.patron_id),
    pushId: r.push_id!,
    kind: r.kind,
    loanId: r.loan_id,
    payload: r.payload,
    holdStatus: r.hold_status,
    loanReturned: r.loan_row === null ? null : r.returned_at !== null,
    loanDueDate: r.due_date,
    lineUserId: r.line_user_id,
    following: r.following === true,
    language: r.language,
    emailConfirmed: r.email !== null && r.email_confirmed_at !== null,
    holder: r.name,
    familySize: Number(r.family_size ?? 0),
  }));
}

/** Notices that will not go: the reason is kept on the row. */
export async function dropNotices(db: Executor, drops: { id: string; reason: string }[]): Promise<void> {
  if (drops.length === 0) return;
  await sql`
    UPDATE notices n SET status = 'dropped', last_error = d.reason
      FROM unnest(${drops.map((d) => d.id)}::bigint[],
        ${drops.map((d) => d.reason.slice(0, 500))}::text[]) AS d(id, reason)
     WHERE n.id = d.id`.execute(db);
}

/** Loan notices the patron can no longer get by LINE: handed to the e-mail sender, due now. */
export async function moveNoticesToEmail(db: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notices')
    .set({ channel: 'email', push_id: null, due_at: now })
    .where('id', '=', anyBigint(ids))
    .execute();
}

/** Pushes left with nothing to carry. */
export async function closeEmptyPushes(db: Executor, ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notice_pushes')
    .set({ status: 'dropped', last_error: reason })
    .where('id', '=', anyBigint(ids))
    .execute();
}

export interface PushOutcomes {
  sent: string[];
  retry: { id: string; dueAt: Date; error: string }[];
  failed: { id: string; error: string }[];
}

/** Records one attempt of each push, and the same on the notices it carries. */
export async function settlePushes(db: Executor, o: PushOutcomes, at: Date): Promise<void> {
  if (o.sent.length > 0) {
    await db
      .updateTable('notice_pushes')
      .set({ status: 'sent', sent_at: at, last_error: null })
      .where('id', '=', anyBigint(o.sent))
      .execute();
    await db
      .updateTable('notices')
      .set({ status: 'sent', sent_at: at, attempts: sql`attempts + 1` })
      .where('push_id', '=', anyBigint(o.sent))
      .where('status', '=', 'pending')
      .execute();
  }
  if (o.retry.length > 0) {
    const ids = o.retry.map((r) => r.id);
    const errors = o.retry.map((r) => r.error.slice(0, 500));
    await sql`
      UPDATE notice_pushes p SET due_at = v.due_at, last_error = v.error
        FROM unnest(${ids}::bigint[], ${o.retry.map((r) => r.dueAt.toISOString())}::timestamptz[],
          ${errors}::text[]) AS v(id, due_at, error)
       WHERE p.id = v.id`.execute(db);
    await sql`
      UPDATE notices n SET attempts = n.attempts + 1, last_error = v.error
        FROM unnest(${ids}::bigint[], ${errors}::text[]) AS v(push_id, error)
       WHERE n.push_id = v.push_id AND n.status = 'pending'`.execute(db);
  }
  if (o.failed.length > 0) {
    const ids = o.failed.map((r) => r.id);
    const errors = o.failed.map((r) => r.error.slice(0, 500));
    await sql`
      UPDATE notice_pushes p SET status = 'failed', last_error = v.error
        FROM unnest(${ids}::bigint[], ${errors}::text[]) AS v(id, error)
       WHERE p.id = v.id`.execute(db);
    await sql`
      UPDATE notices n SET status = 'failed', attempts = n.attempts + 1, last_error = v.error
        FROM unnest(${ids}::bigint[], ${errors}::text[]) AS v(push_id, error)
       WHERE n.push_id = v.push_id AND n.status = 'pending'`.execute(db);
  }
}
