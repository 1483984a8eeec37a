import { devChatUserLanguage } from './users.js';
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { limitViolations } from '../line/limits.js';
import type { Logger } from '../log.js';
import type { StandInChannel } from './channel.js';

const USER_ID = /^U[0-9a-f]{32}$/;
const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Status = 400 | 401 | 404 | 409;
const refuse = (c: Context, status: Status, message: string, details?: string[]) =>
  c.json({ message, ...(details ? { details: details.map((d) => ({ message: d })) } : {}) }, status);

const sentMessages = (messages: unknown[]) =>
  messages.map(() => ({
    id: String(Date.now()) + randomBytes(2).readUInt16BE(),
    quoteToken: randomBytes(16).toString('base64url'),
  }));

async function jsonBody(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const v: unknown = await c.req.json();
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What LINE would refuse in a messages array: shape, then the limits line/limits.ts knows. */
function messageProblems(messages: unknown): string[] {
  if (!Array.isArray(messages) || messages.length === 0) return ['messages must be a non-empty array'];
  if (messages.some((m) => typeof m !== 'object' || m === null || typeof (m as { type?: unknown }).type !== 'string'))
    return ['every message needs a type'];
  return limitViolations(messages);
}

/**
 * The Messaging API endpoints this bot calls, answered the way api.line.me answers them: reply
 * (a reply token is good once), push (X-Line-Retry-Key: 409 for a key already accepted), link
 * tokens, rich menu aliases and per-user links, the loading animation, and multicast with its
 * quota. They sit at LINE's own paths (/v2/bot/…) because the SDK resolves those against the base
 * URL's origin, dropping any path.
 * A message LINE would refuse (line/limits.ts) is refused here too, so a bug shows in development.
 */
export function messagingApiStandIn(channel: StandInChannel, log: Logger): Hono {
  const app = new Hono();
  let multicastMessages = 0;

  app.use('/v2/bot/*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${channel.accessToken}`) {
      return refuse(
        c,
        401,
        'Authentication failed. Confirm that the access token in the authorization header is valid.',
      );
    }
    await next();
  });

  app.post('/v2/bot/message/reply', async (c) => {
    const body = await jsonBody(c);
    const problems = messageProblems(body?.messages);
    const token = typeof body?.replyToken === 'string' ? body.replyToken : '';
    if (problems.length > 0) {
      const owner = channel.replyTokenUser(token);
      if (owner) channel.refused(owner, problems);
      return refuse(c, 400, `The request body has ${problems.length} error(s)`, problems);
    }
    const user = channel.takeReplyToken(token);
    if (!user) return refuse(c, 400, 'Invalid reply token');
    const messages = body!.messages as unknown[];
    channel.deliver(user, messages, 'reply');
    return c.json({ sentMessages: sentMessages(messages) });
  });

  app.post('/v2/bot/message/push', async (c) => {
    const body = await jsonBody(c);
    const retryKey = c.req.header('x-line-retry-key');
    if (retryKey !== undefined && !RETRY_KEY.test(retryKey))
      return refuse(c, 400, 'The value of X-Line-Retry-Key header is invalid');
    const problems = messageProblems(body?.messages);
    const to = typeof body?.to === 'string' && USER_ID.test(body.to) ? body.to : undefined;
    if (!to) problems.unshift("The property, 'to', in the request body is invalid");
    else if (problems.length > 0) channel.refused(to, problems);
    if (problems.length > 0) return refuse(c, 400, `The request body has ${problems.length} error(s)`, problems);
    const messages = body!.messages as unknown[];
    if (retryKey !== undefined && !channel.acceptRetryKey(retryKey)) {
      return c.json({ message: 'The retry key is already accepted', sentMessages: sentMessages(messages) }, 409);
    }
    channel.deliver(to!, messages, 'push');
    return c.json({ sentMessages: sentMessages(messages) });
  });

  // Announcements (staff console): up to 500 users a call, a retry key as for push, and a quota without limit.
  app.post('/v2/bot/message/multicast', async (c) => {
    const body = await jsonBody(c);
    const retryKey = c.req.header('x-line-retry-key');
    if (retryKey !== undefined && !RETRY_KEY.test(retryKey))
      return refuse(c, 400, 'The value of X-Line-Retry-Key header is invalid');
    const problems = messageProblems(body?.messages);
    const to = Array.isArray(body?.to) ? (body.to as unknown[]) : [];
    if (to.length === 0 || to.length > 500 || !to.every((u) => typeof u === 'string' && USER_ID.test(u)))
      problems.unshift("The property, 'to', in the request body is invalid");
    if (problems.length > 0) return refuse(c, 400, `The request body has ${problems.length} error(s)`, problems);
    if (retryKey !== undefined && !channel.acceptRetryKey(retryKey))
      return c.json({ message: 'The retry key is already accepted' }, 409);
    for (const user of to as string[]) channel.deliver(user, body!.messages as unknown[], 'push');
    multicastMessages += to.length;
    return c.json({});
  });
  app.get('/v2/bot/message/quota', (c) => c.json({ type: 'none' }));
  app.get('/v2/bot/message/quota/consumption', (c) => c.json({ totalUsage: multicastMessages }));

  app.post('/v2/bot/user/:userId/linkToken', (c) => {
    const user = c.req.param('userId');
    if (!USER_ID.test(user)) return refuse(c, 400, 'The value of userId is invalid');
    return c.json({ linkToken: channel.issueLinkToken(user) });
  });

  app.get('/v2/bot/profile/:userId', (c) => {
    const userId = c.req.param('userId');
    const language = devChatUserLanguage(userId);
    return language ? c.json({ userId, displayName: userId, language }) : refuse(c, 404, 'Not found');
  });

  app.get('/v2/bot/richmenu/alias/:aliasId', (c) => {
    const richMenuAliasId = c.req.param('aliasId');
    const richMenuId = channel.richMenuIdOf(richMenuAliasId);
    return richMenuId ? c.json({ richMenuAliasId, richMenuId }) : refuse(c, 404, 'Not found');
  });

  app.get('/v2/bot/user/:userId/richmenu', (c) => {
    const richMenuId = channel.linkedRichMenuId(c.req.param('userId'));
    return richMenuId ? c.json({ richMenuId }) : refuse(c, 404, 'the user has no richmenu');
  });

  app.post('/v2/bot/user/:userId/richmenu/:richMenuId', (c) => {
    const user = c.req.param('userId');
    if (!USER_ID.test(user)) return refuse(c, 400, 'The value of userId is invalid');
    return channel.linkRichMenu(user, c.req.param('richMenuId')) ? c.json({}) : refuse(c, 400, 'richmenu not found');
  });

  app.delete('/v2/bot/user/:userId/richmenu', (c) => {
    return channel.unlinkRichMenu(c.req.param('userId')) ? c.json({}) : refuse(c, 404, 'Not found');
  });

  // LINE's loading animation: the page shows it as the typing indicator, for at most 60 seconds.
  app.post('/v2/bot/chat/loading/start', async (c) => {
    const body = await jsonBody(c);
    const seconds = typeof body?.loadingSeconds === 'number' ? body.loadingSeconds : 20;
    if (typeof body?.chatId !== 'string' || !USER_ID.test(body.chatId) || seconds < 5 || seconds > 60)
      return refuse(c, 400, 'The request body has 1 error(s)');
    channel.typing(body.chatId, true, seconds * 1000);
    return c.json({}, 202);
  });

  app.all('/v2/bot/*', (c) => {
    log.warn('dev chat: the LINE stand-in has no such endpoint', { method: c.req.method, path: c.req.path });
    return refuse(c, 404, 'Not found');
  });

  return app;
}
