import { Hono } from 'hono';
import { html } from 'hono/html';
import type { StandInChannel } from './channel.js';

/** Where LINE_ACCESS_BASE_URL points in dev chat mode (the login page redirects below it). */
export const ACCESS_PREFIX = '/__line-access';

const CSS = `body{margin:0;font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;
  background:#fff;color:#111}
header{background:#06c755;color:#fff;font-weight:700;padding:12px 16px}
main{max-width:480px;margin:0 auto;padding:32px 20px;text-align:center}
.mark{font-size:56px;line-height:1;color:#06c755}.mark.ng{color:#b3261e}
h1{font-size:20px;margin:16px 0 8px}p{margin:0 0 20px;color:#444}
a{display:block;padding:14px;border-radius:8px;background:#06c755;color:#fff;font-weight:700;text-decoration:none}`;

function page(ok: boolean, title: string, body: string) {
  return html`<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>LINE</title><style>${CSS}</style></head>
<body><header>LINE</header><main><div class="mark${ok ? '' : ' ng'}">${ok ? '✓' : '!'}</div>
<h1>${title}</h1><p>${body}</p><a href="/chat">チャットに戻る</a></main></body></html>`;
}

/**
 * LINE's account-link dialog (`/dialog/bot/accountLink?linkToken=…&nonce=…`). On LINE the patron
 * sees nothing here: LINE checks the link token and sends the `accountLink` event to the bot. The
 * stand-in does the same, signed to /webhook like every event, and waits until the webhook took it,
 * so the chat has the answer by the time the patron goes back.
 */
export function accessDialogStandIn(channel: StandInChannel): Hono {
  const app = new Hono();
  app.use(`${ACCESS_PREFIX}/*`, async (c, next) => {
    await next();
    c.res.headers.set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    );
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get(`${ACCESS_PREFIX}/dialog/bot/accountLink`, async (c) => {
    const linkToken = c.req.query('linkToken') ?? '';
    const nonce = c.req.query('nonce') ?? '';
    const issued = linkToken ? channel.useLinkToken(linkToken) : undefined;
    if (!issued || nonce.length === 0 || nonce.length > 255) {
      return c.html(
        page(false, 'このリンクは無効です', 'チャットに戻って、もう一度「ログイン」からお試しください。'),
        400,
      );
    }
    // An expired or reused link token: LINE still tells the bot, with result "failed".
    const result = issued.valid ? 'ok' : 'failed';
    const sent = await channel.send(issued.user, { type: 'accountLink', result, nonce });
    if (!sent || result === 'failed') {
      return c.html(
        page(false, '連携できませんでした', 'チャットに戻って、もう一度「ログイン」からお試しください。'),
        sent ? 200 : 502,
      );
    }
    return c.html(page(true, 'ログインしました。チャットに戻ってください', 'LINEのトークに結果が届いています。'));
  });

  app.all(`${ACCESS_PREFIX}/*`, (c) => c.json({ error: { code: 'NOT_FOUND', message: 'no such path' } }, 404));
  return app;
}
