import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { formSecret } from '../../src/http/page-security.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import type { InboxProcessor } from '../../src/inbox/thread.js';
import type { Messenger } from '../../src/conversation/ports.js';
import { lineMessenger } from '../../src/line/messenger.js';
import { rememberSecret, testLog } from './test-log.js';
import { buildRuntime } from '../../src/runtime.js';
import { testDatabase } from './database.js';

/** What the tests configure: the channel secret signs bodies, the token goes to LINE. */
export const CHANNEL_SECRET = 'test-channel-secret';
export const ACCESS_TOKEN = 'test-token';
rememberSecret('the channel secret', CHANNEL_SECRET);
rememberSecret('the channel access token', ACCESS_TOKEN);
/** The real Messaging API host: msw intercepts it, nothing leaves the process. */
export const LINE_API = 'https://api.line.me';

/** A LINE user id (U + 32 lowercase hex), the same for the same seed. */
export function lineUserId(seed: string): string {
  return `U${createHash('md5').update(seed).digest('hex')}`;
}

/** The bot's own user id, as LINE puts it in `destination`. */
export const BOT_USER_ID = lineUserId('the library bot');

/** A fresh webhookEventId in LINE's shape (a 26-character ULID). */
export function newEventId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `01${Array.from(randomBytes(24), (b) => alphabet[b % 32]).join('')}`;
}

export function newReplyToken(): string {
  return randomBytes(16).toString('hex');
}

