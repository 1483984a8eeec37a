import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptedCall {
  /** The reply token of a reply; '' for a push. */
  replyToken: string;
  /** The user of a push; '' for a reply. */
  to: string;
  retryKey: string;
  /** The messages as JSON text, for finding what they answer. */
  text: string;
  /** When it was accepted (Date.now()). */
  at: number;
}

/**
 * LINE's reply, push and link-token endpoints on 127.0.0.1 for a child process (msw cannot reach
 * it): records every accepted call; a repeated push retry key gets 409, as LINE answers. With
 * `strictReplyTokens`, a reply token is good only once and only for a minute after `issue()`
 * (LINE's rule), anything else 400 "Invalid reply token", so a repeated reply shows as a refusal.
 * `failReplyEvery: n` answers every n-th reply 500 without taking it (a LINE hiccup): the sender
 * retries that answer later by push.
 */
export async function fakeLineReplies(opts: { strictReplyTokens?: boolean; failReplyEvery?: number } = {}): Promise<{
  url: string;
  replies: string[];
  pushes: { to: string; retryKey: string }[];
  /** Every accepted reply and push, in order. */
  accepted: AcceptedCall[];
  /** A reply token LINE handed out now (strictReplyTokens). */
  issue(replyToken: string): void;
  close(): Promise<void>;
}> {
  const replies: string[] = [];
  const pushes: { to: string; retryKey: string }[] = [];
  const accepted: AcceptedCall[] = [];
  const keys = new Set<string>();
  const issued = new Map<string, number>();
  const used = new Set<string>();
  let replyCalls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8') || '{}';
      const body = JSON.parse(raw) as { replyToken?: string; to?: string; messages?: unknown[] };
      const text = JSON.stringify(body.messages ?? []);
      const json = (status: number, b: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(b));
      if (req.url === '/v2/bot/message/reply') {
        const token = body.replyToken ?? '';
        if (opts.strictReplyTokens) {
          const at = issued.get(token);
          if (at === undefined || used.has(token) || Date.now() - at > 60_000)
            return json(400, { message: 'Invalid reply token' });
        }
        if (opts.failReplyEvery && ++replyCalls % opts.failReplyEvery === 0)
          return json(500, { message: 'Internal server error' });
        used.add(token);
        replies.push(token);
        accepted.push({ replyToken: token, to: '', retryKey: '', text, at: Date.now() });
        return json(200, { sentMessages: [] });
      }
      if (req.url === '/v2/bot/message/push') {
        const key = String(req.headers['x-line-retry-key'] ?? '');
        if (keys.has(key)) return json(409, { message: 'The retry key is already accepted' });
        keys.add(key);
        pushes.push({ to: body.to ?? '', retryKey: key });
        accepted.push({ replyToken: '', to: body.to ?? '', retryKey: key, text, at: Date.now() });
        return json(200, { sentMessages: [] });
      }
      if (req.method === 'POST' && /^\/v2\/bot\/user\/[^/]+\/linkToken$/.test(req.url ?? ''))
        return json(200, { linkToken: `lt${Math.random().toString(36).slice(2)}` });
      if (req.url?.startsWith('/v2/bot/user/') && req.url.includes('/richmenu')) return json(200, {});
      json(404, { message: 'Not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    pushes,
    accepted,
    issue: (token) => void issued.set(token, Date.now()),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
