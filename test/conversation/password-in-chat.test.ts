import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeCredentials } from '../../src/conversation/credentials-like.js';
import { isIsbn13 } from '../../src/domain/isbn.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

// Issue 23, item 6: a card number and password typed into the chat were searched, and the failed
// search repeated them (「2000000008 Hn2c8Rw4」に当てはまる資料は…).
describe('a password typed into the chat', () => {
  it('is not searched nor shown back; the answer says never to send it and opens login', async () => {
    const r = await h.say(h.user(61), '2000000008 Hn2c8Rw4');
    const words = wordsOf(r);
    expect(words).not.toContain('Hn2c8Rw4');
    expect(words).not.toContain('2000000008');
    expect(words).not.toContain('見つかりませんでした');
    expect(words).toContain('パスワードはトークに送らないでください');
    expect(buttonData(r, 'ログイン')).toMatch(/\/login\?linkToken=/);
  });

  it('logged in: the same warning, and how to change a password that was sent', async () => {
    const user = h.user(62);
    await h.login(user, '2000000001', 'k7Tm2qX9');
    const r = await h.say(user, '2000000001　k7Tm2qX9');
    expect(wordsOf(r)).not.toContain('k7Tm2qX9');
    expect(wordsOf(r)).toContain('パスワード変更');
  });

  it('a card number and a password sent one by one are searched but never shown back', async () => {
    const user = h.user(64);
    for (const words of ['2000000001', 'k7Tm2qX9', 'カード番号は2000000001です', 'パスワード k7Tm2qX9']) {
      const r = await h.say(user, words);
      expect(wordsOf(r)).toContain('見つかりませんでした');
      expect(wordsOf(r)).not.toContain('2000000001');
      expect(wordsOf(r)).not.toContain('k7Tm2qX9');
      expect(wordsOf(r)).toContain('パスワードはトークに送らないでください');
    }
    // Other words that find nothing are still shown back, with what to try; an ISBN-13 too.
    expect(wordsOf(await h.say(user, 'ぬばたまのよる'))).toContain(
      '「ぬばたまのよる」に当てはまる資料は見つかりませんでした',
    );
    expect(isIsbn13('9784000000000')).toBe(true);
    expect(isIsbn13('9784000000001')).toBe(false);
    expect(wordsOf(await h.say(user, '9784000000000'))).toContain(
      '「9784000000000」に当てはまる資料は見つかりませんでした',
    );
  });

  it('a title search with a number is still a search', async () => {
    expect(looksLikeCredentials('9784834036862 ぐりとぐら')).toBe(false);
    expect(looksLikeCredentials('ハリー・ポッター 1')).toBe(false);
    expect(looksLikeCredentials('2000000008 hanako2026lib')).toBe(true);
    expect(looksLikeCredentials('カード 2000000008 パスワード Hn2c8Rw4')).toBe(true);
    const r = await h.say(h.user(63), '9784834036862 ぐりとぐら');
    expect(wordsOf(r)).not.toContain('パスワードはトークに送らないでください');
  });
});
