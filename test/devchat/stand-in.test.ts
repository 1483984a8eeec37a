import { validateSignature } from '@line/bot-sdk';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { StandInChannel } from '../../src/devchat/channel.js';
import { accessDialogStandIn } from '../../src/devchat/access-dialog.js';
import { messagingApiStandIn } from '../../src/devchat/messaging-api.js';
import type { Entry } from '../../src/devchat/transcript.js';
import { lineAccount } from '../../src/line/account.js';
import { lineUserIdOf, toInput } from '../../src/line/inbound.js';
import { classifyLineError, lineMessenger } from '../../src/line/messenger.js';
import { lineMulticaster } from '../../src/line/multicast.js';
import { testLog } from '../helpers/test-log.js';
import { lineApi } from '../setup/msw.js';

/**
 * The stand-in for LINE, alone: the real SDK clients (messenger, account) talk to it through msw,
 * which hands their requests to the stand-in's Hono app in this process; the events it sends go to
 * a webhook that msw answers and records.
 */
const API = 'http://line-stand-in.test';
const WEBHOOK = 'http://bot.test/webhook';
const USER = 'Udc000000000000000000000000000001';
const NOW = new Date('2026-11-24T10:00:00+09:00');

let channel: StandInChannel;
let posted: { signature: string | null; body: string }[];

const events = () => posted.map((p) => (JSON.parse(p.body) as { events: Record<string, unknown>[] }).events[0]!);
const entries = () => channel.transcript.since(0);
const lastEntry = (): Entry => entries()[entries().length - 1]!;

beforeEach(() => {
  channel = new StandInChannel({
    webhookUrl: WEBHOOK,
    clock: () => NOW,
    log: testLog,
    menuAliases: ['logged-in', 'logged-out', 'logged-in-en', 'logged-out-en'],
    defaultAlias: 'logged-out',
  });
  const api = messagingApiStandIn(channel, testLog);
  api.route('/', accessDialogStandIn(channel));
  posted = [];
  lineApi.use(
    http.post(WEBHOOK, async ({ request }) => {
      posted.push({ signature: request.headers.get('x-line-signature'), body: await request.text() });
      return HttpResponse.json({ ok: true });
    }),
    http.all(`${API}/*`, ({ request }) => api.fetch(request)),
  );
});

const sdk = () => ({
  messenger: lineMessenger({ channelAccessToken: channel.accessToken, apiBaseUrl: API }),
  account: lineAccount({ channelAccessToken: channel.accessToken, apiBaseUrl: API }),
});

