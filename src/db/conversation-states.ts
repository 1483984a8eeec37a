import type { Selectable } from 'kysely';
import type { Camelized } from './camelized.js';
import type { Executor, Tx } from './executor.js';
import type { ConversationStatesTable } from './schema.js';

export type StoredConversation = Camelized<
  Pick<Selectable<ConversationStatesTable>, 'flow' | 'step' | 'version' | 'data' | 'updated_at' | 'expires_at'>
>;

/** The user's conversation row, locked for the event's transaction (events of one user in turn). */
export async function lockConversation(tx: Tx, lineUserId: string): Promise<StoredConversation | undefined> {
  const r = await tx
    .selectFrom('conversation_states')
    .select(['flow', 'step', 'version', 'data', 'updated_at', 'expires_at'])
    .where('line_user_id', '=', lineUserId)
    .forUpdate()
    .executeTakeFirst();
  return (
    r && {
      flow: r.flow,
      step: r.step,
      version: r.version,
      data: r.data,
      updatedAt: r.updated_at,
      expiresAt: r.expires_at,
    }
  );
}

export async function saveConversation(
  db: Executor,
  lineUserId: string,
  s: { flow: string; step: string; version: number; data: Record<string, unknown>; expiresAt: Date },
  now: Date,
): Promise<void> {
  const values = {
    flow: s.flow,
    step: s.step,
    version: s.version,
    data: JSON.stringify(s.data),
    updated_at: now,
    expires_at: s.expiresAt,
  };
  await db
    .insertInto('conversation_states')
    .values({ line_user_id: lineUserId, ...values })
    .onConflict((oc) => oc.column('line_user_id').doUpdateSet(values))
    .execute();
}

export async function clearConversation(db: Executor, lineUserId: string): Promise<void> {
  await db.deleteFrom('conversation_states').where('line_user_id', '=', lineUserId).execute();
}
