import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';

/**
 * Where browser tests save screenshots: docs/screenshots/ when UPDATE_SCREENSHOTS=1 (to refresh
 * the committed pictures on purpose), else a temporary folder, so that `npm test` never changes
 * tracked files.
 */
export function screenshotDir(): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(import.meta.dirname, '../../docs/screenshots')
      : join(tmpdir(), 'kamagaya-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Debian's Chromium, which the browser tests drive (CI installs it; they are skipped without it). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Its flags here: headless as root, and none of Chromium's own network calls, which this machine's
 * closed network refuses (many at a time) and which would only slow every start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Debian Chromium with the flags above. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** A phone's browser: `width`×`height` CSS px at 2× pixels, touch, Japanese, Tokyo's clock. */
export const phone = (width: number, height: number): BrowserContextOptions => ({
  viewport: { width, height },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
});
