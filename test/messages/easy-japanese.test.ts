// Issue 28: the やさしい日本語 table has every key of the Japanese one, and reads as easy Japanese:
// short sentences, no honorific or hard words, and every kanji followed by its reading in （…）,
// except names from the profile and the catalog, dates and the search syntax (書名: …).

import { describe, expect, it } from 'vitest';
import { phraseMatcher } from '../../src/conversation/intents.js';
import { HOLD_STATUSES } from '../../src/domain/holds.js';
import { REFUSAL_CODES } from '../../src/domain/refusals.js';
import { inLanguage } from '../../src/lib/language.js';
import { easy } from '../../src/messages/easy/index.js';
import { ja } from '../../src/messages/ja/index.js';
import { messageTables } from '../../src/messages/index.js';
import { branchName, libraryNames } from '../../src/messages/local-names.js';
import { libraryProfile } from '../../src/profile/active.js';
import { demoCatalog } from '../../src/seed/demo/catalog.js';

/** As conversation/intents.ts compares phrases: NFKC, lower case, no spaces, katakana as hiragana. */
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** Lists matched against what the patron types: words, not sentences to read. */
const INPUT_KEYS = new Set(['keywords', 'stopWhileWaiting', 'choiceWords', 'intentPhrases', 'intentEndings']);

const READING = /^（[\p{Script=Hiragana}\p{Script=Katakana}ー・ 　]+）/u;
const KANJI_RUN = /[\p{Script=Han}々〆ヶ]+/gu;
const HARD_WORDS = [
  '確保',
  '恐れ入',
  'いただけ',
  'いただき',
  'ございます',
  'ご容赦',
  'お越し',
  'お申し込み',
  'お申込',
  'ご確認',
  'いたします',
  'お手数',
  '返却期限',
  '返却予定日',
];

/** Names the profile and the catalog give, written as they are: taken out before the checks. */
function names(): string[] {
  const own = libraryNames();
  const branches = libraryProfile().branches.flatMap((b) => [branchName(b.code), b.name]);
  return [own.name, own.accountName, own.municipality, ...branches, ...SAMPLE_NAMES].sort(
    (a, b) => b.length - a.length,
  );
}

const SAMPLE_NAMES = ['ぐりとぐら', 'はらぺこあおむし', 'やまだ たろう'];

/** What is wrong with one text as やさしい日本語; empty when nothing is. */
function problems(text: string): string[] {
  const found: string[] = [];
  let t = text;
  for (const n of names()) t = t.split(n).join('＿');
  t = t
    .replace(/https?:\/\/\S+/g, '＿')
    .replace(/\d+年|\d+月|\d+日（[日月火水木金土]）|\d+日/g, '＿')
    .replace(/(書名|著者|出版者|分類):/g, '＿:')
    .replace(/〇+/g, '＿');
  for (const m of t.matchAll(KANJI_RUN)) {
    const after = t.slice((m.index ?? 0) + m[0].length);
    if (!READING.test(after)) found.push(`kanji without reading: ${m[0]} in 「${text.slice(0, 40)}…」`);
  }
  const plain = t.replace(/ありがとうございま(す|した)/g, 'ありがとう');
  for (const w of HARD_WORDS) if (plain.includes(w)) found.push(`hard word ${w} in 「${text.slice(0, 40)}…」`);
  for (const sentence of t.split(/[。\n！？]/)) {
    const bare = sentence.replace(/（[^（）]*）/g, '').replace(/[\s　]/g, '');
    if (bare.length > 50) found.push(`sentence of ${bare.length} characters: ${sentence}`);
  }
  return found;
}

