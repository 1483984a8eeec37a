import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { http, passthrough } from 'msw';
import { openDatabase, type Database } from '../../src/db/database.js';
import { lineApi } from '../setup/msw.js';
import { testDatabase } from '../helpers/database.js';
import { CHANNEL_SECRET, lineUserId, newEventId, sign, textEvent, webhookBody } from '../helpers/line.js';
import { ChildServer, freePort } from './child-server.js';
import { fakeLineReplies } from './fake-line-replies.js';

// SIGTERM in the middle of a burst of webhooks, then a restart on the same database: every event
// answered 200 is processed exactly once (one "processed" log line across both runs, one message
// to LINE, one inbox row marked done). Events refused while stopping are LINE's to redeliver.
const BURST = 120;
const CONCURRENCY = 8;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('graceful shutdown', () => {
  it('loses nothing accepted and processes nothing twice when SIGTERM arrives mid-burst', async () => {
    // The test talks to real local servers (the child, the fake LINE): msw lets them through.
    lineApi.use(http.all(/^http:\/\/127\.0\.0\.1:/, () => passthrough()));
    const line = await fakeLineReplies();
    cleanup.push(() => line.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'lib-shutdown-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = process.env.DATABASE_URL ? await testDatabase() : undefined;
    if (server) cleanup.push(() => server.close());
    const env = {
      DATA_DIR: dataDir,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'shutdown-test-token',
      LINE_API_BASE_URL: line.url,
      ...(server?.url ? { DATABASE_URL: server.url } : {}),
    };
    const port = await freePort();
    const first = new ChildServer(port, env);
    await first.ready();

    // The burst: one user per event, so a push (after the restart) names its event.
    const events = Array.from({ length: BURST }, (_, i) =>
      textEvent(lineUserId(`burst-${i}`), 'ヘルプ', { webhookEventId: newEventId() }),
    );
    const accepted: typeof events = [];
    let next = 0;
    let sent = 0;
    const worker = async () => {
      while (next < events.length) {
        const e = events[next++]!;
        const body = webhookBody([e]);
        if (++sent === BURST / 3) first.signal('SIGTERM');
        try {
          const res = await fetch(`${first.url}/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) },
            body,
          });
          if (res.status === 200) accepted.push(e);
        } catch {
          /* refused: the server has stopped accepting */
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await first.exited).toBe(0);
    const firstRun = first.logs();
    if (!firstRun.some((l) => l.msg === 'stopped')) console.log(first.stdout.slice(-5).join('\n'));
    expect(firstRun.some((l) => l.msg === 'stopped' && l.flow === 'shutdown')).toBe(true);
    expect(accepted.length).toBeGreaterThan(BURST / 3 - CONCURRENCY - 1);
    expect(accepted.length).toBeLessThan(BURST);

    // The restart on the same data: it works through whatever the first run left in the inbox.
    const second = new ChildServer(port, env);
    cleanup.push(async () => {
      second.signal('SIGKILL');
      await second.exited;
    });
    await second.ready();
    const processedIds = () =>
      [...firstRun, ...second.logs()]
        .filter((l) => l.msg === 'webhook event processed')
        .map((l) => String(l.webhookEventId));
    const until = Date.now() + 60_000;
    while (Date.now() < until && line.replies.length + line.pushes.length < accepted.length)
      await new Promise((r) => setTimeout(r, 200));
    second.signal('SIGTERM');
    expect(await second.exited).toBe(0);

    const ids = processedIds();
    for (const e of accepted)
      expect(
        ids.filter((id) => id === e.webhookEventId),
        e.webhookEventId,
      ).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    // One message to LINE per accepted event: its reply token, or a push to its user after the restart.
    for (const e of accepted) {
      const to = (e.source as { userId: string }).userId;
      expect(
        line.replies.filter((t) => t === e.replyToken).length + line.pushes.filter((p) => p.to === to).length,
        e.webhookEventId,
      ).toBe(1);
    }

    const database: Database = server ? server : await openDatabase({ pgliteDir: join(dataDir, 'pglite') });
    if (!server) cleanup.push(() => database.close());
    const rows = await database.db
      .selectFrom('webhook_inbox')
      .select(['webhook_event_id', 'status', 'reply_status'])
      .execute();
    const byId = new Map(rows.map((r) => [r.webhook_event_id, r]));
    for (const e of accepted)
      expect(byId.get(e.webhookEventId), e.webhookEventId).toMatchObject({ status: 'done', reply_status: 'sent' });
    console.log(
      `graceful shutdown: ${accepted.length}/${BURST} accepted before SIGTERM took effect, ` +
        `${rows.length} inbox rows, ${line.replies.length} replies + ${line.pushes.length} pushes`,
    );
  }, 180_000);
});
