import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineUserLanguage } from '../../src/db/line-users.js';
import { inLanguage, type Language } from '../../src/lib/language.js';
import { type Messages, messageTables } from '../../src/messages/index.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

// Issue 28: the language comes from the LINE profile on first contact and is changed with
// 「言語 / Language」; the choice is stored per LINE user and every later reply follows it.
const { ja, en, easy } = messageTables;
/** The start of a text as the language writes it (names come from the profile in that language). */
const said = (language: Language, text: (t: Messages) => string, length = 40) =>
  inLanguage(language, () => text(messageTables[language]).slice(0, length).replace(/\n/g, '\\n'));
const PROFILES: Record<string, string | Error | undefined> = {};
let h: ChatHarness;
beforeAll(async () => {
  h = await chatHarness(undefined, {
    profileLanguage: async (user) => {
      const p = PROFILES[user];
      if (p instanceof Error) throw p;
      return p;
    },
  });
});
afterAll(async () => h.close());

describe('the language of a LINE user', () => {
  it('an English LINE app is greeted in English at the follow, and the choice is stored', async () => {
    const u = h.user(1);
    PROFILES[u] = 'en-US';
    const r = await h.send(u, { kind: 'follow' });
    expect(wordsOf(r)).toContain(said('en', (t) => t.botMessages.greeting, 40));
    expect(await lineUserLanguage(h.db, u)).toBe('en');
    const help = await h.say(u, 'help');
    expect(wordsOf(help)).toContain(said('en', (t) => t.chat.help, 40));
  });

  it('a Japanese LINE app or one with no language: Japanese; any other language: English', async () => {
    PROFILES[h.user(2)] = 'ja';
    PROFILES[h.user(3)] = undefined;
    PROFILES[h.user(4)] = 'pt-BR';
    expect(wordsOf(await h.say(h.user(2), 'ヘルプ'))).toContain(said('ja', (t) => t.chat.help, 40));
    expect(wordsOf(await h.say(h.user(3), 'ヘルプ'))).toContain(said('ja', (t) => t.chat.help, 40));
    expect(wordsOf(await h.say(h.user(4), 'ヘルプ'))).toContain(said('en', (t) => t.chat.help, 40));
    expect(await lineUserLanguage(h.db, h.user(4))).toBe('en');
  });

  it('LINE not answering the profile: Japanese for now, nothing stored, asked again at the next event', async () => {
    const u = h.user(5);
    PROFILES[u] = new Error('LINE is down');
    expect(wordsOf(await h.say(u, 'ヘルプ'))).toContain(said('ja', (t) => t.chat.help, 40));
    expect(await lineUserLanguage(h.db, u)).toBeNull();
    PROFILES[u] = 'en';
    expect(wordsOf(await h.say(u, 'help'))).toContain(said('en', (t) => t.chat.help, 40));
  });

  it('言語 / Language offers the three languages by their own names; a tap answers in the new language', async () => {
    const u = h.user(6);
    PROFILES[u] = 'ja';
    const asked = await h.say(u, '言語 / Language');
    expect(wordsOf(asked)).toContain(ja.languageChoice.question.split('\n')[0]);
    const toEasy = buttonData(asked, ja.languageChoice.names.easy)!;
    expect(buttonData(asked, ja.languageChoice.names.en)).toBeDefined();
    const done = await h.tap(u, toEasy);
    expect(wordsOf(done)).toContain(easy.languageChoice.chosen.split('\n')[0]);
    expect(await lineUserLanguage(h.db, u)).toBe('easy');
    // The menu under the answer is in the new language too.
    expect(wordsOf(done)).toContain(`"label":"${easy.chat.buttons.search}"`);
    expect(wordsOf(await h.say(u, 'ヘルプ'))).toContain(said('easy', (t) => t.chat.help, 30));
  });

  it('a typed language name counts as the tap; other words while asked are searched as usual', async () => {
    const u = h.user(7);
    PROFILES[u] = 'ja';
    await h.say(u, '言語');
    const r = await h.say(u, 'english');
    expect(wordsOf(r)).toContain(JSON.stringify(en.languageChoice.chosen).slice(1, -1));
    expect(await lineUserLanguage(h.db, u)).toBe('en');
    await h.say(u, 'Language');
    const back = await h.say(u, '日本語');
    expect(wordsOf(back)).toContain(JSON.stringify(ja.languageChoice.chosen).slice(1, -1));
    await h.say(u, 'Language');
    const searched = await h.say(u, '吾輩は猫である');
    expect(wordsOf(searched)).toContain('吾輩は猫である');
    expect(await lineUserLanguage(h.db, u)).toBe('ja');
  });

  it('a chosen language is kept: the LINE profile is not asked again and does not overwrite it', async () => {
    const u = h.user(6);
    PROFILES[u] = 'en';
    expect(wordsOf(await h.say(u, 'ヘルプ'))).toContain(said('easy', (t) => t.chat.help, 30));
    expect(await lineUserLanguage(h.db, u)).toBe('easy');
  });
});
