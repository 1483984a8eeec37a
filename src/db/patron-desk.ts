import type { Executor } from './executor.js';

/** The staff console's patron desk: finding a patron, and what the desk shows beside loans and holds. */

export interface PatronHit {
  cardNumber: string;
  name: string;
  birthDate: string;
}

/** `%`, `_` and `\` typed into the search box are themselves, not patterns. */
const likeText = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A card number exactly, or a part of the name; at most `limit` in card-number order. */
export async function findPatrons(db: Executor, q: string, limit: number): Promise<PatronHit[]> {
  const rows = await db
    .selectFrom('patrons')
    .select(['card_number', 'name', 'birth_date'])
    .where((eb) => eb.or([eb('card_number', '=', q), eb('name', 'like', `%${likeText(q)}%`)]))
    .orderBy('card_number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ cardNumber: r.card_number, name: r.name, birthDate: r.birth_date }));
}

export async function lineLinksOfPatron(
  db: Executor,
  patronId: string,
): Promise<{ lineUserId: string; linkedAt: Date | null }[]> {
  const rows = await db
    .selectFrom('line_user_cards')
    .select(['line_user_id', 'linked_at'])
    .where('patron_id', '=', patronId)
    .orderBy('linked_at')
    .execute();
  return rows.map((r) => ({ lineUserId: r.line_user_id, linkedAt: r.linked_at }));
}

export interface NoticeLine {
  id: string;
  kind: string;
  channel: 'line' | 'email';
  status: 'pending' | 'sent' | 'failed' | 'dropped';
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

export async function recentNoticesOfPatron(db: Executor, patronId: string, limit: number): Promise<NoticeLine[]> {
  const rows = await db
    .selectFrom('notices')
    .select(['id', 'kind', 'channel', 'status', 'created_at', 'sent_at', 'attempts', 'last_error'])
    .where('patron_id', '=', patronId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}

/** When the current password was set (an initial one at the counter, or the patron's own); null: none yet. */
export async function passwordSetAtOf(db: Executor, patronId: string): Promise<Date | null> {
  const r = await db.selectFrom('patrons').select('password_set_at').where('id', '=', patronId).executeTakeFirst();
  return r?.password_set_at ?? null;
}
