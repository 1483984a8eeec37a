import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatHarness, type ChatHarness } from '../helpers/chat.js';

/** Issue 28: the conversation asks for the menu in the language the event runs in. */
let h: ChatHarness;
beforeAll(async () => {
  // The user's LINE is in English: every event of theirs runs in English from the first one.
  h = await chatHarness(undefined, { profileLanguage: async () => 'en' });
});
afterAll(async () => h.close());

describe('the menu switched at login and logout', () => {
  it('in English: showRichMenu is told en for both, the alias then being logged-in-en / logged-out-en', async () => {
    const user = h.user(40);
    const url = (await h.say(user, 'Log in')).flatMap(urisOf)[0];
    await h.login(user, '2000000001', 'k7Tm2qX9', url);
    expect(h.menus).toContainEqual({ user, which: 'logged-in', language: 'en' });
    const ask = await h.say(user, 'Log out');
    await h.tap(user, ask.flatMap(buttonsOf).find((d) => d.startsWith('logout'))!);
    expect(h.menus).toContainEqual({ user, which: 'logged-out', language: 'en' });
  });
});

/** Every postback a reply offers, whatever its label's language. */
function buttonsOf(reply: unknown): string[] {
  return [...JSON.stringify(reply).matchAll(/"data":"([^"]+)"/g)].map((m) => m[1]!);
}

/** Every address a reply's buttons open. */
function urisOf(reply: unknown): string[] {
  return [...JSON.stringify(reply).matchAll(/"uri":"([^"]+)"/g)].map((m) => m[1]!);
}
