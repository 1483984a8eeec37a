import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Executor } from '../db/executor.js';
import { isFollowing, linkedPatronId } from '../db/line-users.js';
import type { Language } from '../lib/language.js';
import { linkedMenuAlias } from '../line/rich-menus.js';
import { errorText, type Logger } from '../log.js';
import type { StandInChannel } from './channel.js';
import type { ChatMenu } from './menus.js';
import { chatPage } from './page.js';
import { heldForQuietHours, quietHoursNote } from './quiet-hours.js';
import type { Entry, Signal } from './transcript.js';
import { isDevChatUser } from './users.js';

export interface ChatRoutesDeps {
  channel: StandInChannel;
  db: Executor;
  menus: readonly ChatMenu[];
  /** The runtime's jobs, in the order `run jobs now` runs them. */
  jobNames: readonly string[];
  runJob: (name: string) => Promise<number>;
  log: Logger;
  /**
   * The language the bot speaks with a user (issue 28), for the menu to put back after a restart;
   * Japanese when absent.
   */
  userLanguage?: (lineUserId: string) => Promise<Language>;
  /** The app's clock: whether quiet hours hold the pushes back (real time when absent). */
  clock?: () => Date;
}

/** How the chat names the jobs it ran; a job added later shows under its own name. */
const JOB_LABELS: Record<string, string> = {
  'promote-holds': '予約確定',
  'expire-holds': '取置期限切れ',
  'send-reminders': '返却日のお知らせ',
  'pause-holds': '予約の一時停止・不要日',
  'overdue-notices': '延滞のお知らせ',
  'deliver-notices': '通知送信',
};
const KEEPALIVE_MS = 20_000;
const MAX_TEXT = 5000;
const MAX_DATA = 300;

/**
 * The chat page and what it calls: the event stream (Server-Sent Events), the patron's actions
 * (each becomes a signed webhook event), the jobs button and the rich menu images. POSTs take JSON
 * only: a cross-site form or a simple fetch cannot send application/json without a CORS preflight,
 * which this server never grants, so another site cannot act as a chat user.
 */
