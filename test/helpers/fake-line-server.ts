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
  /** Multicasts accepted (announcements), and every multicast call's retry key in order. */
  multicasts: { to: string[]; retryKey: string; messages: unknown[] }[];
  multicastKeys: string[];
  close(): Promise<void>;
}

export async function startFakeLineServer(
  opts: { failEvery?: number; failMulticastCalls?: number[]; quota?: number } = {},
): Promise<FakeLineServer> {
  const accepted: AcceptedPush[] = [];
  const multicasts: FakeLineServer['multicasts'] = [];
  const multicastKeys: string[] = [];
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
      // Announcements: multicast with a retry key (the n-th calls in failMulticastCalls answer 500), and the quota.
      if (req.method === 'GET' && req.url === '/v2/bot/message/quota')
        return answer(res, 200, { type: 'limited', value: opts.quota ?? 1000 });
      if (req.method === 'GET' && req.url === '/v2/bot/message/quota/consumption')
        return answer(res, 200, { totalUsage: multicasts.reduce((n, m) => n + m.to.length, 0) });
      if (req.method === 'POST' && req.url === '/v2/bot/message/multicast') {
        const key = String(req.headers['x-line-retry-key'] ?? '');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: string[]; messages?: unknown[] };
        multicastKeys.push(key);
        if (opts.failMulticastCalls?.includes(multicastKeys.length))
          return answer(res, 500, { message: 'Internal server error' });
        if (key && keys.has(key)) return answer(res, 409, { message: 'The retry key is already accepted' });
        if (key) keys.add(key);
        multicasts.push({ to: body.to ?? [], retryKey: key, messages: body.messages ?? [] });
        return answer(res, 200, {});
      }
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
    multicasts,
    multicastKeys,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
