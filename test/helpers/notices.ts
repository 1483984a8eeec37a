import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { placeHold } from '../../src/services/holds.js';
import { lineUserId } from './line.js';
import { STAFF } from './actors.js';
import { here } from './profiles.js';

/** Links a LINE account to the patron (as a login would); `following: false` = the patron blocked the account. */
export async function linkLine(
  db: Kysely<DB>,
  patronId: string,
  opts: { following?: boolean; seed?: string } = {},
): Promise<string> {
  const user = lineUserId(opts.seed ?? `patron-${patronId}`);
  const now = new Date('2026-11-01T10:00:00+09:00');
  await db
    .insertInto('line_users')
    .values({
      line_user_id: user,
      patron_id: patronId,
      linked_at: now,
      following: opts.following ?? true,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return user;
}

export async function setFollowing(db: Kysely<DB>, user: string, following: boolean): Promise<void> {
  await db.updateTable('line_users').set({ following }).where('line_user_id', '=', user).execute();
}

/**
 * A counter hold with the given contact (staff take the contact method on the phone or at the desk),
 * at the profile's first pickup point unless told.
 */
export async function counterHold(
  db: Kysely<DB>,
  card: string,
  bibId: string,
  now: Date,
  opts: { contact?: 'none' | 'email' | 'line'; pickupBranch?: string } = {},
): Promise<string> {
  const r = await placeHold(
    db,
    {
      cardNumber: card,
      bibId,
      pickupBranch: opts.pickupBranch ?? here.pickup(0).code, // 本館 under Kamagaya
      channel: 'counter',
      contact: opts.contact ?? 'line',
      lineLinked: true,
      actor: STAFF,
    },
    now,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value.id;
}

export interface NoticeView {
  id: string;
  patronId: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  retryKey: string;
  pushId: string | null;
  lastError: string | null;
  holdId: string | null;
  loanId: string | null;
  payload: Record<string, unknown>;
}

export async function noticeRows(
  db: Kysely<DB>,
  where: { patronId?: string; kind?: string } = {},
): Promise<NoticeView[]> {
  let q = db.selectFrom('notices').selectAll().orderBy('id');
  if (where.patronId) q = q.where('patron_id', '=', where.patronId);
  if (where.kind) q = q.where('kind', '=', where.kind);
  return (await q.execute()).map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
    retryKey: r.retry_key,
    pushId: r.push_id,
    lastError: r.last_error,
    holdId: r.hold_id,
    loanId: r.loan_id,
    payload: r.payload,
  }));
}

export async function pushRows(db: Kysely<DB>) {
  const rows = await db.selectFrom('notice_pushes').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    patronId: r.patron_id,
    retryKey: r.retry_key,
    status: r.status,
    attempts: r.attempts,
    dueAt: new Date(r.due_at),
    lastError: r.last_error,
  }));
}

/**
 * The texts a LINE message shows (text, altText and every Flex text), for looking for words; line
 * breaks left out, since a card's heading breaks between its phrases (「ご予約の資料を\nご用意しました」).
 */
export function wordsIn(messages: readonly unknown[]): string {
  return JSON.stringify(messages).replaceAll('\\n', '');
}

/** Postback actions in LINE messages, as [label, data]. */
export function postbacksIn(messages: readonly unknown[]): [string, string][] {
  const out: [string, string][] = [];
  JSON.stringify(messages, (_k, v: unknown) => {
    const a = v as { type?: string; label?: string; data?: string } | null;
    if (a && typeof a === 'object' && a.type === 'postback' && a.label && a.data) out.push([a.label, a.data]);
    return v;
  });
  return out;
}
