import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { InboxThread } from '../../src/inbox/thread.js';
import { testLog } from '../helpers/test-log.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import { ACCESS_TOKEN, CHANNEL_SECRET, lineUserId, postWebhook, textEvent, webhookBody } from '../helpers/line.js';
import { fakeLineReplies } from '../ops/fake-line-replies.js';

// On PostgreSQL `npm start` handles the inbox on a thread of its own (src/line/inbox-thread.ts).
// The thread talks to LINE over real HTTP (msw cannot reach into it), so LINE is a local server.
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe.skipIf(!onPostgres())('the inbox on a thread of its own (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let line: Awaited<ReturnType<typeof fakeLineReplies>>;
  let rt: Runtime;
  beforeEach(async () => {
    database = await testDatabase();
    line = await fakeLineReplies();
    const config = loadConfig({
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
      LINE_API_BASE_URL: line.url,
      DATABASE_URL: database.url,
      SEED: 'demo',
      CRON: 'off',
      METRICS_TOKEN,
    });
    rt = await buildRuntime(config, testLog);
  });
  afterEach(async () => {
    await rt.close();
    await line.close();
    await database.close();
  });

  it(
    'answers stored events in order per user, once; a kick ' + 'resolves when they are done; its counts reach /metrics',
    async () => {
      expect(rt.worker).toBeInstanceOf(InboxThread);
      const user = lineUserId('thread');
      const events = ['ねこ', '夏目漱石', 'こころ'].map((w) => textEvent(user, w));
      for (const e of events) expect((await postWebhook(rt.app, webhookBody([e]))).status).toBe(200);
      await rt.worker.kick();
      const rows = await rt.database.db
        .selectFrom('webhook_inbox')
        .select(['webhook_event_id', 'status', 'reply_status', 'attempts'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual(
        events.map((e) => ({ webhook_event_id: e.webhookEventId, status: 'done', reply_status: 'sent', attempts: 1 })),
      );
      expect(line.replies).toEqual(events.map((e) => e.replyToken));
      // Counted on the thread, reported by the main thread's registry (sent over every 100 ms).
      await new Promise((r) => setTimeout(r, 250));
      const metrics = await (
        await rt.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      expect(metrics).toMatch(/library_webhook_events_total\{type="message",outcome="processed"\} 3/);
      expect(metrics).toMatch(/library_reply_latency_seconds_count\{via="reply"\} 3/);
    },
  );

  it(
    'events stored by many webhooks at once are all answered, ' + 'once, from the nudges alone (no kick, no polling)',
    async () => {
      // Nudges are coalesced (at most one on its way to the thread): one dropped wrongly would
      // leave its events pending here, since nothing polls the inbox in this runtime. In waves, so
      // later webhooks arrive while the thread is busy with, or done with, earlier ones.
      const sent: string[] = [];
      for (let wave = 0; wave < 3; wave++) {
        const events = Array.from({ length: 20 }, (_, i) =>
          textEvent(lineUserId(`nudge-${i % 10}`), ['ねこ', '星', '料理'][(i + wave) % 3]!),
        );
        const statuses = await Promise.all(
          events.map((e) => postWebhook(rt.app, webhookBody([e])).then((r) => r.status)),
        );
        expect(statuses.every((s) => s === 200)).toBe(true);
        sent.push(...events.map((e) => e.replyToken!));
        const deadline = Date.now() + 10_000;
        while (line.replies.length < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect([...line.replies].sort()).toEqual([...sent].sort());
      }
      // An answer goes out before its event is recorded as done (inbox-worker.ts): both, in the end.
      const notDone = () =>
        rt.database.db.selectFrom('webhook_inbox').select('id').where('status', '!=', 'done').execute();
      const deadline = Date.now() + 10_000;
      while ((await notDone()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await notDone()).toEqual([]);
      expect(line.replies).toHaveLength(sent.length);
    },
  );

  it('stops with the runtime: events stored after the stop wait in the inbox for the next start', async () => {
    await rt.worker.stop();
    const late = textEvent(lineUserId('thread-late'), 'ねこ');
    expect((await postWebhook(rt.app, webhookBody([late]))).status).toBe(200);
    await rt.worker.kick();
    const row = await rt.database.db
      .selectFrom('webhook_inbox')
      .select(['status'])
      .where('webhook_event_id', '=', late.webhookEventId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(line.replies).toEqual([]);
  });
});
