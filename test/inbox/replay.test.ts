import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationHandler, type ConversationHandler } from '../../src/conversation/engine.js';
import { unconfiguredLineAccount } from '../../src/line/account.js';
import type { DB } from '../../src/db/schema.js';
import { InboxWorker } from '../../src/inbox/worker.js';
import { toInput } from '../../src/line/inbound.js';
import { testLog } from '../helpers/test-log.js';
import { chat, patronChat } from '../../src/messages/ja/index.js';
import { testDatabase } from '../helpers/database.js';
import {
  fakeLine,
  inboxRow,
  inboxRows,
  lineUserId,
  postWebhook,
  reopenableDatabase,
  testMessenger,
  textEvent,
  webhookApp,
  webhookBody,
  type FakeLine,
} from '../helpers/line.js';
import { lineApi } from '../setup/msw.js';

const handleEvent = conversationHandler({
  line: unconfiguredLineAccount,
  publicBaseUrl: 'http://localhost:3000',
  log: testLog,
});

/**
 * The webhook inbox outlives the process: what was accepted is answered after a restart, once,
 * and answers LINE did not take are retried with the same retry key.
 */
const MINUTE = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let line: FakeLine;
beforeEach(() => {
  line = fakeLine(lineApi);
});
afterEach(() => {
  expect(line.unexpected).toEqual([]);
});

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  const state = { now: start };
  return { state, clock: () => state.now };
}

/** The real handler, noting the order in which events reach it (committed or not). */
function recordingHandler(seen: string[]): ConversationHandler {
  return beforeEachEvent((id) => seen.push(id));
}

/** The real handler with `before` run first for each event (a throw there fails the attempt). */
function beforeEachEvent(before: (webhookEventId: string) => void): ConversationHandler {
  return {
    language: handleEvent.language,
    decide: async (db, event, now) => {
      before(event.webhookEventId!);
      return handleEvent.decide(db, event, now);
    },
    inTransaction: (tx, event, now) => handleEvent.inTransaction(tx, event, now),
  };
}

describe('events accepted before a crash', () => {
  it('are processed after the restart, once each, in order, and answered by push with a retry key', async () => {
    const store = await reopenableDatabase();
    try {
      const user = lineUserId('replay');
      const tenMinutesAgo = Date.now() - 10 * MINUTE;
      const first = textEvent(user, '蔵書検索', { timestamp: tenMinutesAgo });
      const second = textEvent(user, 'ご利用状況', { timestamp: tenMinutesAgo + 1000 });

      // Before the crash: the webhook is accepted and stored, but no worker gets to it.
      const before = await store.open();
      const res = await postWebhook(webhookApp(before.db), webhookBody([first, second]));
      expect(res.status).toBe(200);
      expect((await inboxRows(before.db)).map((r) => [r.webhookEventId, r.status, r.attempts, r.replyStatus])).toEqual([
        [first.webhookEventId, 'pending', 0, 'none'],
        [second.webhookEventId, 'pending', 0, 'none'],
      ]);
      await before.close();
      expect(line.calls).toEqual([]);

      // The restart, ten minutes later: a new worker on the same database. The reply tokens were
      // issued ten minutes ago, past the minute LINE honours them, so the answers go by push.
      const after = await store.open();
      try {
        const seen: string[] = [];
        const { clock } = manualClock(new Date(Date.now() + 10 * MINUTE));
        const worker = new InboxWorker({
          db: after.db,
          handler: recordingHandler(seen),
          messenger: testMessenger(),
          toInput,
          log: testLog,
          clock,
        });
        await worker.kick();
        await worker.kick();

        expect(seen).toEqual([first.webhookEventId, second.webhookEventId]);
        expect(line.replies()).toEqual([]);
        const pushes = line.pushes();
        expect(pushes.map((p) => [p.to, p.messages.map((m) => (m as { text?: string }).text)])).toEqual([
          [user, [chat.searchGuide]],
          // No channel token in this test, so no login link can be issued: the patron is told so.
          [user, [patronChat.loginUnavailable]],
        ]);
        const rows = await inboxRows(after.db);
        expect(rows.map((r) => [r.webhookEventId, r.status, r.attempts, r.replyStatus, r.replyAttempts])).toEqual([
          [first.webhookEventId, 'done', 1, 'sent', 1],
          [second.webhookEventId, 'done', 1, 'sent', 1],
        ]);
        // Each push carries its own row's retry key, a UUID.
        expect(pushes.map((p) => p.retryKey)).toEqual(rows.map((r) => r.replyRetryKey));
        for (const p of pushes) expect(p.retryKey).toMatch(UUID);
        expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(2);
        await worker.stop();
      } finally {
        await after.close();
      }
    } finally {
      await store.dispose();
    }
  });
});

