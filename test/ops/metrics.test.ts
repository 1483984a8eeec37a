import { SendError } from '../../src/conversation/ports.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentedMessenger } from '../../src/metrics/instrumented-messenger.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { lineUserId, postWebhook, textEvent, followEvent, webhookBody } from '../helpers/line.js';
import { METRICS_TOKEN, opsRuntime } from './ops-runtime.js';
import { parsePromText, sampleValue } from './prom-text.js';

let o: Awaited<ReturnType<typeof opsRuntime>>;
beforeAll(async () => {
  o = await opsRuntime('warn');
});
afterAll(async () => o.close());

const scrape = async (token: string | null = METRICS_TOKEN) =>
  o.rt.app.request('/metrics', token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('GET /metrics', () => {
  it(
    'needs the metrics token: none or a wrong one is 401, ' +
      'the staff token is not the metrics token when both are set',
    async () => {
      expect((await scrape(null)).status).toBe(401);
      expect((await scrape('nope')).status).toBe(401);
      expect((await scrape(ADMIN_TOKEN)).status).toBe(401);
      const ok = await scrape();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    },
  );

  it(
    'counts webhook events by type and outcome, reply latency, jobs, ' +
      'backlog, notices and logins — parsed back from the text format',
    async () => {
      const user = lineUserId('metrics');
      expect(
        (
          await postWebhook(
            o.rt.app,
            webhookBody([followEvent(user), textEvent(user, 'ヘルプ'), textEvent(user, '吾輩')]),
          )
        ).status,
      ).toBe(200);
      await o.rt.worker.kick();
      await o.rt.runJob('expire-holds');
      // Two failed logins on a known card: counted from the audit log, on every instance alike.
      await o.rt.app.request('/admin/patrons', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          cardNumber: '7700000001',
          name: '試験',
          birthDate: '1990-01-01',
          residency: 'resident',
        }),
      });
      const { verifyCredentials } = await import('../../src/services/credentials.js');
      for (let i = 0; i < 2; i++)
        await verifyCredentials(o.rt.database.db, { cardNumber: '7700000001', password: 'wrong' }, new Date());

      const { types, samples } = parsePromText(await (await scrape()).text());
      expect(types.get('library_webhook_events_total')).toBe('counter');
      expect(types.get('library_reply_latency_seconds')).toBe('histogram');
      expect(sampleValue(samples, 'library_webhook_events_total', { type: 'message', outcome: 'processed' })).toBe(2);
      expect(sampleValue(samples, 'library_webhook_events_total', { type: 'follow', outcome: 'processed' })).toBe(1);
      expect(sampleValue(samples, 'library_reply_latency_seconds_count', { via: 'reply' })).toBe(3);
      expect(sampleValue(samples, 'library_reply_latency_seconds_bucket', { via: 'reply', le: '+Inf' })).toBe(3);
      expect(sampleValue(samples, 'library_job_runs_total', { job: 'expire-holds', outcome: 'ok' })).toBe(1);
      expect(sampleValue(samples, 'library_job_duration_seconds_count', { job: 'expire-holds' })).toBe(1);
      expect(sampleValue(samples, 'library_inbox_backlog', { status: 'pending' })).toBe(0);
      expect(sampleValue(samples, 'library_notices', { channel: 'line', status: 'pending' })).toBe(0);
      expect(sampleValue(samples, 'library_login_failures')).toBe(2);
      expect(sampleValue(samples, 'library_login_lockouts_active')).toBe(0);
    },
  );

  it('counts failed LINE calls by status (none = network error), and passes the error on', async () => {
    const m = createMetrics(o.rt.database.db);
    let next: Error = new Error('fetch failed');
    const messenger = instrumentedMessenger(
      {
        render: () => [],
        reply: async () => {
          throw next;
        },
        push: async () => {
          throw next;
        },
      },
      m,
    );
    await expect(messenger.push('U1', [], 'k')).rejects.toThrow('fetch failed');
    // What line/messenger.ts throws for LINE's 429.
    next = new SendError({ outcome: 'retry', status: 429 }, '429', 'HTTPFetchError');
    await expect(messenger.reply('t', [])).rejects.toBe(next);
    await expect(messenger.push('U1', [], 'k')).rejects.toBe(next);
    const { samples } = parsePromText(await m.registry.metrics());
    expect(sampleValue(samples, 'library_line_api_errors_total', { status: '429' })).toBe(2);
    expect(sampleValue(samples, 'library_line_api_errors_total', { status: 'none' })).toBe(1);
  });
});