/** x-line-signature: base64 HMAC-SHA256 of the raw body under the channel secret. */
export function sign(body: string | Buffer, secret = CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface EventOptions {
  webhookEventId?: string;
  replyToken?: string;
  /** Milliseconds since the epoch; default now. */
  timestamp?: number;
  mode?: 'active' | 'standby';
  isRedelivery?: boolean;
}

/** One webhook event as LINE sends it; `webhookEventId` is always there for the tests to find it. */
export type LineEvent = { type: string; webhookEventId: string; replyToken?: string } & Record<string, unknown>;

function envelope(type: string, userId: string, o: EventOptions, withReplyToken: boolean): LineEvent {
  return {
    type,
    mode: o.mode ?? 'active',
    timestamp: o.timestamp ?? Date.now(),
    source: { type: 'user', userId },
    webhookEventId: o.webhookEventId ?? newEventId(),
    deliveryContext: { isRedelivery: o.isRedelivery ?? false },
    ...(withReplyToken ? { replyToken: o.replyToken ?? newReplyToken() } : {}),
  };
}

export function textEvent(userId: string, text: string, o: EventOptions = {}): LineEvent {
  return {
    ...envelope('message', userId, o, true),
    message: {
      id: String(Date.now()) + String(randomBytes(2).readUInt16BE()),
      type: 'text',
      quoteToken: newReplyToken(),
      text,
    },
  };
}

export function followEvent(userId: string, o: EventOptions = {}): LineEvent {
  return { ...envelope('follow', userId, o, true), follow: { isUnblocked: false } };
}

/** Unfollow (block) carries no reply token: nothing can be said to a user who blocked. */
export function unfollowEvent(userId: string, o: EventOptions = {}): LineEvent {
  return envelope('unfollow', userId, o, false);
}

/** Any other event type (beacon, or one LINE adds later), with its own fields. */
export function otherEvent(
  type: string,
  userId: string,
  extra: Record<string, unknown> = {},
  o: EventOptions = {},
): LineEvent {
  return { ...envelope(type, userId, o, true), ...extra };
}

/** The raw body LINE would post. */
export function webhookBody(events: unknown[], destination = BOT_USER_ID): string {
  return JSON.stringify({ destination, events });
}

/**
 * POST /webhook with the raw body. `signature`: undefined = signed correctly, null = no header,
 * a string = sent as is.
 */
export async function postWebhook(
  app: Hono,
  body: string,
  opts: { signature?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const signature = opts.signature === undefined ? sign(body) : opts.signature;
  if (signature !== null) headers['x-line-signature'] = signature;
  return app.request('/webhook', { method: 'POST', headers, body });
}

export const testMessenger = (): Messenger => lineMessenger({ channelAccessToken: ACCESS_TOKEN, apiBaseUrl: LINE_API });

// ---------------------------------------------------------------------------------------------
// LINE, faked with msw

export interface LineMessage {
  type: string;
  text?: string;
}

export interface LineCall {
  endpoint: 'reply' | 'push';
  authorization: string | null;
  retryKey: string | null;
  replyToken: string | undefined;
  to: string | undefined;
  messages: LineMessage[];
  /** What the fake answered. */
  status: number;
}

export interface FakeLine {
  /** Every reply and push call, in the order they arrived. */
  readonly calls: LineCall[];
  replies(): LineCall[];
  pushes(): LineCall[];
  /** Requests to anything other than reply/push (they are answered with a network error). */
  readonly unexpected: string[];
  /** The statuses the next reply calls get, in order; afterwards 200. */
  answerReply(...statuses: number[]): void;
  /** The statuses the next push calls get, in order; afterwards 200. */
  answerPush(...statuses: number[]): void;
  /** Runs before each reply or push is answered (the call is already recorded and will be answered). */
  beforeAnswer(hook: (call: LineCall) => Promise<void> | void): void;
  /** The users whose LINE profile was asked for (a first contact's language), in order. */
  readonly profiles: string[];
  /** What a user's LINE profile says their language is (default: 'ja'; undefined: none). */
  profileLanguage(lineUserId: string, language: string | undefined): void;
}

const errorBody = (status: number, endpoint: 'reply' | 'push') => {
  if (status === 400 && endpoint === 'reply') return { message: 'Invalid reply token' };
  if (status === 409)
    return { message: 'The retry key is already accepted', sentMessages: [{ id: '1', quoteToken: 'q' }] };
  if (status === 429) return { message: 'The API rate limit has been exceeded. Try again later.' };
  if (status >= 500) return { message: 'Internal server error' };
  return { message: 'The request body has 1 error(s)' };
};

/**
 * Fakes LINE's reply and push endpoints on the real host and records every call. Register it in
 * each test (handlers are reset after each test). Anything else that goes out is recorded in
 * `unexpected` and fails as a network error.
 */
export function fakeLine(server: SetupServer): FakeLine {
  const calls: LineCall[] = [];
  const unexpected: string[] = [];
  const scripted: Record<'reply' | 'push', number[]> = { reply: [], push: [] };
  let before: (call: LineCall) => Promise<void> | void = () => {};
  const endpoint = (name: 'reply' | 'push') =>
    http.post(`${LINE_API}/v2/bot/message/${name}`, async ({ request }) => {
      const body = (await request.json()) as { replyToken?: string; to?: string; messages?: LineMessage[] };
      const status = scripted[name].shift() ?? 200;
      const call: LineCall = {
        endpoint: name,
        authorization: request.headers.get('authorization'),
        retryKey: request.headers.get('x-line-retry-key'),
        replyToken: body.replyToken,
        to: body.to,
        messages: body.messages ?? [],
        status,
      };
      calls.push(call);
      await before(call);
      if (status === 200)
        return HttpResponse.json({
          sentMessages: (body.messages ?? []).map((_, i) => ({ id: String(i + 1), quoteToken: newReplyToken() })),
        });
      return HttpResponse.json(errorBody(status, name), { status });
    });
  const profiles: string[] = [];
  const languages = new Map<string, string | undefined>();
  server.use(
    endpoint('reply'),
    endpoint('push'),
    // LINE's get-profile, for the language of a user met for the first time.
    http.get(`${LINE_API}/v2/bot/profile/:userId`, ({ params }) => {
      const userId = String(params.userId);
      profiles.push(userId);
      const language = languages.has(userId) ? languages.get(userId) : 'ja';
      return HttpResponse.json({ userId, displayName: 'LINE user', ...(language ? { language } : {}) });
    }),
    http.all('*', ({ request }) => {
      unexpected.push(`${request.method} ${request.url}`);
      return HttpResponse.error();
    }),
  );
  return {
    calls,
    unexpected,
    profiles,
    profileLanguage: (user, language) => void languages.set(user, language),
    replies: () => calls.filter((c) => c.endpoint === 'reply'),
    pushes: () => calls.filter((c) => c.endpoint === 'push'),
    answerReply: (...statuses) => void scripted.reply.push(...statuses),
    answerPush: (...statuses) => void scripted.push.push(...statuses),
    beforeAnswer: (hook) => {
      before = hook;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The app and the database

/**
 * The app, inbox worker and database as `npm start` wires them (buildRuntime), with the test
 * channel secret and a real LINE messenger. PGlite in memory by default; with DATABASE_URL, a new
 * database on that server (dropped by `close`).
 */
export async function lineRuntime(
  opts: { clock?: () => Date } = {},
): Promise<{ app: Hono; db: Kysely<DB>; worker: InboxProcessor; close(): Promise<void> }> {
  const server = process.env.DATABASE_URL ? await testDatabase() : undefined;
  const config = loadConfig({
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: LINE_API,
    DATABASE_URL: server?.url,
    SEED: 'none',
    CRON: 'off',
    LIBRARY_PROFILE: process.env.LIBRARY_PROFILE,
  });
  const rt = await buildRuntime(config, testLog, {
    pgliteInMemory: true,
    messenger: testMessenger(),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  return {
    app: rt.app,
    db: rt.database.db,
    worker: rt.worker,
    async close() {
      await rt.close();
      await server?.close();
    },
  };
}

/** The HTTP app alone over `db`; by default storing events starts nothing (no worker runs). */
export function webhookApp(db: Kysely<DB>, opts: { onEventsStored?: () => void; clock?: () => Date } = {}): Hono {
  return createApp({
    db,
    log: testLog,
    channelSecret: CHANNEL_SECRET,
    adminToken: undefined,
    loanPeriodDays: 14,
    jobs: { db, promoteHoldsHour: 9, deliverNotices: async () => 0 },
    onEventsStored: opts.onEventsStored ?? (() => {}),
    pages: {
      publicBaseUrl: 'http://localhost:3000',
      lineAccessBaseUrl: 'https://access.line.me',
      formSecret: formSecret(CHANNEL_SECRET),
    },
    mail: { mailFrom: 'yoyaku@library-kamagaya-chiba.jp', sendMailNow: async () => {} },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
}

/**
 * A database that survives being closed, to play a crash and a restart: PGlite in a temporary
 * directory, or (DATABASE_URL) one new database on that server. `open` may be called again after
 * the previous handle is closed; `dispose` removes it all.
 */
export async function reopenableDatabase(): Promise<{ open(): Promise<Database>; dispose(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const created = await testDatabase();
    let first = true;
    return {
      async open() {
        if (first) {
          first = false;
          // Closing this handle must not drop the database, as testDatabase's close does.
          return { db: created.db, ingest: created.db, kind: created.kind, close: () => created.db.destroy() };
        }
        return openDatabase({ databaseUrl: created.url });
      },
      dispose: () => created.close(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `line-inbox-${randomUUID().slice(0, 8)}-`));
  return {
    async open() {
      const database = await openDatabase({ pgliteDir: dir });
      await migrateToLatest(database.db);
      return database;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface InboxRowView {
  id: string;
  webhookEventId: string;
  lineUserId: string | null;
  eventType: string;
  mode: string;
  replyToken: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  replyStatus: string;
  replyAttempts: number;
  replyRetryKey: string | null;
  replyNextAttemptAt: Date | null;
  payload: Record<string, unknown>;
}

/** The webhook inbox, oldest first. */
export async function inboxRows(db: Kysely<DB>): Promise<InboxRowView[]> {
  const rows = await db.selectFrom('webhook_inbox').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: String(r.id),
    webhookEventId: r.webhook_event_id,
    lineUserId: r.line_user_id,
    eventType: r.event_type,
    mode: r.mode,
    replyToken: r.reply_token,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: new Date(r.next_attempt_at),
    replyStatus: r.reply_status,
    replyAttempts: r.reply_attempts,
    replyRetryKey: r.reply_retry_key,
    replyNextAttemptAt: r.reply_next_attempt_at === null ? null : new Date(r.reply_next_attempt_at),
    payload: r.payload as Record<string, unknown>,
  }));
}

export async function inboxRow(db: Kysely<DB>, webhookEventId: string): Promise<InboxRowView> {
  const row = (await inboxRows(db)).find((r) => r.webhookEventId === webhookEventId);
  if (!row) throw new Error(`no inbox row for ${webhookEventId}`);
  return row;
}
