import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusQuickReplies } from '../../src/conversation/flows/hold-service-cards.js';
import type { Reply } from '../../src/conversation/reply.js';
import { route } from '../../src/conversation/router.js';
import { searchPhrase } from '../../src/conversation/search-phrases.js';
import { typedBranch } from '../../src/conversation/typed-choice.js';
import { parseSearchQuery } from '../../src/domain/search-query.js';
import { inLanguage, LANGUAGES } from '../../src/lib/language.js';
import { messageTables } from '../../src/messages/index.js';
import { libraryProfile } from '../../src/profile/active.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { onPostgres } from '../helpers/database.js';
import { here } from '../helpers/profiles.js';

// Issue 28: English and kana typed by patrons work as the Japanese words do, whatever the
// patron's language (the replies here are Japanese: the language only changes what is said).

let h: ChatHarness;
/** The LINE users whose LINE app is in English: the bot writes to them in English. */
const ENGLISH = new Set<string>();
beforeAll(async () => {
  h = await chatHarness(undefined, { profileLanguage: async (u) => (ENGLISH.has(u) ? 'en' : undefined) });
});
afterAll(async () => h.close());

const TARO = '2000000001';
let next = 700;
const guest = () => h.user(next++);
/**
 * What a reply shows, without the link token of a login button and the button that searches the
 * typed words as a title (a phrase's answer offers it, with the words typed).
 */
const said = (r: Reply[]) =>
  wordsOf(r)
    .replace(/linktoken\d+/g, '')
    .replace(/\{"kind":"message","label":"[^"]*","text":"書名:[^"]*"\},?/g, '');
const routed = (text: string, waiting?: { flow: string; step: string; takesText: boolean }) =>
  route({ kind: 'text', text }, waiting);

