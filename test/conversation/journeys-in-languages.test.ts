import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import type { Language } from '../../src/lib/language.js';
import { messageTables } from '../../src/messages/index.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { patronOverview } from '../../src/services/patrons.js';
import { chatHarness, type ChatHarness } from '../helpers/chat.js';
import { japaneseOutsideBrackets } from '../helpers/japanese.js';
import { fakeLine, testMessenger, type FakeLine } from '../helpers/line.js';
import { counterHold } from '../helpers/notices.js';
import { testLog } from '../helpers/test-log.js';
import { lineApi } from '../setup/msw.js';
import { here } from '../helpers/profiles.js';

// Issue 28: the main journey — search, detail, login, reserve, status, renew, cancel, a notice —
// in each language, driven by the buttons the replies offer (found by what they do, not by their
// words), with every text checked to be in that language.
const TARO = { card: '2000000001', password: 'k7Tm2qX9' };
const TITLE = '吾輩は猫である';

/** Every postback and address a reply offers. */
const actionsOf = (replies: readonly Reply[]): string[] =>
  [...JSON.stringify(replies).matchAll(/"(?:data|uri)":"([^"]+)"/g)].map((m) => m[1]!);
const first = (replies: readonly Reply[], prefix: string) => {
  const found = actionsOf(replies).find((a) => a.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} in ${JSON.stringify(replies).slice(0, 600)}`);
  return found;
};
/** The texts a patron reads (text, labels, alt texts), without the postback data and addresses. */
const textsOf = (value: unknown): string[] =>
  JSON.stringify(value, (k, v) => (k === 'data' || k === 'uri' || k === 'url' ? undefined : v))
    .split(/"[a-zA-Z]+":/)
    .filter((s) => s.startsWith('"'));

describe.each(['ja', 'en', 'easy'] as const)('the main journey in %s', (language: Language) => {
  let h: ChatHarness;
  let line: FakeLine;
  const u = () => h.user(1);
  const table = messageTables[language];
  const seen: Reply[][] = [];
  const say = async (text: string) => remember(await h.say(u(), text));
  const tap = async (data: string) => remember(await h.tap(u(), data));
  const remember = (r: Reply[]) => {
    seen.push(r);
    return r;
  };
  /** A keyword of this language, as the rich menu would send it. */
  const keyword = (k: keyof typeof table.keywords) => table.keywords[k][0]!;

  beforeAll(async () => {
    h = await chatHarness(undefined, { profileLanguage: async () => (language === 'en' ? 'en' : 'ja') });
    if (language === 'easy') {
      // やさしい日本語 is chosen by the patron: 言語 / Language, then its button.
      const asked = await h.say(u(), '言語 / Language');
      await h.tap(u(), first(asked, 'language|set|easy'));
    }
  });
  afterAll(async () => h.close());

  it('search → detail → login → reserve (branch, contact, send): the hold is placed', async () => {
    const found = await say(TITLE);
    const detail = await tap(first(found, 'search|detail|'));
    expect(JSON.stringify(detail)).toContain(TITLE);
    const needLogin = await tap(first(detail, 'reserve|start|'));
    const loginUrl = first(needLogin, 'https://library.example.jp/login?linkToken=');
    if (language !== 'ja') expect(loginUrl).toContain(`lang=${language}`);
    const linked = remember(await h.login(u(), TARO.card, TARO.password, loginUrl));
    const branches = await tap(first(linked, 'reserve|start|'));
    const contact = await tap(first(branches, 'reserve|branch|'));
    const confirm = await tap(first(contact, 'reserve|contact|'));
    await tap(first(confirm, 'reserve|send|'));
    const o = await patronOverview(h.db, TARO.card);
    expect(o!.holds.filter((x) => x.title === TITLE)).toHaveLength(1);
  });

  it('status → renew (ask, do) → status → cancel (ask, do): the loan renewed, the hold cancelled', async () => {
    const before = await patronOverview(h.db, TARO.card);
    const status = await say(keyword('status'));
    const ask = await tap(first(status, 'renew|confirm|'));
    await tap(first(ask, 'renew|do|'));
    const after = await patronOverview(h.db, TARO.card);
    expect(after!.loans.filter((l) => l.renewals > 0).length).toBe(
      before!.loans.filter((l) => l.renewals > 0).length + 1,
    );
    const again = await say(keyword('status'));
    const cancelAsk = await tap(first(again, 'cancel|confirm|'));
    await tap(first(cancelAsk, 'cancel|do|'));
    expect((await patronOverview(h.db, TARO.card))!.holds.length).toBe(after!.holds.length - 1);
  });

  it('a hold ready for pickup is pushed in the language, and every text of the journey is in it', async () => {
    line = fakeLine(lineApi);
    // A copy on the shelf of a title Taro neither has nor awaits: a counter hold on it is ready at once.
    const mine = await patronOverview(h.db, TARO.card);
    const taken = new Set([...mine!.loans, ...mine!.holds].map((x) => x.title));
    const shelf = await h.db
      .selectFrom('bibs as b')
      .innerJoin('items as i', 'i.bib_id', 'b.id')
      .select(['b.id', 'b.title', 'i.home_branch'])
      .where('i.status', '=', 'available')
      .orderBy('b.id')
      .execute();
    const bib = shelf.find((x) => !taken.has(x.title))!;
    // Where the library offers no LINE contact (another profile), there is no push to read.
    const contact = here.lineContact ? 'line' : 'none';
    await counterHold(h.db, TARO.card, String(bib.id), h.now, { contact, pickupBranch: bib.home_branch });
    await deliverLineNotices(h.db, testMessenger(), testLog, h.now);
    const pushed = line.pushes()[0]?.messages ?? [];
    if (here.lineContact) expect(JSON.stringify(pushed)).toContain(bib.title);
    expect(line.unexpected).toEqual([]);

    // Every text the patron read on the way.
    const texts = [...seen.flatMap(textsOf), ...textsOf(pushed)];
    const catalog = [
      ...(await h.db.selectFrom('bibs').select(['title', 'author', 'publisher']).execute()).flatMap((b) => [
        b.title,
        b.author ?? '',
        b.publisher ?? '',
      ]),
      ...(await h.db.selectFrom('items').select('call_number').execute()).map((i) => i.call_number ?? ''),
    ].filter(Boolean);
    const patron = (await h.db.selectFrom('patrons').select('name').execute()).map((p) => p.name);
    if (language === 'en') {
      const leaks = texts.map((t) => japaneseOutsideBrackets(t, [...catalog, ...patron])).filter(Boolean);
      expect(leaks).toEqual([]);
    } else {
      // Japanese and やさしい日本語 are told apart by their own words: none of the other table's
      // longer texts appears (a keyword a button sends may be the same in both).
      const other = messageTables[language === 'ja' ? 'easy' : 'ja'];
      const mine = new Set(stringsOf(table));
      const foreign = stringsOf(other).filter((w) => w.length >= 8 && !mine.has(w));
      const all = texts.join('\n');
      expect(foreign.filter((w) => all.includes(JSON.stringify(w).slice(1, -1)))).toEqual([]);
      expect(all).toContain(table.patronChat.buttons.status);
    }
  });
});

/** Every string of a table (not the functions' outputs). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