describe('answers LINE did not take', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let db: Kysely<DB>;
  beforeEach(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterEach(async () => {
    await database.close();
  });

  /**
   * An event the user wrote `writtenAgo` ms ago, stored by the webhook now, and a worker whose
   * clock starts `workerLate` ms after now.
   */
  async function storedEvent(o: { writtenAgo: number; workerLate: number }) {
    const user = lineUserId(`retry-${Math.random()}`);
    const event = textEvent(user, 'こんにちは', {
      timestamp: Date.now() - o.writtenAgo,
      isRedelivery: o.writtenAgo > MINUTE,
    });
    expect((await postWebhook(webhookApp(db), webhookBody([event]))).status).toBe(200);
    const { state, clock } = manualClock(new Date(Date.now() + o.workerLate));
    const worker = new InboxWorker({
      db,
      handler: handleEvent,
      messenger: testMessenger(),
      toInput,
      log: testLog,
      clock,
    });
    return { user, event, state, worker };
  }

  it(
    'an answer LINE takes at once is recorded with its ' + 'event in one statement: sent, and its messages not kept',
    async () => {
      const { event, worker } = await storedEvent({ writtenAgo: 0, workerLate: 0 });
      await worker.kick();
      expect(line.calls.map((c) => [c.endpoint, c.status, c.replyToken])).toEqual([['reply', 200, event.replyToken]]);
      expect(await inboxRow(db, event.webhookEventId)).toMatchObject({
        status: 'done',
        attempts: 1,
        replyStatus: 'sent',
        replyAttempts: 1,
        lastError: null,
      });
      const stored = await db
        .selectFrom('webhook_inbox')
        .select(['replies', 'replied_at'])
        .where('webhook_event_id', '=', event.webhookEventId)
        .executeTakeFirstOrThrow();
      expect(stored.replies).toBeNull();
      expect(stored.replied_at).not.toBeNull();
      await worker.kick();
      expect(line.calls).toHaveLength(1);
    },
  );

  it('an answer LINE refuses with 500 at once is kept with its event and pushed when due, once', async () => {
    line.answerReply(500);
    const { user, event, state, worker } = await storedEvent({ writtenAgo: 0, workerLate: 0 });
    await worker.kick();
    const failed = await inboxRow(db, event.webhookEventId);
    expect(failed).toMatchObject({ status: 'done', replyStatus: 'pending', replyAttempts: 1 });
    expect(failed.lastError).toMatch(/500/);
    state.now = failed.replyNextAttemptAt!;
    await worker.kick();
    expect(line.calls.map((c) => [c.endpoint, c.status])).toEqual([
      ['reply', 500],
      ['push', 200],
    ]);
    expect(line.calls[1]!.to).toBe(user);
    expect(line.calls[1]!.retryKey).toBe(failed.replyRetryKey);
    expect(line.calls[1]!.messages).toEqual(line.calls[0]!.messages);
    expect(await inboxRow(db, event.webhookEventId)).toMatchObject({ replyStatus: 'sent', replyAttempts: 2 });
  });

  it('a push LINE answers 500 is retried when due with the same X-Line-Retry-Key, and sent once', async () => {
    line.answerPush(500, 200);
    const { user, event, state, worker } = await storedEvent({ writtenAgo: 10 * MINUTE, workerLate: 10 * MINUTE });
    await worker.kick();

    expect(line.pushes().map((p) => p.status)).toEqual([500]);
    const failed = await inboxRow(db, event.webhookEventId);
    expect(failed).toMatchObject({ status: 'done', attempts: 1, replyStatus: 'pending', replyAttempts: 1 });
    expect(failed.lastError).toMatch(/500/);
    expect(failed.replyNextAttemptAt!.getTime()).toBeGreaterThan(state.now.getTime());
    expect(failed.replyNextAttemptAt!.getTime()).toBeLessThanOrEqual(state.now.getTime() + 15 * MINUTE);

    // Not yet due: nothing is sent.
    await worker.kick();
    expect(line.calls).toHaveLength(1);

    state.now = failed.replyNextAttemptAt!;
    await worker.kick();
    const pushes = line.pushes();
    expect(pushes.map((p) => [p.status, p.to])).toEqual([
      [500, user],
      [200, user],
    ]);
    expect(pushes[1]!.retryKey).toBe(pushes[0]!.retryKey);
    expect(pushes[0]!.retryKey).toBe(failed.replyRetryKey);
    expect(pushes[1]!.messages).toEqual(pushes[0]!.messages);
    expect(await inboxRow(db, event.webhookEventId)).toMatchObject({
      replyStatus: 'sent',
      replyAttempts: 2,
      lastError: null,
    });

    state.now = new Date(state.now.getTime() + 60 * MINUTE);
    await worker.kick();
    expect(line.calls).toHaveLength(2);
  });

  it(
    'a retried push LINE answers 409 (retry key already ' + 'accepted) counts as sent, and nothing more is called',
    async () => {
      line.answerPush(500, 409);
      const { event, state, worker } = await storedEvent({ writtenAgo: 10 * MINUTE, workerLate: 10 * MINUTE });
      await worker.kick();
      const failed = await inboxRow(db, event.webhookEventId);
      expect(failed.replyStatus).toBe('pending');

      state.now = failed.replyNextAttemptAt!;
      await worker.kick();
      expect(line.pushes().map((p) => p.status)).toEqual([500, 409]);
      expect(line.pushes()[1]!.retryKey).toBe(failed.replyRetryKey);
      expect(await inboxRow(db, event.webhookEventId)).toMatchObject({ replyStatus: 'sent', replyAttempts: 2 });

      for (const later of [1, 15, 60, 24 * 60]) {
        state.now = new Date(state.now.getTime() + later * MINUTE);
        await worker.kick();
      }
      expect(line.calls).toHaveLength(2);
    },
  );

  it(
    'an old event received just now tries its reply token ' + 'first; when LINE calls the token invalid, it is pushed',
    async () => {
      line.answerReply(400);
      // Redelivered by LINE ten minutes after the user wrote. LINE honours a reply token for a
      // minute after the webhook is received; this one was received now, so the token is tried.
      const { user, event, worker } = await storedEvent({ writtenAgo: 10 * MINUTE, workerLate: 0 });
      await worker.kick();
      expect(line.calls.map((c) => [c.endpoint, c.status])).toEqual([
        ['reply', 400],
        ['push', 200],
      ]);
      expect(line.calls[0]!.replyToken).toBe(event.replyToken);
      expect(line.calls[1]!.to).toBe(user);
      expect(line.calls[1]!.retryKey).toMatch(UUID);
      expect(await inboxRow(db, event.webhookEventId)).toMatchObject({ replyStatus: 'sent', replyAttempts: 1 });
    },
  );
});

