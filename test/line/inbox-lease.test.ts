import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimInboxEvents, completeInboxEvent, type EventCompletion } from '../../src/db/inbox.js';
import type { DB } from '../../src/db/schema.js';
import { testDatabase } from '../helpers/database.js';
import { inboxRow, lineUserId, postWebhook, textEvent, webhookApp, webhookBody } from '../helpers/line.js';

/**
 * A claim is a lease with a fencing token: an attempt that stalls past its lease is overtaken, and
 * its late completion writes nothing, so an event is completed (and answered) once.
 */
let db: Kysely<DB>;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await testDatabase();
  db = database.db;
  close = database.close;
});
afterAll(async () => close?.());

const LEASE_MS = 20_000;
const claim = (now: Date) => claimInboxEvents(db, now, new Date(now.getTime() + LEASE_MS), 10, 8);
const done = (text: string): EventCompletion => ({
  messages: [{ type: 'text', text }],
  retryKey: crypto.randomUUID(),
  touch: { following: undefined },
  conversation: { kind: 'save', flow: 'search', step: 'results', version: 1, data: { text }, expiresAt: new Date(Date.now() + 600_000) },
  replyLeaseUntil: new Date(Date.now() + 60_000),
});

describe('the inbox lease', () => {
  it('takes one event per user at a time, gives a stalled event to the next attempt after the lease, and lets only that attempt complete it', async () => {
    const user = lineUserId('lease');
    const first = textEvent(user, 'ねこ');
    const second = textEvent(user, '星');
    expect((await postWebhook(webhookApp(db), webhookBody([first, second]))).status).toBe(200);
    const t0 = new Date();

    const [a] = await claim(t0);
    expect(a).toMatchObject({ webhookEventId: first.webhookEventId, attempts: 1, patronId: null, conversation: undefined });
    // Within the lease: neither the claimed event nor the same user's next one is handed out.
    expect(await claim(new Date(t0.getTime() + LEASE_MS - 1000))).toEqual([]);

    // The first attempt stalls; after the lease another attempt takes the event.
    const [b] = await claim(new Date(t0.getTime() + LEASE_MS + 1000));
    expect(b).toMatchObject({ webhookEventId: first.webhookEventId, attempts: 2 });

    // The stalled attempt wakes up: its completion writes nothing, not even the conversation.
    expect(await completeInboxEvent(db, a!, done('stale'), new Date())).toBe(false);
    expect(await inboxRow(db, first.webhookEventId)).toMatchObject({ status: 'pending', attempts: 2, replyStatus: 'none' });
    expect(await db.selectFrom('conversation_states').selectAll().where('line_user_id', '=', user).executeTakeFirst()).toBeUndefined();

    expect(await completeInboxEvent(db, b!, done('fresh'), new Date())).toBe(true);
    expect(await inboxRow(db, first.webhookEventId)).toMatchObject({ status: 'done', attempts: 2, replyStatus: 'sending' });
    const row = await db.selectFrom('webhook_inbox').select('replies').where('webhook_event_id', '=', first.webhookEventId).executeTakeFirstOrThrow();
    expect(row.replies).toEqual([{ type: 'text', text: 'fresh' }]);
    expect(await db.selectFrom('conversation_states').select('data').where('line_user_id', '=', user).executeTakeFirstOrThrow()).toEqual({ data: { text: 'fresh' } });
    // Completing twice is refused too: the answer is stored (and sent) once.
    expect(await completeInboxEvent(db, b!, done('again'), new Date())).toBe(false);

    // Now the user's next event can be claimed, with the user's conversation read in the same statement.
    const [c] = await claim(new Date(t0.getTime() + LEASE_MS + 2000));
    expect(c).toMatchObject({ webhookEventId: second.webhookEventId, attempts: 1, conversation: { flow: 'search', step: 'results', data: { text: 'fresh' } } });
  });
});