/** Every string leaf of the table (getters read in the language), input lists left out. */
function leaves(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node))
    node.forEach((n, i) => {
      leaves(n, `${path}[${i}]`, out);
    });
  else if (node && typeof node === 'object')
    for (const k of Object.keys(node)) {
      if (path === '' && INPUT_KEYS.has(k)) continue;
      leaves((node as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    }
  return out;
}

const title = 'ぐりとぐら';
const branch = libraryProfile().branches[0]!.name;
const other = libraryProfile().branches[1]!.name;
const sampleBranches = libraryProfile().branches.map((b, i) => ({
  name: b.name,
  phone: '047-445-1234',
  weeklyClosedDays: [1],
  yearly: [{ start: '12-29', end: '01-03' }],
  openToday: i !== 1,
  nextOpen: '2026-12-09',
  hours: [null, null, ...Array(4).fill({ open: '09:30', close: '19:00' }), { open: '09:30', close: '17:00' }],
  hoursToday: i !== 1 ? { open: '09:30', close: '19:00' } : null,
  closedThisMonth: ['2026-12-07', '2026-12-14', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
}));

/** The output of the table's functions with sample arguments, as the bot writes it. */
function calls(t: typeof easy): [string, string | readonly string[]][] {
  const params = { eligibleFrom: '2027-04-01', dueDate: '2026-12-08', from: '2026-12-09', until: '2027-01-05' };
  return [
    ...REFUSAL_CODES.map((code): [string, string] => [code, t.refusalMessage({ code, params })]),
    ...REFUSAL_CODES.map((code): [string, string] => [`${code} bare`, t.refusalMessage({ code })]),
    ['TITLE_ON_LOAN possible', t.refusalMessage({ code: 'TITLE_ON_LOAN_TO_PATRON', params: { renewal: 'possible' } })],
    [
      'HOLD_NOT_CANCELLABLE_READY',
      t.refusalMessage({ code: 'HOLD_NOT_CANCELLABLE_READY', params: { branchName: branch, phone: '047-445-1234' } }),
    ],
    ...HOLD_STATUSES.map((s): [string, string] => [s, t.holdStatusLabel(s, 3)]),
    ['greeting', t.botMessages.greeting],
    ['holdReady', t.botMessages.holdReady({ title, branchName: branch, deadline: '2026-12-15' })],
    ['holdExpired', t.botMessages.holdExpired({ branchName: branch })],
    ['noHits', t.chat.noHits('ぐりとぐら', ['ぐりとぐらのえんそく'])],
    ['noHits null', t.chat.noHits(null)],
    ['resultHeader', t.chat.resultHeader('ぐり', 25, false, 1, 10)],
    ['reserveHow', t.intentAnswers.reserveHow(false)],
    ['dueDates', t.intentAnswers.dueDates({ overdue: 1, next: { dueDate: '2026-12-08', title, sameDay: 2 } })],
    ['loginTrouble', t.intentAnswers.loginTrouble(true)],
    ['hours', t.intentAnswers.hours({ today: '2026-12-08', branches: sampleBranches })],
    ['calendar', t.intentAnswers.calendar({ today: '2026-12-08', branches: sampleBranches })],
    ['accepted', t.patronChat.accepted(title, branch, 'LINE')],
    ['renewConfirm', t.patronChat.renewConfirm(title, '2026-12-08', '2026-12-22', true)],
    ['statusHeader', t.patronChat.statusHeader('やまだ たろう', 2, 3, 10)],
    [
      'confirmation',
      t.reservationConfirmationText({
        title,
        branchName: branch,
        contactLabel: 'LINE',
        officialDate: '2026-12-09',
        noNotice: true,
        holdsAhead: 2,
      }),
    ],
    ['chooseNewBranch', t.holdServices.chooseNewBranch(title, branch)],
    ['pickupConfirm', t.holdServices.pickupConfirm(title, branch, other)],
    ['suspendConfirm', t.holdServices.suspendConfirm(title, '2026-12-20')],
    ['remindersNow', t.holdServices.remindersNow(3, true)],
    ['waitRange', t.holdServices.waitRange(2, 4)],
    ['walkIn', t.walkInAdvice({ branchName: branch, close: '19:00', others: [other], holdsWait: true })],
    ['wishSaved', t.wishList.saved(title, 3, 100)],
    ['onShelf', t.wishList.onShelf([branch, other])],
    ['dueAlt', t.noticeMessages.dueReminder.alt(title, '2026-12-08')],
    ['doneReserved', t.doneAlready.reserved(title, branch, t.holdStatusLabel('queued', 2))],
    ['mailSender', t.mailSenderNotice('library@example.jp')],
    ['mailChecks', t.mailNotArriving.checks('library@example.jp')],
    ['mailLink', t.mailText.confirmationAfterLink({ expiresAt: new Date('2026-12-08T05:30:00Z') })],
    ['emailDone', t.accountPages.email.done('taro@example.jp')],
    ['cardValid', t.libraryCard.validUntil(new Date('2026-12-08T05:30:00Z'))],
  ];
}

function texts(t: typeof easy): [string, string][] {
  const out = leaves(t, '', []);
  for (const [name, v] of calls(t)) for (const s of typeof v === 'string' ? [v] : v) out.push([name, s]);
  return out;
}

/** The key paths of a table, with whether each is a function and how many parameters it takes. */
function shape(node: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'function') out.set(path, `function/${node.length}`);
  else if (Array.isArray(node)) out.set(path, 'array');
  else if (node && typeof node === 'object') {
    out.set(path, 'object');
    for (const k of Object.keys(node)) shape((node as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else out.set(path, typeof node);
  return out;
}

describe('やさしい日本語 table (issue 28)', () => {
  it('is one of the message tables', () => {
    expect(messageTables.easy).toBe(easy);
  });

  it('has every key of ja, functions where ja has functions, with as many parameters', () => {
    const want = inLanguage('ja', () => shape(ja));
    const have = inLanguage('easy', () => shape(easy));
    const missing = [...want].filter(([path, kind]) => {
      const got = have.get(path);
      // A list may have another number of lines; a record of labels is a record.
      return kind === 'array' ? got !== 'array' : got !== kind && !path.match(/\[\d+\]$/);
    });
    expect(missing).toEqual([]);
  });

  it('writes short sentences, no honorific or hard words, and a reading after every kanji', () => {
    const found = inLanguage('easy', () => texts(easy).flatMap(([path, s]) => problems(s).map((p) => `${path}: ${p}`)));
    expect(found).toEqual([]);
  });

  it('the check fails on the adult Japanese sentences', () => {
    const adult = inLanguage('ja', () => [
      ja.refusalMessage({ code: 'NOT_RESIDENT' }),
      ja.refusalMessage({ code: 'NO_PASSWORD' }),
      ja.botMessages.holdReady({ title, branchName: branch, deadline: '2026-12-15' }),
      ja.noticeMessages.holdExpired.note,
      ja.chat.unknownInput,
    ]);
    for (const s of adult) expect(problems(s).length).toBeGreaterThan(0);
    expect(problems('予約資料を確保しました。')).not.toEqual([]);
    expect(problems('恐れ入りますが、もう一度お試しください。')).not.toEqual([]);
  });

  it('names the branches and the library with their readings', () => {
    inLanguage('easy', () => {
      const code = libraryProfile().branches[0]!;
      const withReading = libraryProfile().translations.easy?.branches[code.code];
      if (!withReading) return;
      expect(easy.patronChat.cancelConfirm(title, code.name)).toContain(withReading);
      expect(easy.walkInAdvice({ branchName: code.name, close: '19:00', others: [], holdsWait: false })).toContain(
        withReading,
      );
      expect(easy.pages.libraryName).toBe(libraryNames().name);
    });
  });

  it('keeps every label within LINE limits (20 characters) and alt texts within 400', () => {
    inLanguage('easy', () => {
      const labels = [
        ...Object.values(easy.chat.buttons),
        ...Object.values(easy.patronChat.buttons),
        ...Object.values(easy.holdServices.buttons),
        ...Object.values(easy.pagesChat.buttons),
        ...Object.values(easy.intentAnswers.buttons),
        easy.wishList.saveButton,
        easy.wishList.listButton,
        easy.wishList.removeButton,
        easy.wishList.reserveButton,
        easy.wishList.detailButton,
        easy.offerMessages.reserveButton,
        easy.libraryCard.button,
        easy.familyCards.addButton,
        easy.familyCards.unlinkAllButton,
        easy.familyCards.cardButton(easy.familyCards.holder('はなこ')),
        easy.holdServices.suspendChoice('2026-12-31'),
        easy.holdServices.notNeededChoice('2026-12-31'),
        ...[0, 1, 3, 7].map((d) => easy.holdServices.dueChoice(d)),
        easy.holdServices.pickupChoice(true),
        easy.holdServices.pickupChoice(false),
        ...['none', 'email', 'line'].map((c) => easy.contactLabel(c)),
        ...libraryProfile().branches.map((b) => branchName(b.name)),
      ];
      expect(labels.filter((l) => l.length === 0 || l.length > 20)).toEqual([]);
      const long = 'あ'.repeat(100);
      const alts = [
        easy.noticeMessages.holdReady.alt(long),
        easy.noticeMessages.pickupReminder.alt(long, '2026-12-08'),
        easy.noticeMessages.dueDateMoved.alt(long, '2026-12-08'),
        easy.offerMessages.wish.alt(long),
        easy.holdServiceNotices.holdNotNeeded.alt(long),
      ];
      expect(alts.filter((a) => a.length > 400)).toEqual([]);
      // A card's heading has room for about 11 characters a line on a phone 360 px wide.
      const headings = [
        ...Object.values(easy.noticeMessages),
        ...Object.values(easy.holdServiceNotices),
        easy.offerMessages.wish,
        easy.offerMessages.series,
      ].flatMap((n) => (typeof n === 'object' && 'cardHeading' in n ? (n.cardHeading as string).split('\n') : []));
      expect(headings.length).toBeGreaterThan(10);
      expect(headings.filter((line) => line.length > 11)).toEqual([]);
    });
  });

  it('accepts every word ja accepts, and the kana children type', () => {
    const lists = (t: typeof ja | typeof easy) => [
      ...Object.values(t.keywords).flat(),
      ...t.stopWhileWaiting,
      ...Object.values(t.choiceWords.contact).flat(),
      ...t.choiceWords.yes,
      ...t.choiceWords.no,
      ...t.choiceWords.endings,
      ...Object.values(t.intentPhrases).flat(),
      ...t.intentEndings,
    ];
    const words = new Set<string>(lists(easy));
    expect(lists(ja).filter((w) => !words.has(w))).toEqual([]);

    const intent = phraseMatcher(easy.intentPhrases);
    expect(intent('よやく')).toBe('reserveHow');
    expect(intent('ヨヤクしたいです')).toBe('reserveHow');
    expect(intent('かりているほん')).toBe('status');
    expect(intent('えんちょう')).toBe('renew');
    expect(intent('えんちょうしたい')).toBe('renew');
    expect(intent('かえすひはいつ？')).toBe('dueDates');
    expect(intent('としょかん あいてる？')).toBe('hours');
    expect(intent('パスワードをわすれた')).toBe('passwordForgotten');
    expect(intent('よみたいリスト')).toBe('wishList');
    // Whole messages only: a title that contains the words is still searched.
    expect(intent('よやくのひみつ')).toBeUndefined();
    expect(intent('ほん')).toBeUndefined();
    // A button that sends its own label sends a keyword (renew all, reminders) or a phrase (the list).
    expect(easy.keywords.renewAll).toContain(easy.holdServices.buttons.renewAll);
    expect(easy.keywords.reminders).toContain(easy.holdServices.buttons.reminders);
    expect(intent(easy.wishList.listButton)).toBe('wishList');
    expect(easy.choiceWords.yes).toContain('はい');
    expect(easy.choiceWords.no).toContain('いいえ');
    expect(easy.keywords.help).toContain('ヘルプ');
  });

  it('adds no whole-message word that is a title of the demo catalog (the words are matched in every language)', () => {
    const whole = (t: typeof ja | typeof easy) =>
      [...Object.values(t.keywords).flat(), ...Object.values(t.intentPhrases).flat(), ...t.stopWhileWaiting].map(fold);
    const before = new Set(whole(ja));
    const added = new Set(whole(easy).filter((w) => !before.has(w)));
    expect(demoCatalog.length).toBeGreaterThan(100);
    expect(demoCatalog.map((r) => r.title).filter((title) => added.has(fold(title)))).toEqual([]);
  });

  it('gives each phrase one meaning across the intents', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [intent, phrases] of Object.entries(easy.intentPhrases))
      for (const p of phrases) {
        const before = seen.get(fold(p));
        if (before && before !== intent) clashes.push(`${p}: ${before} / ${intent}`);
        seen.set(fold(p), intent);
      }
    expect(clashes).toEqual([]);
  });
});