describe('a handler that throws', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let db: Kysely<DB>;
  beforeEach(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterEach(async () => {
    await database.close();
  });

  it(
    'leaves the event pending for a later retry, holds back that ' +
      'user’s later events, and processes it once when the cause is gone',
    async () => {
      const alice = lineUserId('alice-throws');
      const bob = lineUserId('bob-waits-for-nobody');
      const a1 = textEvent(alice, '一つ目');
      const a2 = textEvent(alice, '二つ目');
      const b1 = textEvent(bob, 'こんにちは');
      expect((await postWebhook(webhookApp(db), webhookBody([a1, a2, b1]))).status).toBe(200);

      const handled: string[] = [];
      let broken = true;
      const handler = beforeEachEvent((id) => {
        if (broken && id === a1.webhookEventId) throw new Error('the catalog is away');
        handled.push(id);
      });
      const { state, clock } = manualClock(new Date());
      const worker = new InboxWorker({ db, handler, messenger: testMessenger(), toInput, log: testLog, clock });
      await worker.kick();

      // Bob is answered; Alice's first event waits for a retry and her second waits behind it.
      expect(handled).toEqual([b1.webhookEventId]);
      const failed = await inboxRow(db, a1.webhookEventId);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, replyStatus: 'none' });
      expect(failed.lastError).toContain('the catalog is away');
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(state.now.getTime());
      expect(await inboxRow(db, a2.webhookEventId)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(line.replies().map((c) => c.replyToken)).toEqual([b1.replyToken]);
      // The failed attempt's effects were rolled back with its transaction.
      expect(
        await db.selectFrom('line_users').select('line_user_id').where('line_user_id', '=', alice).executeTakeFirst(),
      ).toBeUndefined();

      // Before it is due nothing happens, even with the cause gone.
      broken = false;
      await worker.kick();
      expect(handled).toEqual([b1.webhookEventId]);

      state.now = failed.nextAttemptAt;
      await worker.kick();
      expect(handled).toEqual([b1.webhookEventId, a1.webhookEventId, a2.webhookEventId]);
      expect(await inboxRow(db, a1.webhookEventId)).toMatchObject({ status: 'done', attempts: 2, replyStatus: 'sent' });
      expect(await inboxRow(db, a2.webhookEventId)).toMatchObject({ status: 'done', attempts: 1, replyStatus: 'sent' });
      // Still within the token's minute: answered on the reply tokens, in order.
      expect(line.replies().map((c) => c.replyToken)).toEqual([b1.replyToken, a1.replyToken, a2.replyToken]);

      state.now = new Date(state.now.getTime() + 60 * MINUTE);
      await worker.kick();
      expect(handled).toHaveLength(3);
      expect(line.calls).toHaveLength(3);
    },
  );

  it('that never recovers is parked as failed after its attempts, and the user’s next events go ahead', async () => {
    const user = lineUserId('always-throws');
    const doomed = textEvent(user, '壊れた');
    const next = textEvent(user, '次');
    expect((await postWebhook(webhookApp(db), webhookBody([doomed, next]))).status).toBe(200);
    let calls = 0;
    const handler = beforeEachEvent((id) => {
      if (id === doomed.webhookEventId) {
        calls += 1;
        throw new Error('always broken');
      }
    });
    const { state, clock } = manualClock(new Date());
    const worker = new InboxWorker({ db, handler, messenger: testMessenger(), toInput, log: testLog, clock });
    for (let i = 0; i < 20; i += 1) {
      await worker.kick();
      const row = await inboxRow(db, doomed.webhookEventId);
      if (row.status !== 'pending') break;
      state.now = row.nextAttemptAt;
    }
    const parked = await inboxRow(db, doomed.webhookEventId);
    expect(parked.status).toBe('failed');
    expect(parked.attempts).toBe(calls);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(calls).toBeLessThan(20);
    // The next event is not held back for ever by the parked one. Its token is long stale: push.
    expect(await inboxRow(db, next.webhookEventId)).toMatchObject({ status: 'done', replyStatus: 'sent' });
    expect(line.calls.map((c) => [c.endpoint, c.to])).toEqual([['push', user]]);

    state.now = new Date(state.now.getTime() + 24 * 60 * MINUTE);
    await worker.kick();
    expect(calls).toBe(parked.attempts);
  });
});