export function chatRoutes(deps: ChatRoutesDeps): Hono {
  const { channel } = deps;
  const app = new Hono();
  const opened = new Set<string>();

  // The page's one script carries a per-response nonce; Flex images may come from any https host.
  const page = (c: Context) => {
    const nonce = crypto.randomUUID().replaceAll('-', '');
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' https: data:; ` +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    c.header('Cache-Control', 'no-store');
    return c.html(
      chatPage({
        nonce,
        menus: deps.menus,
        defaultAlias: channel.defaultAlias,
        jobNames: deps.jobNames.map((n) => JOB_LABELS[n] ?? n),
      }),
    );
  };
  app.get('/', page);
  app.get('/chat', page);

  // Browsers ask for it; an empty answer keeps the console free of 404s.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/chat/richmenu/:file', (c) => {
    const menu = deps.menus.find((m) => `${m.alias}.png` === c.req.param('file'));
    if (!menu) return c.json({ error: { code: 'NOT_FOUND', message: 'no such menu' } }, 404);
    return c.body(new Uint8Array(menu.image), 200, { 'content-type': 'image/png', 'cache-control': 'no-cache' });
  });

  // Every entry after the page's Last-Event-ID (all of them on a first connect), then live ones.
  app.get('/chat/stream', (c) =>
    streamSSE(c, async (stream) => {
      let last = Number(c.req.header('last-event-id') ?? 0) || 0;
      let chain = Promise.resolve();
      const write = (e: Entry | Signal | { kind: 'ready' }) => {
        chain = chain
          .then(() => {
            if ('seq' in e) {
              if (e.seq <= last) return;
              last = e.seq;
              return stream.writeSSE({ id: String(e.seq), event: 'entry', data: JSON.stringify(e) });
            }
            return stream.writeSSE({ event: e.kind === 'ready' ? 'ready' : 'signal', data: JSON.stringify(e) });
          })
          .catch(() => {});
      };
      const unsubscribe = channel.transcript.subscribe(write);
      stream.onAbort(unsubscribe);
      for (const e of channel.transcript.since(last)) write(e);
      write({ kind: 'ready' });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(KEEPALIVE_MS);
        chain = chain
          .then(() => stream.write(': keepalive\n\n'))
          .then(
            () => {},
            () => {},
          );
      }
      unsubscribe();
    }),
  );

  app.use('/chat/*', async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'JSON only' } }, 415);
    }
    await next();
  });

  // The page opened a user: on the first open in this process, LINE's follow event (unless the
  // bot already knows the user), and the rich menu the bot linked before a restart.
  app.post('/chat/open', async (c) => {
    const user = (await body(c)).user;
    if (!isDevChatUser(user)) return badRequest(c);
    if (opened.has(user)) return c.json({ ok: true });
    opened.add(user);
    const shownBefore = channel.transcript.hasUser(user);
    // The stand-in forgets per-user menus on restart; LINE would not. The bot's own record of the
    // login and of the user's language is the truth the bot acted on, so the menu follows it.
    if (!channel.linkedRichMenuId(user)) {
      const which = (await linkedPatronId(deps.db, user)) ? 'logged-in' : 'logged-out';
      const alias = linkedMenuAlias(which, (await deps.userLanguage?.(user)) ?? 'ja');
      const id = alias === undefined ? undefined : channel.richMenuIdOf(alias);
      if (id) channel.linkRichMenu(user, id);
    }
    if (!(await isFollowing(deps.db, user))) await channel.send(user, { type: 'follow' });
    else if (!shownBefore)
      channel.transcript.add({ kind: 'note', user, text: 'これより前の会話はサーバーの再起動で消えました' });
    return c.json({ ok: true });
  });

  app.post('/chat/send', async (c) => {
    const b = await body(c);
    if (!isDevChatUser(b.user)) return badRequest(c);
    if (b.type === 'text' && typeof b.text === 'string' && b.text.trim() !== '' && b.text.length <= MAX_TEXT) {
      return c.json({ ok: await channel.send(b.user, { type: 'text', text: b.text }, b.text) });
    }
    if (b.type === 'postback' && typeof b.data === 'string' && b.data.length > 0 && b.data.length <= MAX_DATA) {
      const shown = typeof b.displayText === 'string' ? b.displayText.slice(0, MAX_DATA) : undefined;
      return c.json({ ok: await channel.send(b.user, { type: 'postback', data: b.data }, shown) });
    }
    return badRequest(c);
  });

  // Runs every job as the scheduler would, at the app's `now`; pushes they send reach the page.
  app.post('/chat/jobs', async (c) => {
    channel.transcript.add({ kind: 'note', user: null, text: 'ジョブを今すぐ実行します' });
    const results: { job: string; label: string; processed: number | null }[] = [];
    // Notices go out last, so that what the other jobs wrote reaches the chat with this click.
    const order = [
      ...deps.jobNames.filter((j) => j !== 'deliver-notices'),
      ...deps.jobNames.filter((j) => j === 'deliver-notices'),
    ];
    for (const job of order) {
      let processed: number | null = null;
      try {
        processed = await deps.runJob(job);
      } catch (err) {
        deps.log.error('dev chat: job failed', { job, error: errorText(err) });
      }
      results.push({ job, label: JOB_LABELS[job] ?? job, processed });
    }
    const summary = results.map((r) => `${r.label} ${r.processed === null ? '失敗' : `${r.processed}件`}`).join('・');
    channel.transcript.add({ kind: 'note', user: null, text: `ジョブ実行結果：${summary}` });
    const held = await heldForQuietHours(deps.db, deps.clock?.() ?? new Date());
    const quietHours = held ? quietHoursNote(held) : undefined;
    if (quietHours) channel.transcript.add({ kind: 'note', user: null, text: quietHours });
    return c.json({ results, ...(quietHours ? { quietHours } : {}) });
  });

  return app;
}

async function body(c: Context): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await c.req.json();
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const badRequest = (c: Context) =>
  c.json({ error: { code: 'BAD_REQUEST', message: 'unknown user or malformed action' } }, 400);
