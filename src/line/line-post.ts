import { HTTPFetchError } from '@line/bot-sdk';
import { SEND_DEADLINE_MS } from '../conversation/ports.js';
import http from 'node:http';
import https from 'node:https';

/**
 * POSTs JSON to the Messaging API over kept-alive node:http(s) connections, for the two calls
 * made for nearly every event (reply and push). The SDK's client sends with fetch, whose request,
 * response and stream objects cost more CPU than everything else the inbox thread does for a
 * search answer (bench:webhook, V8 profile of the inbox thread: undici and web streams 23% of its
 * time, before garbage collection). The rest of the API (rich menus, link tokens) stays on the SDK.
 *
 * A status outside 2xx rejects with the SDK's HTTPFetchError, carrying what the SDK's would
 * (status, headers, body), so classifyLineError reads both alike.
 */
export type LinePost = (path: string, body: unknown, headers?: Record<string, string>) => Promise<string>;

/**
 * A call LINE has not answered by then is abandoned (its connection closed) and fails like a
 * dropped connection: retried later, a push with the same retry key, so nothing is lost or doubled.
 */
export const LINE_CALL_TIMEOUT_MS = SEND_DEADLINE_MS;

class LineTimeoutError extends Error {
  constructor(ms: number) {
    super(`LINE did not answer within ${ms} ms`);
    this.name = 'LineTimeoutError';
  }
}

export function linePoster(opts: { channelAccessToken: string; apiBaseUrl: string; timeoutMs?: number }): LinePost {
  const base = new URL(opts.apiBaseUrl);
  const secure = base.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const send = secure ? https.request : http.request;
  const timeoutMs = opts.timeoutMs ?? LINE_CALL_TIMEOUT_MS;
  const authorization = `Bearer ${opts.channelAccessToken}`;
  const attempt = (path: string, payload: string, headers: Record<string, string>, again: boolean): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const req = send(
        new URL(path, base),
        {
          method: 'POST',
          agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization,
            'user-agent': 'kamagaya-library-line',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(text);
            const statusText = res.statusMessage ?? '';
            reject(
              new HTTPFetchError(`${status} - ${statusText}`, {
                status,
                statusText,
                headers: responseHeaders(res.headers),
                body: text,
              }),
            );
          });
        },
      );
      // A deadline for the whole call, not for idleness: a LINE that trickles an answer is abandoned too.
      const deadline = setTimeout(() => req.destroy(new LineTimeoutError(timeoutMs)), timeoutMs);
      req.on('close', () => clearTimeout(deadline));
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the other end closed just as it was reused: sent again once on
        // a new one. Safe for both calls: LINE takes a reply token once and a push's retry key once.
        if (again && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE'))
          return resolve(attempt(path, payload, headers, false));
        reject(err);
      });
      req.end(payload);
    });
  return (path, body, headers = {}) => attempt(path, JSON.stringify(body), headers, true);
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) h.append(name, v);
  }
  return h;
}