describe(`keywords and phrases in English and kana (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each([
    ['help', 'ヘルプ'],
    ['Help', 'ヘルプ'],
    ['HELP', 'ヘルプ'],
    ['help!', 'ヘルプ'],
    ['  Help?  ', 'ヘルプ'],
    ['Ｈｅｌｐ', 'ヘルプ'],
    ['へるぷ', 'ヘルプ'],
    ['Search', '蔵書検索'],
    ['catalog search', '蔵書検索'],
    ['けんさく', '蔵書検索'],
    ['My account', 'ご利用状況'],
    ['MY ACCOUNT', 'ご利用状況'],
    ['my  account.', 'ご利用状況'],
    ['Log in', 'ログイン'],
    ['LOGIN', 'ログイン'],
    ['ろぐいん', 'ログイン'],
    ['Log out', 'ログアウト'],
    ['logout!', 'ログアウト'],
    ['Renew all', 'まとめて延長'],
    ['Library card', '利用者カード'],
    ['Notification settings', '通知設定'],
    ['Opening hours', '開館時間'],
    ['opening hours?', '開館時間'],
    ['Renew', '延長'],
    ['renew please', '延長'],
    ['How do I reserve?', '予約'],
    ['Cancel hold', '取消'],
    ["I can't log in", 'ログインできない'],
    ['I can’t log in', 'ログインできない'],
    ['I don’t have a password', 'パスワード'],
  ])('「%s」 is answered as 「%s」', async (typed, ja) => {
    const theirs = said(await h.say(guest(), typed));
    expect(theirs).not.toBe('[]');
    expect(theirs).toBe(said(await h.say(guest(), ja)));
  });

  it('Latin keywords start their flow while a question waits, as Japanese keywords do', () => {
    const waiting = { flow: 'reserve', step: 'branch', takesText: true };
    expect(routed('Help!', waiting)).toMatchObject({ flow: 'help', step: 'show', resets: true });
    expect(routed('STOP', waiting)).toMatchObject({ flow: 'help', step: 'stop', resets: true });
    expect(routed('My Account', waiting)).toMatchObject({ flow: 'status', step: 'show' });
    // Japanese words are compared as they always were: a mark makes ヘルプ a phrase, the waiting step's words.
    expect(routed('ヘルプ！', waiting)).toMatchObject({ flow: 'reserve', step: 'branch' });
    expect(routed('ヘルプ', waiting)).toMatchObject({ flow: 'help', step: 'show' });
  });

  it('cancel and stop stop what waits, in any case', () => {
    const waiting = { flow: 'reserve', step: 'contact', takesText: true };
    for (const w of ['cancel', 'Cancel', 'CANCEL!', 'Never mind', 'never mind.'])
      expect(routed(w, waiting)).toMatchObject({ flow: 'help', step: 'stop' });
  });

  it('the keyword a button sends is a keyword in every language (まとめて延長, 通知設定, 読みたいリスト)', () => {
    for (const language of LANGUAGES) {
      const sent = inLanguage(language, () =>
        statusQuickReplies({ loans: [{ renewal: { ok: true } }] }, []).map((a) => (a.kind === 'message' ? a.text : '')),
      );
      expect(sent.map((t) => routed(t)?.flow)).toEqual(['renew-all', 'reminders']);
    }
    for (const words of ['読みたいリスト', 'Wish list', 'よみたいリスト'])
      expect(routed(words)).toMatchObject({ flow: 'wish', step: 'list' });
  });
});

describe('field prefixes in English and kana', () => {
  it.each([
    ['title:こころ', 'title', 'こころ'],
    ['Title:こころ', 'title', 'こころ'],
    ['TITLE：こころ', 'title', 'こころ'],
    ['author:Miyabe', 'author', 'Miyabe'],
    ['publisher:Shinchosha', 'publisher', 'Shinchosha'],
    ['class:C', 'classification', 'C'],
    ['Class:913', 'classification', '913'],
    ['しょめい:こころ', 'title', 'こころ'],
    ['ちょしゃ：夏目', 'author', '夏目'],
    ['しゅっぱんしゃ:新潮社', 'publisher', '新潮社'],
    ['ぶんるい:C', 'classification', 'C'],
  ])('%s searches the %s', (typed, field, value) => {
    expect(parseSearchQuery(typed).fields).toEqual({ [field]: [value] });
  });

  it('an unknown prefix, or an object key, is words', () => {
    expect(parseSearchQuery('constructor:x').any).toEqual(['constructor:x']);
    expect(parseSearchQuery('Re:Zero').any).toEqual(['Re:Zero']);
  });

  it('English and kana prefixes find what the Japanese ones find', async () => {
    const total = async (q: string) => /検索結果：(\d+)件/.exec(wordsOf(await h.say(guest(), q)))?.[1];
    const byAuthor = await total('著者:夏目');
    expect(Number(byAuthor)).toBeGreaterThan(0);
    expect(await total('author:夏目')).toBe(byAuthor);
    expect(await total('ちょしゃ:夏目')).toBe(byAuthor);
    const kamishibai = await total('分類:C');
    expect(Number(kamishibai)).toBeGreaterThan(0);
    expect(await total('class:C')).toBe(kamishibai);
    expect(await total('Title:こころ')).toBe(await total('書名:こころ'));
  });
});

describe('English search sentences', () => {
  it.each([
    ['do you have ぐりとぐら', 'ぐりとぐら', false],
    ['Do you have ぐりとぐら?', 'ぐりとぐら', false],
    ['I’m looking for ぐりとぐら', 'ぐりとぐら', false],
    ["I'm looking for ぐりとぐら, please", 'ぐりとぐら', false],
    ['Have you got "ぐりとぐら"?', 'ぐりとぐら', false],
    ['I want to reserve ぐりとぐら', 'ぐりとぐら', true],
    ['Can I reserve ぐりとぐら?', 'ぐりとぐら', true],
    ['ぐりとぐらを よやくしたい', 'ぐりとぐら', true],
    ['ぐりとぐらのほん', 'ぐりとぐら', false],
    // A beginning alone, or one without a word boundary, is words.
    ['do you have', 'do you have', false],
    ['searching for Momo', 'searching for Momo', false],
  ])('%s → %s', (typed, words, reserve) => {
    expect(searchPhrase(typed)).toEqual({ words, reserve });
  });

  it('「do you have ぐりとぐら」 searches ぐりとぐら', async () => {
    expect(wordsOf(await h.say(guest(), 'do you have ぐりとぐら'))).toContain('「ぐりとぐら」の検索結果：');
  });

  it('「I want to reserve …」 searches, then opens the reservation; an English branch name answers it', async () => {
    const u = guest();
    await h.login(u, TARO, 'k7Tm2qX9');
    const r = await h.say(u, 'I want to reserve はらぺこあおむし');
    expect(wordsOf(r)).toContain('「はらぺこあおむし」の検索結果：1件');
    expect(wordsOf(r)).toContain('『はらぺこあおむし』を予約します。');
    expect(wordsOf(r)).toContain('受取館を選んでください');
    const branch = here.pickup(1);
    const english = libraryProfile().translations.en?.branches?.[branch.code];
    const typed = english ? `${english.replace(/\s*\(.*$/, '').toLowerCase()}, please` : branch.name;
    const contact = await h.say(u, typed);
    expect(wordsOf(contact)).toContain('連絡方法を選んでください');
    expect(buttonData(await h.say(u, 'Cancel'), '予約申込')).toBeUndefined();
  });
});

describe('branch names in English and kana', () => {
  const offered = () => libraryProfile().branches.map((b) => ({ code: b.code, name: b.name }));
  const named = (typed: string) => typedBranch(typed, offered())?.code;

  it('every translated branch name answers a pickup-branch question, with or without branch/library', () => {
    const t = libraryProfile().translations;
    for (const b of libraryProfile().branches) {
      const english = t.en?.branches?.[b.code]?.replace(/\s*\(.*$/, '');
      if (english) {
        const bare = english.replace(/\s+(branch library|branch|library)$/i, '');
        for (const typed of [english, english.toLowerCase(), english.toUpperCase(), bare, `${bare} branch`])
          expect(named(typed), typed).toBe(b.code);
      }
      const reading = /（(.+)）/.exec(t.easy?.branches?.[b.code] ?? '')?.[1];
      if (reading) {
        const kana = reading.replace(/\s+/g, '');
        for (const typed of [reading, kana, kana.replace(/(ぶんかん|かん)$/, '')])
          expect(named(typed), typed).toBe(b.code);
      }
    }
  });

  it.runIf(libraryProfile().branches.some((b) => b.code === 'tobu'))(
    'Kamagaya: Tobu, Tobu Branch, tobu branch, Main Library, main, とうぶ, とうぶぶんかん, ほんかん',
    () => {
      for (const typed of ['Tobu', 'Tobu Branch', 'tobu branch', 'Tobu branch library', 'Tobu, please', 'とうぶ'])
        expect(named(typed), typed).toBe('tobu');
      for (const typed of ['とうぶぶんかん', 'とうぶ ぶんかん', 'トウブ']) expect(named(typed), typed).toBe('tobu');
      for (const typed of ['Main Library', 'main', 'MAIN LIBRARY', 'ほんかん', '本館'])
        expect(named(typed), typed).toBe('honkan');
      for (const typed of ['library', 'branch', 'ぶんかん', 'Tokyo']) expect(named(typed), typed).toBeUndefined();
    },
  );
});

describe('a reservation typed in English by a patron who reads English', () => {
  it('log in, I want to reserve …, the branch, the contact and yes typed: the hold is placed', async () => {
    const u = guest();
    ENGLISH.add(u);
    const en = messageTables.en.patronChat;
    const login = wordsOf(await h.say(u, 'Log in'));
    const url = /https:[^"]*linkToken=[^"]*/.exec(login)?.[0];
    expect(url).toBeDefined();
    await h.login(u, TARO, 'k7Tm2qX9', url);
    const found = wordsOf(await h.say(u, 'I’d like to reserve はらぺこあおむし'));
    expect(found).toContain(en.chooseBranchQuestion);
    const branch = here.pickup(0);
    const english = libraryProfile().translations.en?.branches?.[branch.code]?.replace(/\s*\(.*$/, '');
    expect(wordsOf(await h.say(u, english ?? branch.name))).toContain(en.chooseContact);
    const confirm = await h.say(u, here.lineContact ? 'LINE, please' : 'No notice');
    expect(wordsOf(confirm)).not.toContain(en.chooseContact);
    const accepted = wordsOf(await h.say(u, 'Yes!'));
    expect(accepted).toContain('Hold received');
    expect(accepted).toContain('はらぺこあおむし');
  });
});
