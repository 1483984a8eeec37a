import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { testLog } from '../helpers/test-log.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { onPostgres, testDatabase } from '../helpers/database.js';
import {
  ACCESS_TOKEN,
  CHANNEL_SECRET,
  fakeLine,
  LINE_API,
  lineUserId,
  postWebhook,
  testMessenger,
  textEvent,
  webhookBody,
} from '../helpers/line.js';
import { lineApi } from '../setup/msw.js';
import { tcpProxy } from '../helpers/tcp-proxy.js';

// Faults only a real server has: a backend killed mid-transaction, the database gone for a while.
// PGlite runs in the process and cannot lose its connection, so these run with DATABASE_URL only.

let database: Awaited<ReturnType<typeof testDatabase>>;
let proxy: Awaited<ReturnType<typeof tcpProxy>>;
let rt: Runtime;
beforeEach(async () => {
  if (!onPostgres()) return;
  database = await testDatabase();
  const url = new URL(database.url!);
  proxy = await tcpProxy(new URL(database.url!));
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const config = loadConfig({
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: LINE_API,
    DATABASE_URL: url.toString(),
    SEED: 'demo',
    CRON: 'off',
    ADMIN_TOKEN,
  });
  rt = await buildRuntime(config, testLog, { messenger: testMessenger() });
});
afterEach(async () => {
  if (!onPostgres()) return;
  await rt.close().catch(() => {});
  await proxy.close();
  await database.close();
});

const until = async (what: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!onPostgres())('database faults (PostgreSQL)', () => {
  it('a backend killed mid-placeHold leaves no half-done hold; the retried call places exactly one', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      // A patron of its own (no loans, no holds) and a title with no copy on the shelf: the hold is due.
      const reg = await rt.app.request('/admin/patrons', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ cardNumber: 'HARD0001', name: '試験', birthDate: '1980-01-01', residency: 'resident' }),
      });
      expect(reg.status).toBe(201);
      const bib = (
        await admin.query<{ bib_id: string }>(
          `SELECT bib_id FROM items GROUP BY bib_id HAVING bool_and(status <> 'available') ORDER BY bib_id LIMIT 1`,
        )
      ).rows[0]!.bib_id;
      // Hold the patron's row so placeHold waits inside its transaction, where it can be killed.
      await admin.query('BEGIN');
      await admin.query(`SELECT id FROM patrons WHERE card_number = 'HARD0001' FOR UPDATE`);
      const hold = { cardNumber: 'HARD0001', bibId: String(bib), pickupBranch: 'honkan', channel: 'counter' };
      const call = () =>
        rt.app.request('/admin/holds', {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(hold),
        });
      const pending = call();
      let pid = 0;
      await until(async () => {
        const r = await admin.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() ' +
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        pid = r.rows[0]?.pid ?? 0;
        return pid !== 0;
      });
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.query('ROLLBACK');
      const killed = await pending;
      expect(killed.status).toBe(500);
      expect(await killed.text()).not.toMatch(/terminat|SELECT|Error:/);
      const before = await admin.query(
        `SELECT count(*)::int AS n FROM holds h JOIN patrons p ON p.id = h.patron_id WHERE p.card_number = 'HARD0001'`,
      );
      expect(before.rows[0].n).toBe(0);
      const retried = await call();
      expect(retried.status, await retried.clone().text()).toBe(201);
      const after = await admin.query(
        `SELECT count(*)::int AS n FROM holds h JOIN patrons p ON p.id = h.patron_id WHERE p.card_number = 'HARD0001'`,
      );
      expect(after.rows[0].n).toBe(1);
    } finally {
      await admin.end();
    }
  });

  it('PostgreSQL lost just as LINE takes an answer: the event ' +
    'is completed when it is back, and not answered again', async () => {
    const line = fakeLine(lineApi);
    let cut = false;
    line.beforeAnswer(async () => {
      if (cut) return;
      cut = true;
      await proxy.cut();
    });
    const event = textEvent(lineUserId('cut-after-answer'), 'ねこ');
    expect((await postWebhook(rt.app, webhookBody([event]))).status).toBe(200);
    await until(async () => line.calls.length > 0);
    await new Promise((r) => setTimeout(r, 500));
    await proxy.restore();
    const row = () =>
      rt.database.db
        .selectFrom('webhook_inbox')
        .select(['status', 'reply_status', 'attempts'])
        .where('webhook_event_id', '=', event.webhookEventId)
        .executeTakeFirst();
    await until(async () => {
      await rt.worker.kick().catch(() => {});
      return (await row().catch(() => undefined))?.reply_status === 'sent';
    }, 25_000);
    expect(await row()).toEqual({ status: 'done', reply_status: 'sent', attempts: 1 });
    await rt.worker.kick();
    expect(line.calls.map((c) => [c.endpoint, c.replyToken])).toEqual([['reply', event.replyToken]]);
  }, 40_000);

  it('PostgreSQL away for a while: /healthz 503, webhooks refused ' +
    '(LINE redelivers), accepted events processed once after', async () => {
    const line = fakeLine(lineApi);
    const user = lineUserId('outage');
    const accepted = [textEvent(user, 'ねこ'), textEvent(user, '夏目漱石'), textEvent(lineUserId('outage2'), '星')];
    for (const e of accepted) expect((await postWebhook(rt.app, webhookBody([e]))).status).toBe(200);
    await proxy.cut();
    const health = await rt.app.request('/healthz');
    expect(health.status).toBe(503);
    const refused = textEvent(user, '料理');
    const during = await postWebhook(rt.app, webhookBody([refused]));
    expect(during.status).toBeGreaterThanOrEqual(500);
    expect(await during.text()).not.toMatch(/ECONN|terminat|Error:/);
    await new Promise((r) => setTimeout(r, 300));
    await proxy.restore();
    await until(async () => (await rt.app.request('/healthz')).status === 200);
    // LINE redelivers what it was refused; the redelivery and a duplicate of an accepted event.
    expect((await postWebhook(rt.app, webhookBody([refused]))).status).toBe(200);
    expect((await postWebhook(rt.app, webhookBody([accepted[0]!]))).status).toBe(200);
    const all = [...accepted, refused];
    // Events whose first attempt failed in the outage come due after their backoff (2 s).
    await until(async () => {
      await rt.worker.kick();
      const rows = await rt.database.db.selectFrom('webhook_inbox').select(['status', 'reply_status']).execute();
      return rows.length === all.length && rows.every((r) => r.status === 'done' && r.reply_status === 'sent');
    }, 25_000);
    // Each event answered exactly once: one delivery per event, no reply token used twice.
    expect(line.replies().length + line.pushes().length).toBe(all.length);
    const replied = line.replies().map((c) => c.replyToken);
    expect(new Set(replied).size).toBe(replied.length);
    for (const t of replied) expect(all.map((e) => e.replyToken)).toContain(t);
  }, 40_000);
});
