import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { testLog } from '../helpers/test-log.js';
import { pages, refusalMessage } from '../../src/messages/ja/index.js';
import { buildRuntime, type Runtime } from '../../src/runtime.js';
import { completeAccountLink, rememberLinkToken } from '../../src/services/account-link.js';
import { testDatabase } from '../helpers/database.js';
import { at } from '../helpers/library.js';
import { lineUserId } from '../helpers/line.js';
import { addPatronWithPassword } from '../helpers/pages.js';

import { CHROMIUM, CHROMIUM_ARGS, screenshotDir } from '../helpers/screenshots.js';
/**
 * The login page in a real browser: Debian's Chromium, driven over a pipe by playwright-core (no
 * HTTP from this process, so msw, which patches this process only, sees nothing). Chromium talks
 * to two real servers on 127.0.0.1: the app, and a stand-in for LINE's account-link dialog.
 */
const SHOTS = screenshotDir();
const DEMO = { card: '2000000001', password: 'k7Tm2qX9' };
const NOW = at('2026-12-01 10:00');

const listening = (server: Server | ServerType) =>
  new Promise<string>((resolve) => {
    const done = () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (server.listening) done();
    else server.once('listening', done);
  });
const closing = (server: Server | ServerType | undefined) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

describe.skipIf(!existsSync(CHROMIUM))('login page in Chromium (390 px wide)', () => {
  const dialogQueries: URLSearchParams[] = [];
  let lineServer: Server;
  let appServer: ServerType;
  let rt: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base = '';
  let patronId = '';

  beforeAll(async () => {
    lineServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://line.invalid');
      if (url.pathname !== '/dialog/bot/accountLink') return void res.writeHead(404).end();
      dialogQueries.push(url.searchParams);
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!DOCTYPE html><html lang="ja"><title>LINE</title><p>stand-in for LINE</p></html>');
    }).listen(0, '127.0.0.1');
    const lineOrigin = await listening(lineServer);

    // The app's origin must be known before the app is built (PUBLIC_BASE_URL), so the server
    // starts first and hands requests to the app once it exists.
    let app: Hono | undefined;
    appServer = serve({
      fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
      port: 0,
      hostname: '127.0.0.1',
    });
    base = await listening(appServer);

    const pg = process.env.DATABASE_URL ? await testDatabase() : undefined;
    dropDatabase = pg?.close;
    const config = loadConfig({
      PUBLIC_BASE_URL: base,
      LINE_ACCESS_BASE_URL: lineOrigin,
      DATABASE_URL: pg?.url,
      SEED: 'none',
      CRON: 'off',
    });
    rt = await buildRuntime(config, testLog, { pgliteInMemory: true, clock: () => NOW });
    app = rt.app;
    patronId = await addPatronWithPassword(rt.database.db, DEMO.card, DEMO.password);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await closing(appServer);
    await closing(lineServer);
    await rt?.close();
    await dropDatabase?.();
  });

  async function openLoginPage(
    seed: string,
  ): Promise<{ page: Page; user: string; linkToken: string; cspErrors: string[] }> {
    const user = lineUserId(seed);
    const linkToken = `lt-${seed}-0123456789abcdef`;
    await touchLineUser(rt.database.db, user, true, NOW);
    await rememberLinkToken(rt.database.db, user, linkToken, NOW);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ja-JP',
    });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && cspErrors.push(m.text())));
    const res = await page.goto(`${base}/login?linkToken=${encodeURIComponent(linkToken)}`);
    expect(res?.status()).toBe(200);
    return { page, user, linkToken, cspErrors };
  }

  it('logs in: ログイン leads to LINE with the link token and a nonce that links the card', async () => {
    const { page, user, linkToken, cspErrors } = await openLoginPage('browser-good');
    await expect(page.title()).resolves.toContain(pages.libraryName);
    // Readable on a phone: nothing wider than the screen, and tap targets of 44 px or more.
    // (A string: the test's tsconfig has no DOM types; this runs in the page.)
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    for (const selector of ['input[name=cardNumber]', 'input[name=password]', 'button[type=submit]']) {
      const box = await page.locator(selector).boundingBox();
      expect(box!.height, selector).toBeGreaterThanOrEqual(44);
    }
    await page.locator('input[name=cardNumber]').pressSequentially(DEMO.card);
    await page.locator('input[name=password]').pressSequentially(DEMO.password);
    await page.screenshot({ path: join(SHOTS, 'login.png'), fullPage: true });

    await Promise.all([
      page.waitForURL((u) => u.pathname === '/dialog/bot/accountLink'),
      page.getByRole('button', { name: 'ログイン' }).click(),
    ]);
    expect(dialogQueries).toHaveLength(1);
    const q = dialogQueries[0]!;
    expect(q.get('linkToken')).toBe(linkToken);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const linked = await completeAccountLink(rt.database.db, { lineUserId: user, nonce: q.get('nonce')! }, NOW);
    expect(linked.ok && linked.value.patronId).toBe(patronId);
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('a wrong password shows the error above the fields, keeps the card number, never the password', async () => {
    const { page, cspErrors } = await openLoginPage('browser-wrong');
    await page.locator('input[name=cardNumber]').pressSequentially(DEMO.card);
    await page.locator('input[name=password]').pressSequentially('wrong0pass');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'ログイン' }).click()]);

    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain(refusalMessage({ code: 'CREDENTIALS_INVALID' }));
    // The error sits in the form, directly above the first field.
    const alertBox = (await alert.boundingBox())!;
    const fieldBox = (await page.locator('input[name=cardNumber]').boundingBox())!;
    expect(fieldBox.y).toBeGreaterThan(alertBox.y + alertBox.height);
    expect(fieldBox.y - (alertBox.y + alertBox.height)).toBeLessThan(120);
    await expect(page.locator('input[name=cardNumber]').inputValue()).resolves.toBe(DEMO.card);
    await expect(page.locator('input[name=password]').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain('wrong0pass');
    expect(dialogQueries).toHaveLength(1);
    await page.screenshot({ path: join(SHOTS, 'login-error.png'), fullPage: true });
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });
});
