import { performance } from 'node:perf_hooks';
import { serve, type ServerType } from '@hono/node-server';
import { http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botMessages, chat } from '../../src/messages/ja/index.js';
import {
  ACCESS_TOKEN,
  BOT_USER_ID,
  fakeLine,
  followEvent,
  inboxRow,
  inboxRows,
  lineRuntime,
  lineUserId,
  otherEvent,
  postWebhook,
  sign,
  textEvent,
  unfollowEvent,
  webhookBody,
  type FakeLine,
} from '../helpers/line.js';
import { lineApi } from '../setup/msw.js';

/**
 * POST /webhook of CONTRACT.md, through app.request() on the app as `npm start` builds it, with a
 * real LINE messenger whose calls msw answers on https://api.line.me.
 */
let rt: Awaited<ReturnType<typeof lineRuntime>>;
let line: FakeLine;

beforeAll(async () => {
  rt = await lineRuntime();
});
afterAll(async () => {
  await rt?.close();
});
beforeEach(async () => {
  line = fakeLine(lineApi);
  await rt.db.deleteFrom('webhook_inbox').execute();
});
afterEach(async () => {
  // Whatever a test stored is drained before the next one, and nothing else went out.
  await rt.worker.kick();
  expect(line.unexpected).toEqual([]);
});

const inboxCount = async () => (await inboxRows(rt.db)).length;
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('GET /healthz', () => {
  it('answers 200 {ok:true} when the database answers', async () => {
    const res = await rt.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('POST /webhook: signature', () => {
  it('a request without x-line-signature is refused with 401 and nothing is stored', async () => {
    const res = await postWebhook(rt.app, webhookBody([textEvent(lineUserId('nosig'), 'こんにちは')]), {
      signature: null,
    });
    expect(res.status).toBe(401);
    expect(await inboxCount()).toBe(0);
    await rt.worker.kick();
    expect(line.calls).toEqual([]);
  });

  it('a wrong signature is refused with 401 and nothing is stored', async () => {
    const body = webhookBody([textEvent(lineUserId('badsig'), 'こんにちは')]);
    const other = webhookBody([textEvent(lineUserId('badsig'), 'こんばんは')]);
    for (const signature of [
      sign(body, 'another-channel-secret'),
      sign(other),
      '',
      'not base64 at all!',
      sign(body).slice(0, -4),
    ]) {
      const res = await postWebhook(rt.app, body, { signature });
      expect(res.status, `signature ${JSON.stringify(signature)}`).toBe(401);
    }
    expect(await inboxCount()).toBe(0);
    await rt.worker.kick();
    expect(line.calls).toEqual([]);
  });

  it(
    'the signature is checked on the raw bytes: ' + 'a pretty-printed body passes, a re-serialised one does not',
    async () => {
      const user = lineUserId('raw-bytes');
      const event = textEvent(user, '鎌ケ谷 🌸');
      const pretty = JSON.stringify({ destination: BOT_USER_ID, events: [event] }, null, 2);
      const compact = JSON.stringify(JSON.parse(pretty));
      expect((await postWebhook(rt.app, compact, { signature: sign(pretty) })).status).toBe(401);
      expect(await inboxCount()).toBe(0);
      expect((await postWebhook(rt.app, pretty)).status).toBe(200);
      expect(await inboxCount()).toBe(1);
    },
  );
});

describe('POST /webhook: body', () => {
  it('a correctly signed body that is not JSON is refused with 400', async () => {
    const res = await postWebhook(rt.app, '{"destination": "U', {});
    expect(res.status).toBe(400);
    expect(await inboxCount()).toBe(0);
  });

  it("LINE's verify request (no events) answers 200 and stores nothing", async () => {
    const res = await postWebhook(rt.app, JSON.stringify({ destination: BOT_USER_ID, events: [] }));
    expect(res.status).toBe(200);
    expect(await inboxCount()).toBe(0);
    await rt.worker.kick();
    expect(line.calls).toEqual([]);
  });

  it('an event without webhookEventId makes the whole body 400, and nothing of it is stored', async () => {
    const good = textEvent(lineUserId('envelope'), 'こんにちは');
    const { webhookEventId: _dropped, ...bad } = textEvent(lineUserId('envelope'), 'さようなら');
    const res = await postWebhook(rt.app, webhookBody([good, bad]));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain('webhookEventId');
    expect(await inboxCount()).toBe(0);
    await rt.worker.kick();
    expect(line.calls).toEqual([]);
  });

  it('a body over 1 MB is refused with 413, even when signed, and nothing is stored', async () => {
    const body = webhookBody([textEvent(lineUserId('huge'), 'x'.repeat(1024 * 1024))]);
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const res = await postWebhook(rt.app, body);
    expect(res.status).toBe(413);
    expect(await inboxCount()).toBe(0);
  });
});

describe("POST /webhook over a real connection (the body is read from Node's stream)", () => {
  let url: string;
  let server: ServerType;
  beforeAll(async () => {
    await new Promise<void>((listening) => {
      server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        url = `http://127.0.0.1:${info.port}/webhook`;
        listening();
      });
    });
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
  // msw answers every outgoing request in these tests (LINE's API); this server is real.
  beforeEach(() => lineApi.use(http.all(`${url}`, () => passthrough())));

  /** Sends the body in pieces without a content-length (chunked), as a client that streams would. */
  const chunked = (body: string, signature: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signature },
      body: new ReadableStream({
        start(controller) {
          const bytes = Buffer.from(body);
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it('a signed body is stored, whether sent with a content-length or chunked', async () => {
    const first = webhookBody([textEvent(lineUserId('socket-1'), 'ねこ')]);
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-line-signature': sign(first) },
          body: first,
        })
      ).status,
    ).toBe(200);
    const second = webhookBody([textEvent(lineUserId('socket-2'), 'ねこ')]);
    expect((await chunked(second, sign(second))).status).toBe(200);
    expect(await inboxCount()).toBe(2);
  });

  it('a body over 1 MB is refused with 413 whether its length is declared or not, and nothing is stored', async () => {
    const body = webhookBody([textEvent(lineUserId('socket-huge'), 'x'.repeat(2 * 1024 * 1024))]);
    const declared = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) },
      body,
    });
    expect(declared.status).toBe(413);
    const streamed = await chunked(body, sign(body));
    expect(streamed.status).toBe(413);
    expect(await inboxCount()).toBe(0);
  });
});