describe('events the stand-in sends to the webhook', () => {
  it('are signed with its channel secret and read by the bot as LINE events', async () => {
    await channel.send(USER, { type: 'text', text: '猫' }, '猫');
    await channel.send(USER, { type: 'postback', data: 'search|detail|12' }, '詳細を見る');
    await channel.send(USER, { type: 'follow' });
    await channel.send(USER, { type: 'accountLink', result: 'ok', nonce: 'n0nce' });
    for (const p of posted) expect(validateSignature(p.body, channel.channelSecret, p.signature!)).toBe(true);
    expect(events().map((e) => toInput(e))).toEqual([
      { kind: 'text', text: '猫' },
      { kind: 'postback', data: 'search|detail|12' },
      { kind: 'follow' },
      { kind: 'accountLink', result: 'ok', nonce: 'n0nce' },
    ]);
    for (const e of events()) {
      expect(lineUserIdOf(e)).toBe(USER);
      expect(e).toMatchObject({
        mode: 'active',
        timestamp: NOW.getTime(),
        replyToken: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(e.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    }
    expect(new Set(events().map((e) => e.webhookEventId)).size).toBe(4);
    // The patron's side shows what they typed or the button's displayText; follow shows nothing.
    expect(
      entries()
        .filter((e) => e.kind === 'patron')
        .map((e) => (e as { text: string }).text),
    ).toEqual(['猫', '詳細を見る']);
  });

  it('a refused event ends the typing indicator and says so in the chat', async () => {
    lineApi.use(http.post(WEBHOOK, () => HttpResponse.json({}, { status: 401 })));
    const signals: unknown[] = [];
    channel.transcript.subscribe((s) => void ('on' in s && signals.push(s.on)));
    await expect(channel.send(USER, { type: 'text', text: 'x' })).resolves.toBe(false);
    expect(signals).toEqual([true, false]);
    expect(lastEntry()).toMatchObject({ kind: 'note', user: USER, text: expect.stringContaining('HTTP 401') });
  });
});

describe('the Messaging API stand-in, called by the SDK clients the bot uses', () => {
  it('reply: a reply token of an event is good once; the messages reach the transcript', async () => {
    await channel.send(USER, { type: 'text', text: 'こんにちは' });
    const token = String(events()[0]!.replyToken);
    const { messenger } = sdk();
    await messenger.reply(token, [{ type: 'text', text: 'はい' }]);
    expect(lastEntry()).toMatchObject({
      kind: 'bot',
      user: USER,
      via: 'reply',
      messages: [{ type: 'text', text: 'はい' }],
    });
    const again = await messenger.reply(token, [{ type: 'text', text: 'もう一度' }]).catch((e: unknown) => e);
    expect(classifyLineError(again).outcome).toBe('invalid_token');
    const unknown = await messenger.reply('0'.repeat(32), [{ type: 'text', text: '?' }]).catch((e: unknown) => e);
    expect(classifyLineError(unknown).outcome).toBe('invalid_token');
  });

  it('push: a retry key already accepted is answered 409, which the bot counts as delivered', async () => {
    const { messenger } = sdk();
    const key = '123e4567-e89b-42d3-a456-426614174000';
    await messenger.push(USER, [{ type: 'text', text: 'ご用意ができました' }], key);
    expect(lastEntry()).toMatchObject({ kind: 'bot', user: USER, via: 'push' });
    const count = entries().length;
    const again = await messenger
      .push(USER, [{ type: 'text', text: 'ご用意ができました' }], key)
      .catch((e: unknown) => e);
    expect(classifyLineError(again)).toEqual({ outcome: 'delivered', status: 409 });
    expect(entries()).toHaveLength(count);
  });

  it('multicast (announcements): each user gets it once, a repeated retry key delivers nothing', async () => {
    const mc = lineMulticaster({ channelAccessToken: channel.accessToken, apiBaseUrl: API });
    const OTHER = 'Udc000000000000000000000000000002';
    const key = '123e4567-e89b-42d3-a456-426614174001';
    expect(await mc.multicast([USER, OTHER], '臨時休館のお知らせ', key)).toEqual({ ok: true });
    const count = entries().length;
    expect(entries().slice(-2)).toMatchObject([{ user: USER }, { user: OTHER }]);
    expect(await mc.multicast([USER, OTHER], '臨時休館のお知らせ', key)).toEqual({ ok: true });
    expect(entries()).toHaveLength(count);
    expect(await mc.quota()).toEqual({ limit: null, used: 2 });
    expect(await mc.multicast(['not-a-user'], 'x', '123e4567-e89b-42d3-a456-426614174002')).toMatchObject({
      ok: false,
      retry: false,
    });
  });

  it('refuses what LINE would refuse: no token, a bad token, too many messages, an empty text', async () => {
    const call = (body: unknown, token = channel.accessToken) =>
      fetch(`${API}/v2/bot/message/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call({ to: USER, messages: [{ type: 'text', text: 'x' }] }, 'wrong')).status).toBe(401);
    const six = Array.from({ length: 6 }, () => ({ type: 'text', text: 'x' }));
    const tooMany = await call({ to: USER, messages: six });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ details: [{ message: '6 messages in one reply' }] });
    expect((await call({ to: USER, messages: [{ type: 'text', text: '' }] })).status).toBe(400);
    expect((await call({ to: 'someone', messages: [{ type: 'text', text: 'x' }] })).status).toBe(400);
    const auth = { headers: { authorization: `Bearer ${channel.accessToken}` } };
    expect((await fetch(`${API}/v2/bot/followers/ids`, auth)).status).toBe(404);
    // The profile, for the language of a user met for the first time (issue 28): unknown users 404.
    expect((await fetch(`${API}/v2/bot/profile/U${'0'.repeat(32)}`, auth)).status).toBe(404);
    // Nothing reached the chat but notes saying why LINE would refuse the messages.
    expect(entries().map((e) => e.kind)).toEqual(['note', 'note']);
    expect(entries()[0]).toMatchObject({ user: USER, text: expect.stringContaining('6 messages in one reply') });
  });

  it('link tokens: issued for the user, good once', async () => {
    const token = await sdk().account.issueLinkToken(USER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(channel.useLinkToken(token)).toEqual({ user: USER, valid: true });
    expect(channel.useLinkToken(token)).toEqual({ user: USER, valid: false });
    expect(channel.useLinkToken('never-issued')).toBeUndefined();
  });

  it(
    'rich menus: logged-in links the alias’s menu to the ' + 'user, logged-out removes the link (twice is fine)',
    async () => {
      const { account } = sdk();
      await account.showRichMenu(USER, 'logged-in', 'ja');
      expect(channel.linkedRichMenuId(USER)).toBe(channel.richMenuIdOf('logged-in'));
      expect(channel.richMenuIdOf('logged-in')).toMatch(/^richmenu-[0-9a-f]{32}$/);
      expect(lastEntry()).toMatchObject({ kind: 'menu', user: USER, alias: 'logged-in' });
      await account.showRichMenu(USER, 'logged-out', 'ja');
      expect(channel.linkedRichMenuId(USER)).toBeUndefined();
      expect(lastEntry()).toMatchObject({ kind: 'menu', user: USER, alias: 'logged-out' });
      // Nothing linked: LINE answers 404, which the bot takes as "the default menu shows".
      await expect(account.showRichMenu(USER, 'logged-out', 'ja')).resolves.toBeUndefined();
      expect(entries().filter((e) => e.kind === 'menu')).toHaveLength(2);
    },
  );

  it('issue 28: in English both states link the English menus, and the chat shows them by alias', async () => {
    const { account } = sdk();
    await account.showRichMenu(USER, 'logged-in', 'en');
    expect(channel.linkedRichMenuId(USER)).toBe(channel.richMenuIdOf('logged-in-en'));
    expect(lastEntry()).toMatchObject({ kind: 'menu', user: USER, alias: 'logged-in-en' });
    await account.showRichMenu(USER, 'logged-out', 'en');
    expect(channel.linkedRichMenuId(USER)).toBe(channel.richMenuIdOf('logged-out-en'));
    expect(lastEntry()).toMatchObject({ kind: 'menu', user: USER, alias: 'logged-out-en' });
    await account.showRichMenu(USER, 'logged-out', 'ja');
    expect(channel.linkedRichMenuId(USER)).toBeUndefined();
    expect(lastEntry()).toMatchObject({ kind: 'menu', user: USER, alias: 'logged-out' });
  });
});

describe('the account-link dialog stand-in', () => {
  const dialog = (linkToken: string, nonce = 'nonce-1') =>
    fetch(`${API}/__line-access/dialog/bot/accountLink?linkToken=${encodeURIComponent(linkToken)}&nonce=${nonce}`);

  it('sends the accountLink event for the link token’s user and says so', async () => {
    const token = channel.issueLinkToken(USER);
    const res = await dialog(token);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ログインしました。チャットに戻ってください');
    expect(events().map((e) => [lineUserIdOf(e), toInput(e)])).toEqual([
      [USER, { kind: 'accountLink', result: 'ok', nonce: 'nonce-1' }],
    ]);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('a used link token gives result "failed"; an unknown one sends nothing', async () => {
    const token = channel.issueLinkToken(USER);
    await dialog(token);
    const reused = await dialog(token, 'nonce-2');
    expect(await reused.text()).toContain('連携できませんでした');
    expect(toInput(events()[1]!)).toEqual({ kind: 'accountLink', result: 'failed', nonce: 'nonce-2' });
    expect((await dialog('nobody-issued-this')).status).toBe(400);
    expect(events()).toHaveLength(2);
  });
});
