import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyLineError, lineMessenger } from '../../src/line/messenger.js';
import { linePoster } from '../../src/line/line-post.js';
import { ACCESS_TOKEN, LINE_API } from '../helpers/line.js';
import { lineApi } from '../setup/msw.js';

interface Seen {
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

function recordLine(answer: () => Response = () => HttpResponse.json({ sentMessages: [] })): Seen[] {
  const seen: Seen[] = [];
  lineApi.use(
    http.post(`${LINE_API}/v2/bot/message/:kind`, async ({ request }) => {
      seen.push({
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body: await request.json(),
      });
      return answer();
    }),
  );
  return seen;
}

describe('replies and pushes on kept-alive connections (line-post.ts)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends what the SDK would: the token, JSON, the retry key on a push; without fetch', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const seen = recordLine();
    const messenger = lineMessenger({ channelAccessToken: ACCESS_TOKEN, apiBaseUrl: LINE_API });
    await messenger.reply('reply-token-1', [{ type: 'text', text: '予約を受け付けました' }]);
    await messenger.push(
      'Uabc',
      [{ type: 'text', text: 'ご用意ができました' }],
      '123e4567-e89b-12d3-a456-426614174000',
    );
    expect(seen.map((s) => s.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
    expect(seen[0]!.body).toEqual({
      replyToken: 'reply-token-1',
      messages: [{ type: 'text', text: '予約を受け付けました' }],
    });
    expect(seen[1]!.body).toEqual({ to: 'Uabc', messages: [{ type: 'text', text: 'ご用意ができました' }] });
    for (const s of seen) {
      expect(s.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(s.headers['content-type']).toBe('application/json');
    }
    expect(seen[0]!.headers['x-line-retry-key']).toBeUndefined();
    expect(seen[1]!.headers['x-line-retry-key']).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it(
    "LINE's refusals read as the SDK's: a spent reply " + 'token, a rate limit with Retry-After, a server error',
    async () => {
      const answers = [
        HttpResponse.json({ message: 'Invalid reply token' }, { status: 400 }),
        HttpResponse.json(
          { message: 'The API rate limit has been exceeded.' },
          { status: 429, headers: { 'Retry-After': '30' } },
        ),
        HttpResponse.json({ message: 'Internal error' }, { status: 500 }),
      ];
      recordLine(() => answers.shift()!);
      const messenger = lineMessenger({ channelAccessToken: ACCESS_TOKEN, apiBaseUrl: LINE_API });
      const failure = (p: Promise<void>) =>
        p.then(
          () => expect.unreachable('LINE refused it'),
          (e: unknown) => classifyLineError(e),
        );
      expect(await failure(messenger.reply('spent', [{ type: 'text', text: 'x' }]))).toEqual({
        outcome: 'invalid_token',
        status: 400,
      });
      expect(await failure(messenger.reply('busy', [{ type: 'text', text: 'x' }]))).toEqual({
        outcome: 'retry',
        status: 429,
        retryAfterMs: 30_000,
      });
      expect(await failure(messenger.reply('down', [{ type: 'text', text: 'x' }]))).toEqual({
        outcome: 'retry',
        status: 500,
      });
    },
  );

  it('a LINE that never answers fails the call after the timeout (to be retried), it does not hang', async () => {
    lineApi.use(
      http.post(`${LINE_API}/v2/bot/message/reply`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const post = linePoster({ channelAccessToken: ACCESS_TOKEN, apiBaseUrl: LINE_API, timeoutMs: 200 });
    const err = await post('/v2/bot/message/reply', { replyToken: 't', messages: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(err)).toContain('did not answer within 200 ms');
    expect(classifyLineError(err)).toEqual({ outcome: 'retry', status: null });
  });

  it('a kept-alive connection LINE closed as it was reused: sent again once on a new one, and delivered', async () => {
    // A real socket: msw's interception has no connections to reuse.
    lineApi.close();
    const perConnection = new Map<unknown, number>();
    let answered = 0;
    const server = createServer((req, res) => {
      const n = (perConnection.get(req.socket) ?? 0) + 1;
      perConnection.set(req.socket, n);
      req.resume();
      req.on('end', () => {
        if (n === 2) return void req.socket.destroy();
        answered++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"sentMessages":[]}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const post = linePoster({
        channelAccessToken: ACCESS_TOKEN,
        apiBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      await post('/v2/bot/message/reply', { replyToken: 'first', messages: [] });
      await post('/v2/bot/message/reply', { replyToken: 'second', messages: [] });
      expect(answered).toBe(2);
      expect(perConnection.size).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      lineApi.listen({ onUnhandledFrame: 'error' });
    }
  });
});
