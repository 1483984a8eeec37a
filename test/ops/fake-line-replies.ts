import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * LINE's reply and push endpoints on 127.0.0.1 for a child process (msw cannot reach it): records
 * every accepted call; a repeated push retry key gets 409, as LINE answers.
 */
export async function fakeLineReplies(): Promise<{
  url: string;
  replies: string[];
  pushes: { to: string; retryKey: string }[];
  close(): Promise<void>;
}> {
  const replies: string[] = [];
  const pushes: { to: string; retryKey: string }[] = [];
  const keys = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { replyToken?: string; to?: string };
      const json = (status: number, b: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(b));
      if (req.url === '/v2/bot/message/reply') {
        replies.push(body.replyToken ?? '');
        return json(200, { sentMessages: [] });
      }
      if (req.url === '/v2/bot/message/push') {
        const key = String(req.headers['x-line-retry-key'] ?? '');
        if (keys.has(key)) return json(409, { message: 'The retry key is already accepted' });
        keys.add(key);
        pushes.push({ to: body.to ?? '', retryKey: key });
        return json(200, { sentMessages: [] });
      }
      json(404, { message: 'Not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    pushes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
