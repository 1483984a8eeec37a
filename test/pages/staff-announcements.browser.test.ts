import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { http, passthrough } from 'msw';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { linkPatron } from '../../src/db/account-links.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { lineMulticaster } from '../../src/line/multicast.js';
import { consoleWords } from '../../src/messages/ja/console.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { addStaffMember } from '../helpers/console.js';
import { testDatabase } from '../helpers/database.js';
import { type FakeLineServer, startFakeLineServer } from '../helpers/fake-line-server.js';
import { addPatron, at } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';
import { CHROMIUM, launchChromium, screenshotDir } from '../helpers/screenshots.js';
import { rememberSecret, testLog } from '../helpers/test-log.js';
import { lineApi } from '../setup/msw.js';

/**
 * An announcement in Chromium (issue 29), sent to a fake LINE over HTTP through the real adapter
 * (src/line/multicast.ts) in batches of 2: LINE fails the second call, the page says so, and
 * 再開 sends the rest; every patron gets it once.
 */
const SHOTS = screenshotDir();
const ADMIN = { name: 'boss', password: 'boss-administrator1' };
const TOKEN = 'fake-channel-access-token-announce';
rememberSecret('the channel access token', TOKEN);
const t = consoleWords.announcements;

describe.skipIf(!existsSync(CHROMIUM))('announcements in Chromium, to a fake LINE', () => {
  let appServer: ServerType;
  let line: FakeLineServer;
  let rt: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    line = await startFakeLineServer({ failMulticastCalls: [2] });
    let app: Hono | undefined;
    appServer = serve({
      fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((resolve) => (appServer.listening ? resolve() : appServer.once('listening', resolve)));
    base = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
    const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
    dropDatabase = pg?.close;
    const config = loadConfig({ PUBLIC_BASE_URL: base, DATABASE_URL: pg?.url, SEED: 'none', CRON: 'off' });
    const multicaster = { ...lineMulticaster({ channelAccessToken: TOKEN, apiBaseUrl: line.url }), batchSize: 2 };
    rt = await buildRuntime(config, testLog, {
      pgliteInMemory: true,
      clock: () => at('2026-12-01 10:00'),
      multicaster,
    });
    app = rt.app;
    const db = rt.database.db;
    await addStaffMember(db, ADMIN.name, 'admin', ADMIN.password);
    for (let i = 0; i < 5; i++) {
      const id = await addPatron(db, `B200${i}`);
      const user = lineUserId(`announce-browser-${i}`);
      await touchLineUser(db, user, true, at('2026-12-01 10:00'));
      await linkPatron(db, user, id, at('2026-12-01 10:00'));
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => appServer.close(() => resolve()));
    await rt?.close();
    await line?.close();
    await dropDatabase?.();
  });

  const click = (page: Page, name: string) =>
    Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);

  it('writes, previews, sends, stops at LINE’s failure, resumes, and reaches everyone once', async () => {
    // The fake LINE is a real server: msw, which fakes LINE for most tests, lets these through.
    lineApi.use(http.all(`${line.url}/*`, () => passthrough()));
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const page = await ctx.newPage();
    await page.goto(`${base}/staff/login`);
    await page.getByLabel(consoleWords.login.nameLabel).fill(ADMIN.name);
    await page.getByLabel(consoleWords.login.passwordLabel).fill(ADMIN.password);
    await click(page, consoleWords.login.submit);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: consoleWords.nav.announcements }).click(),
    ]);
    const text = '【臨時休館のお知らせ】\n12月28日（月）は館内整理のため休館します。';
    await page.getByLabel(t.bodyLabel).fill(text);
    await page.getByLabel(t.audienceLabel).selectOption('all');
    await click(page, t.write);
    expect(await page.locator('#bubble').innerText()).toBe(text);
    const summary = await page.locator('#summary').innerText();
    expect(summary).toContain(t.recipients(5));
    expect(summary).toContain(t.messages(5));
    expect(summary).toContain(t.quota(0, 1000));
    await page.screenshot({ path: join(SHOTS, 'staff-announcement-preview.png'), fullPage: true });

    await click(page, t.send(5));
    expect((await page.getByRole('alert').innerText()).trim()).toBe(t.stopped('LINE answered 500'));
    expect(await page.locator('#progress').innerText()).toBe(t.progress(2, 5, 0));
    await page.screenshot({ path: join(SHOTS, 'staff-announcement-stopped.png'), fullPage: true });

    await click(page, t.resume(3));
    expect((await page.getByRole('status').innerText()).trim()).toBe(t.done);
    expect(await page.locator('#progress').innerText()).toBe(t.progress(5, 5, 0));
    await page.screenshot({ path: join(SHOTS, 'staff-announcement-done.png'), fullPage: true });

    const reached = line.multicasts.flatMap((m) => m.to);
    expect(reached).toHaveLength(5);
    expect(new Set(reached).size).toBe(5);
    expect(line.multicasts[0]!.messages).toEqual([{ type: 'text', text }]);
    // The batch LINE failed was sent again with the same retry key.
    expect(line.multicastKeys[2]).toBe(line.multicastKeys[1]);
    await ctx.close();
  });
});
