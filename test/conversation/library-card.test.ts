import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { cardImageRoutes } from '../../src/http/card-image.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { decodePng, readCodabar } from '../helpers/codabar-reader.js';
import { testLog } from '../helpers/test-log.js';

/**
 * Issue 27, the library card in LINE (docs/library-card.md): 利用者カード shows the linked card as
 * an NW-7 barcode the counter's scanner reads, with the holder's name and the number masked but
 * for its last 4 digits; the image is served at a random, short-lived address, never cached.
 * Under both bundled profiles, whose cards use different start/stop letters.
 */
const TARO = { card: '2000000001', password: 'k7Tm2qX9', name: '鎌ケ谷 太郎' };

const cardOf = (replies: Reply[]) => {
  const r = replies.find((x) => x.kind === 'libraryCard');
  if (r?.kind !== 'libraryCard') throw new Error(`no card in ${wordsOf(replies)}`);
  return r;
};

describe.each([
  ['kamagaya', 'A', 'A'],
  ['minato', 'B', 'B'],
] as const)('利用者カード on the %s profile', (name, start, stop) => {
  const profile = loadProfileFile(bundledProfilePath(name));
  const before = libraryProfile();
  let h: ChatHarness;
  const taro = () => h.user(27);
  const stranger = () => h.user(28);
  const routes = () => cardImageRoutes({ db: h.db, log: testLog, clock: () => h.now });
  const fetchImage = (url: string) => routes().request(new URL(url).pathname);

  beforeAll(async () => {
    installProfile(profile);
    h = await chatHarness();
    await h.login(taro(), TARO.card, TARO.password);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    installProfile(before);
  });

  it('logged in: the card names the holder, shows ******0001 only, and has an image address', async () => {
    const replies = await h.say(taro(), '利用者カード');
    const r = cardOf(replies);
    const words = wordsOf(replies);
    expect(words).toContain(TARO.name);
    expect(words).toContain('******0001');
    expect(words).toContain('画面を明るくしてください');
    // Never the full number: not in the text, the alt text, the address or the LINE message.
    expect(words).not.toContain(TARO.card);
    expect(JSON.stringify(toLineMessages(replies))).not.toContain(TARO.card);
    expect(r.altText).toBe('利用者カード（******0001）');
    expect(r.card.imageUrl).toMatch(/^https:\/\/library\.example\.jp\/card\/[A-Za-z0-9_-]{43}\.png$/);
  });

  it('typed カード and バーコード show it too, each time at a new address', async () => {
    const a = cardOf(await h.say(taro(), 'カード')).card.imageUrl;
    const b = cardOf(await h.say(taro(), 'バーコード')).card.imageUrl;
    expect(a).not.toBe(b);
  });

  it('not logged in: told why, with the login button', async () => {
    const replies = await h.say(stranger(), '利用者カード');
    expect(wordsOf(replies)).toContain('利用者カードのバーコードを表示するには、ログインが必要です。');
    expect(buttonData(replies, 'ログイン')).toMatch(/linkToken=/);
    expect(replies.some((r) => r.kind === 'libraryCard')).toBe(false);
  });

  it(`the image decodes back to the card number between ${start}…${stop}, with white quiet zones`, async () => {
    const res = await fetchImage(cardOf(await h.say(taro(), '利用者カード')).card.imageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('no-store, private');
    const png = decodePng(Buffer.from(await res.arrayBuffer()));
    const read = readCodabar(png);
    expect(read.text).toBe(`${start}${TARO.card}${stop}`);
    // Large enough for a scanner reading a phone: bars of 4 px at least, quiet zones over 10 bars.
    expect(read.narrow).toBeGreaterThanOrEqual(4);
    expect(read.quietLeft).toBeGreaterThanOrEqual(10 * read.narrow);
    expect(read.quietRight).toBeGreaterThanOrEqual(10 * read.narrow);
    expect(png.height).toBeGreaterThanOrEqual(150);
  });

  it('the address is refused (404, empty) once expired, when altered, or when never issued', async () => {
    const url = cardOf(await h.say(taro(), '利用者カード')).card.imageUrl;
    const token = /\/card\/(.+)\.png$/.exec(url)![1]!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [`/card/${altered}.png`, `/card/${token}`, '/card/x.png', `/card/${TARO.card}.png`]) {
      const res = await routes().request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe('');
      expect(res.headers.get('cache-control')).toBe('no-store, private');
    }
    const saved = h.now;
    try {
      h.now = new Date(saved.getTime() + 9 * 60_000);
      expect((await fetchImage(url)).status).toBe(200); // LINE may fetch it again while it lives
      h.now = new Date(saved.getTime() + 10 * 60_000 + 1);
      const gone = await fetchImage(url);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toBe('');
    } finally {
      h.now = saved;
    }
  });
});

describe('ヘルプ names the card', () => {
  it('利用者カード is among what the account does', async () => {
    const h = await chatHarness();
    try {
      expect(wordsOf(await h.say(h.user(29), 'ヘルプ'))).toContain('「利用者カード」と送ると');
    } finally {
      await h.close();
    }
  });
});
