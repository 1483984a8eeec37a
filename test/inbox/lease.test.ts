import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimInboxEvents } from '../../src/db/inbox-claim.js';
import {
  completeInboxEvent,
  purgeHandledEvents,
  releaseInboxEvents,
  type EventCompletion,
} from '../../src/db/inbox.js';
import { retryDelay } from '../../src/inbox/reply-sender.js';
import { conversationHandler } from '../../src/conversation/engine.js';
import { unconfiguredLineAccount } from '../../src/line/account.js';
import { INBOX_RETENTION_MS } from '../../src/inbox/timings.js';
import { InboxWorker } from '../../src/inbox/worker.js';
import { toInput } from '../../src/line/inbound.js';
import { testLog } from '../helpers/test-log.js';
import { lineApi } from '../setup/msw.js';
import type { DB } from '../../src/db/schema.js';
import { testDatabase } from '../helpers/database.js';
import {
  fakeLine,
  inboxRow,
  lineUserId,
  postWebhook,
  testMessenger,
  textEvent,
  webhookApp,
  webhookBody,
} from '../helpers/line.js';

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
  conversation: {
    kind: 'save',
    flow: 'search',
    step: 'results',
    version: 1,
    data: { text },
    expiresAt: new Date(Date.now() + 600_000),
  },
  reply: { kind: 'sending', leaseUntil: new Date(Date.now() + 60_000) },
});

