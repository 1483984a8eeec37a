import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { phone } from '../helpers/screenshots.js';

/** Driving the chat page as a patron does: his words, the bot's answers, taps, the login page. */
export interface ChatPage {
  /** The talk's last bot message that contains `text` (a bubble, a carousel, a text). */
  botMessage(text: string | RegExp): Locator;
  /** The patron's last message that contains `text`. */
  patronMessage(text: string): Locator;
  /** A quick reply above the input. */
  quickReply(label: string): Locator;
  tap(target: Locator): Promise<void>;
  /** Types into the input and sends (Enter), without waiting for an answer. */
  type(text: string): Promise<void>;
}

export function chatPage(page: Page): ChatPage {
  return {
    botMessage: (text) => page.locator('#talk .row.bot .msg').filter({ hasText: text }).last(),
    patronMessage: (text) => page.locator('#talk .row.patron').filter({ hasText: text }).last(),
    quickReply: (label) => page.locator('#quick .chip', { hasText: label }),
    async tap(target) {
      await target.scrollIntoViewIfNeeded();
      await target.click();
    },
    async type(text) {
      await page.locator('#text').fill(text);
      await page.locator('#text').press('Enter');
    },
  };
}

/**
 * Logs in on the login page a tap in the chat opened (typing key by key, as on a phone), until
 * LINE's account-link page answers; closes the page and says where it opened and what it ended with.
 */
export async function logInOnPage(
  login: Page,
  cardNumber: string,
  password: string,
): Promise<{ path: string; heading: string }> {
  await login.waitForLoadState();
  const path = new URL(login.url()).pathname;
  await login.locator('input[name=cardNumber]').pressSequentially(cardNumber);
  await login.locator('input[name=password]').pressSequentially(password);
  await Promise.all([
    login.waitForURL((u) => u.pathname === '/__line-access/dialog/bot/accountLink'),
    login.locator('form button[type=submit]').first().click(),
  ]);
  const heading = (await login.locator('h1').textContent()) ?? '';
  await login.close();
  return { path, heading };
}

/**
 * A new phone's browser tab (`width`×`height`) whose page errors and console errors are collected
 * in `problems`; a step that does not happen fails within 10 s, naming what it waited for.
 */
export async function phoneTab(
  browser: Browser,
  width: number,
  height: number,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(phone(width, height));
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  return { context, page, problems };
}
