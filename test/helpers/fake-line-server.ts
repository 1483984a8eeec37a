import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * LINE's push endpoint as a real HTTP server on 127.0.0.1, for what msw cannot reach: child
 * processes and the benchmark. Like LINE, it remembers the retry keys it accepted and answers a
 * repeated one with 409 (nothing is delivered twice). `failEvery: n` answers every n-th new push
 * 500 without accepting it, to make senders retry.
 */
export interface AcceptedPush {
  to: string;
  retryKey: string;
  messages: unknown[];
}

export interface FakeLineServer {
  /** The origin to use as LINE_API_BASE_URL. */
  url: string;
  accepted: AcceptedPush[];
  /** Every answer given, in order. */
  statuses: number[];
  close(): Promise<void>;
}

export async function startFakeLineServer(opts: { failEvery?: number } = {}): Promise<FakeLineServer> {
  const accepted: AcceptedPush[] = [];
  const statuses: number[] = [];
  const keys = new Set<string>();
  let fresh = 0;
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    statuses.push(status);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v2/bot/message/push')
        return answer(res, 404, { message: 'Not found' });
      const key = String(req.headers['x-line-retry-key'] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: string; messages?: unknown[] };
      if (key && keys.has(key)) return answer(res, 409, { message: 'The retry key is already accepted' });
      fresh++;
      if (opts.failEvery && fresh % opts.failEvery === 0) return answer(res, 500, { message: 'Internal server error' });
      if (key) keys.add(key);
      accepted.push({ to: body.to ?? '', retryKey: key, messages: body.messages ?? [] });
      answer(res, 200, { sentMessages: (body.messages ?? []).map((_, i) => ({ id: String(i + 1), quoteToken: 'q' })) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    statuses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
