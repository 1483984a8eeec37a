import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { StandInChannel } from '../../src/devchat/channel.js';
import { chatRoutes } from '../../src/devchat/chat-routes.js';
import { devChatEnabled, loopbackOrigin } from '../../src/devchat/index.js';
import type { Entry } from '../../src/devchat/transcript.js';
import { DEV_CHAT_USERS } from '../../src/devchat/users.js';
import { testLog } from '../helpers/test-log.js';
import { botMessages, patronChat } from '../../src/messages/ja/index.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { JOBS } from '../../src/services/jobs.js';
import { placeHold } from '../../src/services/holds.js';
import { recordingMessenger } from '../helpers/app.js';
import { testDatabase } from '../helpers/database.js';
import { postWebhook, textEvent, webhookBody, lineUserId, CHANNEL_SECRET } from '../helpers/line.js';
import { hiddenValue } from '../helpers/pages.js';
import { lineApi } from '../setup/msw.js';
import { devChatServer, type DevChatServer } from './server.js';
import { STAFF } from '../helpers/actors.js';

const TARO = DEV_CHAT_USERS[0]!.lineUserId;

describe('when the dev chat is on', () => {
  it('DEV_CHAT is on or off (default off); anything else stops the start naming it', () => {
    expect(loadConfig({}).devChat).toBe(false);
    expect(loadConfig({ DEV_CHAT: 'on' }).devChat).toBe(true);
    expect(loadConfig({ DEV_CHAT: '' }).devChat).toBe(false);
    expect(() => loadConfig({ DEV_CHAT: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEV_CHAT: 'yes' })).toThrow(/DEV_CHAT/);
  });

  it('without a channel secret, or with DEV_CHAT=on; never with a channel and DEV_CHAT off', () => {
    expect(devChatEnabled(loadConfig({}))).toBe(true);
    expect(devChatEnabled(loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' }))).toBe(false);
    expect(devChatEnabled(loadConfig({ LINE_CHANNEL_SECRET: 's', DEV_CHAT: 'off' }))).toBe(false);
    expect(devChatEnabled(loadConfig({ LINE_CHANNEL_SECRET: 's', DEV_CHAT: 'on' }))).toBe(true);
  });

  it('the server reaches itself on loopback when it listens on every address', () => {
    expect(loopbackOrigin('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(loopbackOrigin('::', 3000)).toBe('http://[::1]:3000');
    expect(loopbackOrigin('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('fd00::5', 80)).toBe('http://[fd00::5]:80');
  });
});

describe('with a real LINE channel configured (DEV_CHAT not on)', () => {
  let rt: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
    dropDatabase = pg?.close;
    const config = loadConfig({
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'token',
      DATABASE_URL: pg?.url,
      SEED: 'none',
      CRON: 'off',
    });
    // The messenger records instead of calling LINE: only the HTTP surface is under test here.
    rt = await buildRuntime(config, testLog, {
      pgliteInMemory: true,
      messenger: recordingMessenger(),
      devChat: devChatEnabled(config),
    });
  });
  afterAll(async () => {
    await rt?.close();
    await dropDatabase?.();
  });

  it('nothing of the dev chat is reachable: the page, its API, the LINE stand-ins all answer 404', async () => {
    expect(rt.devChat).toBeUndefined();
    const json = { 'content-type': 'application/json' };
    const calls: [string, string, RequestInit?][] = [
      ['GET', '/'],
      ['GET', '/chat'],
      ['GET', '/chat/stream'],
      ['GET', '/chat/richmenu/logged-out.png'],
      ['POST', '/chat/open', { headers: json, body: JSON.stringify({ user: TARO }) }],
      ['POST', '/chat/send', { headers: json, body: JSON.stringify({ user: TARO, type: 'text', text: '猫' }) }],
      ['POST', '/chat/jobs', { headers: json, body: '{}' }],
      ['GET', '/__line-access/dialog/bot/accountLink?linkToken=x&nonce=y'],
      ['GET', '/__line/v2/bot/richmenu/alias/logged-in'],
      [
        'POST',
        '/v2/bot/message/reply',
        {
          headers: { ...json, authorization: 'Bearer token' },
          body: '{"replyToken":"x","messages":[{"type":"text","text":"x"}]}',
        },
      ],
      [
        'POST',
        '/v2/bot/message/push',
        { headers: { ...json, authorization: 'Bearer token' }, body: '{"to":"x","messages":[]}' },
      ],
      ['GET', '/v2/bot/richmenu/alias/logged-in'],
    ];
    for (const [method, path, init] of calls) {
      const res = await rt.app.request(path, { method, ...init });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it('the webhook keeps the configured channel secret', async () => {
    const res = await postWebhook(rt.app, webhookBody([textEvent(lineUserId('real'), '猫')]));
    expect(res.status).toBe(200);
  });
});

describe('the dev chat, served as `npm start` serves it without a channel', () => {
  let s: DevChatServer;
  beforeAll(async () => {
    s = await devChatServer();
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(() => s.allowLoopback());

  const post = (
    path: string,
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) =>
    fetch(`${s.base}${path}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const botSaid = (text: string) => (e: Entry) =>
    e.kind === 'bot' && e.user === TARO && JSON.stringify(e.messages).includes(text);
  const uriOf = (e: Entry) => /"uri":"([^"]+)"/.exec(JSON.stringify(e))?.[1];

  it('points LINE at itself: the stand-in’s secret and token, the API and the dialog on this server', () => {
    const line = s.rt.devChat!.config.line;
    expect(line.apiBaseUrl).toBe(s.base);
    expect(line.accessBaseUrl).toBe(`${s.base}/__line-access`);
    expect(line.channelSecret).toBe(s.rt.devChat!.channel.channelSecret);
    expect(line.channelAccessToken).toBe(s.rt.devChat!.channel.accessToken);
    expect(s.rt.devChat!.url).toBe(`${s.base}/`);
  });

  it('serves the page at / and /chat, with the demo users and no script but its own', async () => {
    for (const path of ['/', '/chat']) {
      const res = await fetch(`${s.base}${path}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('鎌ケ谷 太郎 (2000000001 / k7Tm2qX9)');
      expect(html).toContain('伊藤 誠 (2000000007 / Nr5b7Gk3)');
      const nonce = /script-src 'nonce-([0-9a-f]+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      expect(html).toContain(`<script nonce="${nonce}">`);
    }
    const png = await fetch(`${s.base}/chat/richmenu/logged-out.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
  });

  it('drives the real pipeline: follow, a search, login through the dialog, and a push from the jobs', async () => {
    await post('/chat/open', { user: TARO });
    await s.waitFor(botSaid(botMessages.greeting.slice(0, 10)), 'the greeting');

    await post('/chat/send', { user: TARO, type: 'text', text: '猫' });
    const found = await s.waitFor(
      (e) => e.kind === 'bot' && e.user === TARO && JSON.stringify(e.messages).includes('"carousel"'),
      'a carousel',
    );
    expect(found).toMatchObject({ via: 'reply' });

    await post('/chat/send', { user: TARO, type: 'text', text: 'ログイン' });
    const loginUrl = uriOf(
      await s.waitFor((e) => e.kind === 'bot' && e.user === TARO && uriOf(e) !== undefined, 'the login button'),
    )!;
    expect(loginUrl.startsWith(`${s.base}/login?linkToken=`)).toBe(true);
    const form = await (await fetch(loginUrl)).text();
    const body = new URLSearchParams({
      linkToken: hiddenValue(form, 'linkToken')!,
      csrfToken: hiddenValue(form, 'csrfToken')!,
      cardNumber: '2000000001',
      password: 'k7Tm2qX9',
    });
    const login = await post('/login', body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: s.base,
    });
    expect(login.status).toBe(200); // fetch followed the redirect to the dialog stand-in
    expect(login.url.startsWith(`${s.base}/__line-access/dialog/bot/accountLink?`)).toBe(true);
    expect(await login.text()).toContain('ログインしました。チャットに戻ってください');
    await s.waitFor(botSaid(patronChat.loggedIn.slice(0, 12)), 'logged in');
    await s.waitFor((e) => e.kind === 'menu' && e.user === TARO && e.alias === 'logged-in', 'the logged-in menu');

    // A counter hold on a title with a copy on the shelf at the pickup branch: ready at once, and
    // its LINE notice is pushed by deliver-notices.
    const db = s.rt.database.db;
    const bib = await db
      .selectFrom('bibs')
      .select('id')
      .where('title', '=', '吾輩は猫である')
      .executeTakeFirstOrThrow();
    const held = await placeHold(
      db,
      {
        cardNumber: '2000000001',
        bibId: String(bib.id),
        pickupBranch: 'tobu',
        channel: 'counter',
        contact: 'line',
        lineLinked: true,
        actor: STAFF,
      },
      s.now(),
    );
    expect(held.ok && held.value.status).toBe('ready');
    s.travelTo(await s.nextOpeningMorning('tobu')); // out of quiet hours, whenever the test runs
    const jobs = await post('/chat/jobs', {});
    const results = ((await jobs.json()) as { results: { job: string; processed: number | null }[] }).results;
    // Every job, notices last so that what the others wrote goes out with this click.
    expect(results.map((r) => r.job).sort()).toEqual(Object.keys(JOBS).sort());
    expect(results[results.length - 1]!.job).toBe('deliver-notices');
    expect(results.every((r) => r.processed !== null)).toBe(true);
    const notice = await s.waitFor((e) => e.kind === 'bot' && e.user === TARO && e.via === 'push', 'the notice');
    expect(JSON.stringify(notice)).toContain('吾輩は猫である');
  });

  it('after a restart, a known user gets no second follow, and the menu the bot linked is back', async () => {
    // A new stand-in over the same database: what a restart of `npm start` leaves.
    const sent: string[] = [];
    lineApi.use(
      http.post('http://restarted.test/webhook', async ({ request }) => {
        sent.push(await request.text());
        return HttpResponse.json({});
      }),
    );
    const channel = new StandInChannel({
      webhookUrl: 'http://restarted.test/webhook',
      clock: () => new Date(),
      log: testLog,
      menuAliases: ['logged-in', 'logged-out'],
      defaultAlias: 'logged-out',
    });
    const routes = chatRoutes({
      channel,
      db: s.rt.database.db,
      menus: [],
      jobNames: [],
      runJob: async () => 0,
      log: testLog,
    });
    const res = await routes.request('/chat/open', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: TARO }),
    });
    expect(res.status).toBe(200);
    expect(sent).toEqual([]);
    expect(channel.linkedRichMenuId(TARO)).toBe(channel.richMenuIdOf('logged-in'));
    expect(channel.transcript.since(0).map((e) => e.kind)).toEqual(['menu', 'note']);
  });

  it('issue 28: after a restart the menu is put back in the user’s language, logged in or out', async () => {
    lineApi.use(http.post('http://restarted-en.test/webhook', () => HttpResponse.json({})));
    const channel = new StandInChannel({
      webhookUrl: 'http://restarted-en.test/webhook',
      clock: () => new Date(),
      log: testLog,
      menuAliases: ['logged-in', 'logged-out', 'logged-in-en', 'logged-out-en', 'logged-in-easy', 'logged-out-easy'],
      defaultAlias: 'logged-out',
    });
    // TARO is logged in (above); the last demo user never logged in.
    const outside = DEV_CHAT_USERS[DEV_CHAT_USERS.length - 1]!.lineUserId;
    const languages: Record<string, 'en' | 'easy'> = { [TARO]: 'en', [outside]: 'easy' };
    const routes = chatRoutes({
      channel,
      db: s.rt.database.db,
      menus: [],
      jobNames: [],
      runJob: async () => 0,
      log: testLog,
      userLanguage: async (user) => languages[user] ?? 'ja',
    });
    for (const user of [TARO, outside]) {
      const res = await routes.request('/chat/open', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      expect(res.status).toBe(200);
    }
    expect(channel.linkedRichMenuId(TARO)).toBe(channel.richMenuIdOf('logged-in-en'));
    expect(channel.linkedRichMenuId(outside)).toBe(channel.richMenuIdOf('logged-out-easy'));
  });

  it('takes JSON only, from the demo users only', async () => {
    expect(
      (await post('/chat/send', 'user=x&type=text&text=x', { 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    expect((await post('/chat/send', '{"type":"text","text":"x"}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/chat/send', { user: lineUserId('stranger'), type: 'text', text: 'x' })).status).toBe(400);
    expect((await post('/chat/send', { user: TARO, type: 'text', text: '   ' })).status).toBe(400);
    expect((await post('/chat/send', { user: TARO, type: 'postback', data: 'x'.repeat(301) })).status).toBe(400);
  });

  it('the stream replays what a page missed (Last-Event-ID), then says ready', async () => {
    const all = s.rt.devChat!.channel.transcript.since(0);
    expect(all.length).toBeGreaterThan(3);
    const after = all[all.length - 3]!.seq;
    const controller = new AbortController();
    const res = await fetch(`${s.base}/chat/stream`, {
      headers: { 'last-event-id': String(after) },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(all.slice(-2).map((e) => e.seq));
  });
});