describe('POST /webhook: events', () => {
  it('a text message is answered with one reply call, on its reply token, with the bot text', async () => {
    const user = lineUserId('text');
    const event = textEvent(user, '吾輩は猫である');
    const res = await postWebhook(rt.app, webhookBody([event]));
    expect(res.status).toBe(200);
    await rt.worker.kick();

    expect(line.calls).toHaveLength(1);
    const [call] = line.calls;
    expect(call).toMatchObject({
      endpoint: 'reply',
      authorization: `Bearer ${ACCESS_TOKEN}`,
      replyToken: event.replyToken,
      // An empty catalog: the words are searched and nothing is found.
      messages: [{ type: 'text', text: chat.noHits('吾輩は猫である') }],
    });
    expect(await inboxRow(rt.db, event.webhookEventId)).toMatchObject({
      status: 'done',
      attempts: 1,
      replyStatus: 'sent',
      replyAttempts: 1,
      lineUserId: user,
    });
  });

  it('a redelivered event (same webhookEventId) answers 200, is stored once and answered once', async () => {
    const user = lineUserId('redelivery');
    const event = textEvent(user, '蔵書検索');
    expect((await postWebhook(rt.app, webhookBody([event]))).status).toBe(200);
    await rt.worker.kick();
    expect(line.replies()).toHaveLength(1);

    const again = { ...event, deliveryContext: { isRedelivery: true } };
    expect((await postWebhook(rt.app, webhookBody([again]))).status).toBe(200);
    // Also when LINE redelivers it while the first copy is still waiting in the same body.
    expect((await postWebhook(rt.app, webhookBody([again, again]))).status).toBe(200);
    await rt.worker.kick();

    expect(await inboxCount()).toBe(1);
    expect(line.calls).toHaveLength(1);
  });

  it('a standby event is stored and processed, and nothing is said', async () => {
    const user = lineUserId('standby');
    const event = textEvent(user, 'こんにちは', { mode: 'standby' });
    expect((await postWebhook(rt.app, webhookBody([event]))).status).toBe(200);
    await rt.worker.kick();
    expect(await inboxRow(rt.db, event.webhookEventId)).toMatchObject({
      mode: 'standby',
      status: 'done',
      replyStatus: 'none',
    });
    expect(line.calls).toEqual([]);
  });

  it('one body with events of two users answers each on its own reply token', async () => {
    const alice = lineUserId('alice');
    const bob = lineUserId('bob');
    const a = textEvent(alice, '吾輩は猫である');
    const b = followEvent(bob);
    expect((await postWebhook(rt.app, webhookBody([a, b]))).status).toBe(200);
    await rt.worker.kick();

    const byToken = new Map(line.replies().map((c) => [c.replyToken, c.messages.map((m) => m.text)]));
    expect(line.calls).toHaveLength(2);
    expect(byToken).toEqual(
      new Map([
        [a.replyToken, [chat.noHits('吾輩は猫である')]],
        [b.replyToken, [botMessages.greeting]],
      ]),
    );
    expect(line.pushes()).toEqual([]);
  });

  it('follow is greeted and remembers the user as following; unfollow records it and says nothing', async () => {
    const user = lineUserId('follower');
    const follow = followEvent(user);
    expect((await postWebhook(rt.app, webhookBody([follow]))).status).toBe(200);
    await rt.worker.kick();
    expect(line.calls).toHaveLength(1);
    expect(line.calls[0]).toMatchObject({
      endpoint: 'reply',
      replyToken: follow.replyToken,
      messages: [{ type: 'text', text: botMessages.greeting }],
    });
    const following = async () =>
      (await rt.db.selectFrom('line_users').select('following').where('line_user_id', '=', user).executeTakeFirst())
        ?.following;
    expect(await following()).toBe(true);

    const unfollow = unfollowEvent(user);
    expect((await postWebhook(rt.app, webhookBody([unfollow]))).status).toBe(200);
    await rt.worker.kick();
    expect(await following()).toBe(false);
    expect(line.calls).toHaveLength(1);
    expect(await inboxRow(rt.db, unfollow.webhookEventId)).toMatchObject({ status: 'done', replyStatus: 'none' });
  });

  it('unknown event types (beacon, somethingNew) answer 200 and get no reply', async () => {
    const user = lineUserId('unknown-types');
    const beacon = otherEvent('beacon', user, { beacon: { hwid: 'd41d8cd98f', type: 'enter' } });
    const novel = otherEvent('somethingNew', user, { somethingNew: { whatever: [1, 2, 3] } });
    expect((await postWebhook(rt.app, webhookBody([beacon, novel]))).status).toBe(200);
    await rt.worker.kick();
    expect(line.calls).toEqual([]);
    for (const e of [beacon, novel]) {
      expect(await inboxRow(rt.db, e.webhookEventId)).toMatchObject({
        eventType: e.type,
        status: 'done',
        replyStatus: 'none',
      });
    }
  });

  it('a text with U+0000 inside answers 200 and is stored without the NUL', async () => {
    const user = lineUserId('nul');
    const event = textEvent(user, '夏目\u0000漱石');
    const body = webhookBody([event]);
    expect(body).toContain('\\u0000');
    expect((await postWebhook(rt.app, body)).status).toBe(200);
    await rt.worker.kick();
    const row = await inboxRow(rt.db, event.webhookEventId);
    expect((row.payload.message as { text: string }).text).toBe('夏目漱石');
    expect(row.status).toBe('done');
    expect(line.replies()).toHaveLength(1);
  });

  it('a text with a lone UTF-16 surrogate answers 200 and does not spoil the other events of its body', async () => {
    const odd = textEvent(lineUserId('surrogate'), '半分\ud800だけ');
    const plain = textEvent(lineUserId('surrogate-neighbour'), 'こんにちは');
    const body = webhookBody([odd, plain]);
    expect(body).toContain('\\ud800');
    expect((await postWebhook(rt.app, body)).status).toBe(200);
    await rt.worker.kick();
    const row = await inboxRow(rt.db, odd.webhookEventId);
    expect((row.payload.message as { text: string }).text).toBe('半分\ufffdだけ');
    expect(new Set(line.replies().map((c) => c.replyToken))).toEqual(new Set([odd.replyToken, plain.replyToken]));
  });

  it('answers a 10-event body well within the 2 s LINE allows (contract bound), and all are answered', async () => {
    const events = Array.from({ length: 10 }, (_, i) => textEvent(lineUserId(`busy-${i}`), `本 ${i}`));
    const body = webhookBody(events);
    const started = performance.now();
    const res = await postWebhook(rt.app, body);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(2000);

    await rt.worker.kick();
    expect(new Set(line.replies().map((c) => c.replyToken))).toEqual(new Set(events.map((e) => e.replyToken)));
    expect(line.calls).toHaveLength(10);
  });
});