describe('the inbox lease', () => {
  it('keeps one retry key per event across attempts, and gives back an unhandled claim at once', async () => {
    const user = lineUserId('lease-key');
    const event = textEvent(user, 'ねこ');
    expect((await postWebhook(webhookApp(db), webhookBody([event]))).status).toBe(200);
    const t0 = new Date();
    const [a] = await claim(t0);
    expect(a?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    // The process stops before handling it: the event is due again now, its attempt not counted.
    await releaseInboxEvents(db, [a!], t0);
    const [b] = await claim(t0);
    expect(b).toMatchObject({ webhookEventId: event.webhookEventId, attempts: 1, retryKey: a!.retryKey });
    // A release fenced by an older attempt changes nothing: the event stays leased.
    await releaseInboxEvents(db, [{ id: b!.id, attempts: 0 }], t0);
    expect(await claim(t0)).toEqual([]);
    // The next attempt, after the lease, pushes under the same key.
    const [c] = await claim(new Date(t0.getTime() + LEASE_MS + 1000));
    expect(c).toMatchObject({ attempts: 2, retryKey: a!.retryKey });
  });

  it("honours LINE's Retry-After for an answer's retry, up to 15 minutes", () => {
    expect(retryDelay(1, undefined)).toBe(2_000);
    expect(retryDelay(1, 30_000)).toBe(30_000);
    expect(retryDelay(5, 1_000)).toBe(32_000);
    expect(retryDelay(1, 3 * 60 * 60_000)).toBe(15 * 60_000);
  });

  it(
    'takes one event per user at a time, gives a stalled event to the ' +
      'next attempt after the lease, and lets only that attempt complete it',
    async () => {
      const user = lineUserId('lease');
      const first = textEvent(user, 'ねこ');
      const second = textEvent(user, '星');
      expect((await postWebhook(webhookApp(db), webhookBody([first, second]))).status).toBe(200);
      const t0 = new Date();

      const [a] = await claim(t0);
      expect(a).toMatchObject({
        webhookEventId: first.webhookEventId,
        attempts: 1,
        patronId: null,
        conversation: undefined,
      });
      // Within the lease: neither the claimed event nor the same user's next one is handed out.
      expect(await claim(new Date(t0.getTime() + LEASE_MS - 1000))).toEqual([]);

      // The first attempt stalls; after the lease another attempt takes the event.
      const [b] = await claim(new Date(t0.getTime() + LEASE_MS + 1000));
      expect(b).toMatchObject({ webhookEventId: first.webhookEventId, attempts: 2 });

      // The stalled attempt wakes up: its completion writes nothing, not even the conversation.
      expect(await completeInboxEvent(db, a!, done('stale'), new Date())).toBe(false);
      expect(await inboxRow(db, first.webhookEventId)).toMatchObject({
        status: 'pending',
        attempts: 2,
        replyStatus: 'none',
      });
      expect(
        await db.selectFrom('conversation_states').selectAll().where('line_user_id', '=', user).executeTakeFirst(),
      ).toBeUndefined();

      expect(await completeInboxEvent(db, b!, done('fresh'), new Date())).toBe(true);
      expect(await inboxRow(db, first.webhookEventId)).toMatchObject({
        status: 'done',
        attempts: 2,
        replyStatus: 'sending',
      });
      const row = await db
        .selectFrom('webhook_inbox')
        .select('replies')
        .where('webhook_event_id', '=', first.webhookEventId)
        .executeTakeFirstOrThrow();
      expect(row.replies).toEqual([{ type: 'text', text: 'fresh' }]);
      expect(
        await db
          .selectFrom('conversation_states')
          .select('data')
          .where('line_user_id', '=', user)
          .executeTakeFirstOrThrow(),
      ).toEqual({ data: { text: 'fresh' } });
      // Completing twice is refused too: the answer is stored (and sent) once.
      expect(await completeInboxEvent(db, b!, done('again'), new Date())).toBe(false);

      // Now the user's next event can be claimed, with the user's conversation read in the same statement.
      const [c] = await claim(new Date(t0.getTime() + LEASE_MS + 2000));
      expect(c).toMatchObject({
        webhookEventId: second.webhookEventId,
        attempts: 1,
        conversation: { flow: 'search', step: 'results', data: { text: 'fresh' } },
      });
    },
  );
});

describe('handled events', () => {
  it('are deleted after the retention period, once answered; younger or unanswered ones stay', async () => {
    const line = fakeLine(lineApi);
    const old = textEvent(lineUserId('old-words'), 'むかしの検索');
    expect((await postWebhook(webhookApp(db), webhookBody([old]))).status).toBe(200);
    const handler = conversationHandler({
      line: unconfiguredLineAccount,
      publicBaseUrl: 'http://localhost:3000',
      log: testLog,
    });
    await new InboxWorker({ db, handler, messenger: testMessenger(), toInput, log: testLog }).kick();
    expect(await inboxRow(db, old.webhookEventId)).toMatchObject({ status: 'done', replyStatus: 'sent' });
    expect(line.replies()).toHaveLength(1);

    // Received 31 days ago (as far as the rows say), a reply still being sent, and a young event.
    const monthAgo = new Date(Date.now() - INBOX_RETENTION_MS - 24 * 60 * 60_000);
    await db
      .updateTable('webhook_inbox')
      .set({ received_at: monthAgo })
      .where('webhook_event_id', '=', old.webhookEventId)
      .execute();
    const sending = textEvent(lineUserId('still-sending'), '送信中');
    const young = textEvent(lineUserId('young'), '最近');
    expect((await postWebhook(webhookApp(db), webhookBody([sending, young]))).status).toBe(200);
    await db
      .updateTable('webhook_inbox')
      .set({ received_at: monthAgo, status: 'done', reply_status: 'sending' })
      .where('webhook_event_id', '=', sending.webhookEventId)
      .execute();

    await new InboxWorker({ db, handler, messenger: testMessenger(), toInput, log: testLog }).kick();
    const left = (await db.selectFrom('webhook_inbox').select('webhook_event_id').execute()).map(
      (r) => r.webhook_event_id,
    );
    expect(left).not.toContain(old.webhookEventId);
    expect(left).toEqual(expect.arrayContaining([sending.webhookEventId, young.webhookEventId]));
    expect(await purgeHandledEvents(db, new Date(), 10)).toBe(1); // the young one, answered now; 'sending' stays
    expect(line.unexpected).toEqual([]);
  });
});
