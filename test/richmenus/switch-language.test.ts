import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLanguage } from '../../src/lib/language.js';
import { buttonData, chatHarness, type ChatHarness } from '../helpers/chat.js';

/** Issue 28: the conversation asks for the menu in the language the event runs in. */
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness();
});
afterAll(async () => h.close());

describe('the menu switched at login and logout', () => {
  it('in English: showRichMenu is told en for both, the alias then being logged-in-en / logged-out-en', async () => {
    const user = h.user(40);
    const url = buttonData(await h.say(user, 'ログイン'), 'ログイン');
    await inLanguage('en', () => h.login(user, '2000000001', 'k7Tm2qX9', url));
    expect(h.menus).toContainEqual({ user, which: 'logged-in', language: 'en' });
    const ask = await inLanguage('en', () => h.say(user, 'Log out'));
    await inLanguage('en', () => h.tap(user, ask.flatMap(buttonsOf).find((d) => d.startsWith('logout'))!));
    expect(h.menus).toContainEqual({ user, which: 'logged-out', language: 'en' });
  });
});

/** Every postback a reply offers, whatever its label's language. */
function buttonsOf(reply: unknown): string[] {
  return [...JSON.stringify(reply).matchAll(/"data":"([^"]+)"/g)].map((m) => m[1]!);
}
