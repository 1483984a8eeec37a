/**
 * The fake LINE API of bench:webhook, on a thread of its own: its work (reading every reply the
 * servers send) no longer delays the load generator's event loop, where ack times are taken.
 * Notes when each reply token was answered (absolute ms: performance.timeOrigin + now) and posts
 * them to the main thread in batches. The reply token is read from the start of the body rather
 * than by parsing the whole of it (a result carousel is ~12 KB): the bench's own CPU is taken from
 * the server under test, on two cores, and LINE's parsing is not the server's cost. Link tokens are
 * answered like LINE; anything else `{}`.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';

const REPLY_TOKEN = /"replyToken"\s*:\s*"([^"]+)"/;
let answered: [string, number][] = [];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/v2/bot/message/reply') {
      const token = REPLY_TOKEN.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
      if (token) answered.push([token, performance.timeOrigin + performance.now()]);
    }
    // ご利用状況 from a user not logged in asks LINE for a link token first.
    const answer = req.url?.endsWith('/linkToken')
      ? `{"linkToken":"${randomBytes(16).toString('hex')}"}`
      : '{"sentMessages":[]}';
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  });
});
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
setInterval(() => {
  if (answered.length === 0) return;
  parentPort!.postMessage({ answered });
  answered = [];
}, 10);
