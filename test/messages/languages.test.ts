// Every language's table against the Japanese one (issue 28): the same keys and functions, labels
// that fit LINE's 20 characters, and English that says nothing in Japanese outside brackets, where
// it gives the guide's term the counter staff will hear (受取館, 予約 …). Each function is called with
// sample arguments in each language's scope, under both bundled profiles, so the names of the
// library and its branches are checked as the patron would read them.

import { afterAll, describe, expect, it } from 'vitest';
import type { BranchDaysText } from '../../src/messages/ja/library-days.js';
import { HOLD_STATUSES } from '../../src/domain/holds.js';
import { REFUSAL_CODES } from '../../src/domain/refusals.js';
import { inLanguage, type Language } from '../../src/lib/language.js';
import { LIMITS } from '../../src/line/limits.js';
import { messageTables } from '../../src/messages/index.js';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';

type Tree = Record<string, unknown>;
const tables = messageTables as unknown as Record<string, Tree>;
const ja = tables.ja!;
const others = Object.keys(tables).filter((l) => l !== 'ja');

/** Every leaf of a table with its dotted path; getters are read, so they run in the caller's scope. */
function leaves(v: unknown, path = ''): [string, unknown][] {
  if (typeof v === 'function' || typeof v === 'string' || Array.isArray(v)) return [[path, v]];
  if (v && typeof v === 'object')
    return Object.keys(v).flatMap((k) => leaves((v as Tree)[k], path ? `${path}.${k}` : k));
  return [[path, v]];
}

function at(table: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Tree | undefined)?.[k], table);
}

/** Japanese (kana, kanji, Japanese punctuation, full-width forms) left once bracketed terms are removed. */
function japaneseOutsideBrackets(s: string): string | undefined {
  let rest = s;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/\([^()]*\)/g, '').replace(/（[^（）]*）/g, '');
  }
  return /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]/u.exec(rest)?.[0];
}

const DATE = '2026-12-09';
const day = (d: number) => new Date(Date.UTC(2026, 11, d)).toISOString().slice(0, 10);
const branchDays = (name: string, openToday: boolean): BranchDaysText => ({
  name,
  phone: '047-445-1430',
  weeklyClosedDays: [1],
  yearly: [{ start: '12-29', end: '01-03' }],
  openToday,
  nextOpen: day(10),
  hours: [null, null, ...Array(5).fill({ open: '09:30', close: '19:00' })],
  hoursToday: openToday ? { open: '09:30', close: '17:00' } : null,
  closedThisMonth: [day(7), day(14), day(28), day(29), day(30), day(31)],
});

/** Sample arguments for every function of the table; the profile's branch names are passed as callers pass them. */
function samples(): Record<string, unknown[][]> {
  const b = libraryProfile().branches.map((x) => x.name);
  const [b1 = '', b2 = b1] = b;
  const t = 'Momo';
  const days = (bs: string[], open: boolean[]) => ({
    today: DATE,
    branches: bs.map((n, i) => branchDays(n, open[i]!)),
  });
  const refusal = (params: Record<string, string | number>) => REFUSAL_CODES.map((code) => [{ code, params }]);
  return {
    formatDate: [[DATE], ['2027-01-01']],
    formatDateTime: [[new Date('2026-12-02T01:00:00Z')]],
    refusalMessage: [
      ...REFUSAL_CODES.map((code) => [{ code }]),
      ...refusal({ eligibleFrom: '2027-04-01', limit: 5, dueDate: DATE, from: day(10), until: day(31) }),
      ...refusal({ branchName: b2, phone: '047-445-1430', cap: 100, min: 6, max: 16, renewal: 'possible' }),
      ...refusal({ renewal: 'NOT_RENEWABLE_HELD_FOR_OTHERS' }),
    ],
    holdStatusLabel: HOLD_STATUSES.flatMap((s) => [[s], [s, 1], [s, 999]]),
    availabilityLabel: [[true], [false]],
    materialLabel: ['book', 'magazine', 'kamishibai', 'cd', 'dvd', 'video', 'cassette'].map((m) => [m]),
    contactLabel: [['none'], ['email'], ['line']],
    'intentAnswers.reserveHow': [[true], [false]],
    'intentAnswers.reserveRefused': [['Reason.']],
    'intentAnswers.renew': [[0], [2]],
    'intentAnswers.dueDates': [[{ overdue: 0 }], [{ overdue: 2, next: { dueDate: DATE, title: t, sameDay: 3 } }]],
    'intentAnswers.hours': [
      [
        days(
          b,
          b.map(() => true),
        ),
      ],
      [
        days(
          b,
          b.map(() => false),
        ),
      ],
      [
        days(
          b,
          b.map((_, i) => i > 0),
        ),
      ],
    ],
    'intentAnswers.calendar': [
      [
        days(
          b,
          b.map(() => true),
        ),
      ],
      [days([b1], [true])],
    ],
    'intentAnswers.loginTrouble': [[true], [false]],
    'botMessages.holdReady': [[{ title: t, branchName: b1, deadline: DATE }]],
    'botMessages.holdExpired': [[{ branchName: b2 }]],
    'chat.askField': [['Author']],
    'chat.noHits': [[t], [null], [t, ['Momo 2', 'Momotaro']]],
    'chat.resultHeader': [
      [t, 25, false, 1, 10],
      [t, 1000, true, 11, 20],
    ],
    'chat.holdCount': [[3]],
    'chat.notReservable': [['Reason.']],
    'chat.reserveNotOffered': [['Reason.']],
    'pagesChat.emailRefused': [['Reason.']],
    'pagesChat.menuNoEmail': [['Reason.']],
    'patronChat.loggedInNoReserve': [['Reason.']],
    'patronChat.continueAction': [['Renew']],
    'patronChat.continueReservation': [[t], ['']],
    'patronChat.statusHeader': [['Alice', 2, 3, 5]],
    'patronChat.statusHeaderNoReserve': [
      ['Alice', 2, 0],
      ['Alice', 2, 1],
    ],
    'patronChat.loansPage': [[25, 11, 20]],
    'patronChat.loanCardHeading': [[1, 3]],
    'patronChat.holdCardHeading': [[1, 3]],
    'patronChat.chooseBranch': [[t]],
    'patronChat.reservationWaits': [[t, 'Question?']],
    'patronChat.actionWaits': [['Renew']],
    'patronChat.contactNotOffered': [['LINE']],
    'patronChat.accepted': [[t, b1, 'E-mail']],
    'patronChat.renewConfirm': [
      [t, DATE, day(23), false],
      [t, DATE, day(1), true],
    ],
    'patronChat.renewed': [[t, DATE]],
    'patronChat.cancelConfirm': [[t, b2]],
    'holdServices.holdSlots': [
      [
        4,
        5,
        [
          { channel: 'counter', count: 1 },
          { channel: 'online', count: 3 },
        ],
      ],
      [0, 5, []],
    ],
    'holdServices.waitRange': [
      [0, 2],
      [1, 1],
      [2, 4],
    ],
    'holdServices.suspendedUntil': [[DATE]],
    'holdServices.notNeededAfter': [[DATE]],
    'holdServices.chooseNewBranch': [[t, b1]],
    'holdServices.pickupConfirm': [[t, b1, b2]],
    'holdServices.pickupDone': [[t, b2]],
    'holdServices.pickupAlready': [[t, b2]],
    'holdServices.choosePause': [[t]],
    'holdServices.suspendChoice': Array.from({ length: 365 }, (_, i) => [
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    ]),
    'holdServices.notNeededChoice': Array.from({ length: 365 }, (_, i) => [
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    ]),
    'holdServices.suspendConfirm': [[t, DATE]],
    'holdServices.notNeededConfirm': [[t, DATE]],
    'holdServices.suspendDone': [[t, DATE]],
    'holdServices.notNeededDone': [[t, DATE]],
    'holdServices.suspendAlready': [[t, DATE]],
    'holdServices.notNeededAlready': [[t, DATE]],
    'holdServices.resumeConfirm': [[t, DATE]],
    'holdServices.resumeDone': [[t]],
    'holdServices.resumeAlready': [[t]],
    'holdServices.renewAllConfirm': [
      [['- row'], 1],
      [['- a', '- b'], 2],
    ],
    'holdServices.renewAllRow': [[t, DATE]],
    'holdServices.renewAllNotRow': [[t, 'Reason.']],
    'holdServices.renewAllNone': [[['- row']]],
    'holdServices.renewAllDone': [[['- row']]],
    'holdServices.renewAllDoneRow': [[t, DATE]],
    'holdServices.renewAllAlready': [[['- row']]],
    'holdServices.renewAllDueRow': [[t, DATE]],
    'holdServices.remindersNow': [
      [0, false],
      [3, true],
    ],
    'holdServices.dueChoice': Array.from({ length: 15 }, (_, i) => [i]),
    'holdServices.pickupChoice': [[true], [false]],
    'holdServices.remindersDone': [
      [0, true],
      [1, false],
    ],
    'holdServiceNotices.holdNotNeeded.alt': [[t], ['']],
    'holdServiceNotices.overdue.alt': [[t]],
    'doneAlready.reserved': [[t, b1, 'Ready (受取り可)']],
    'doneAlready.renewed': [[t, DATE]],
    'doneAlready.cancelled': [[t]],
    reservationConfirmationText: [
      [{ title: t, branchName: b1, contactLabel: 'LINE', officialDate: DATE }],
      [{ title: t, branchName: b2, contactLabel: 'No notice', officialDate: DATE, noNotice: true, holdsAhead: 0 }],
      [{ title: t, branchName: b2, contactLabel: 'E-mail', officialDate: DATE, holdsAhead: 2 }],
    ],
    'noticeMessages.holdReady.alt': [[t]],
    'noticeMessages.holdExpired.alt': [[t], ['']],
    'noticeMessages.pickupReminder.alt': [[t, DATE]],
    'noticeMessages.dueReminder.alt': [[t, DATE]],
    'noticeMessages.loanReserved.alt': [[t]],
    'noticeMessages.dueDateMoved.alt': [[t, DATE]],
    'noticeMessages.pickupDeadlineMoved.alt': [[t, DATE]],
    mailSenderNotice: [['library@example.jp']],
    'mailNotArriving.checks': [['library@example.jp']],
    'mailText.confirmationAfterLink': [[{ expiresAt: new Date('2026-12-02T01:00:00Z') }]],
    'pages.required': [['Password']],
    'accountPages.email.done': [['someone@example.com']],
    'wishList.saved': [[t, 3, 100]],
    'wishList.savedAlready': [[t]],
    'wishList.removed': [[t]],
    'wishList.removedAlready': [[]],
    'wishList.empty': [[100]],
    'wishList.header': [
      [3, 100, 1, 3],
      [25, 100, 11, 20],
    ],
    'wishList.cardHeading': [[1, 3]],
    'wishList.holds': [[2]],
    'wishList.onShelf': [[[b1]], [b]],
    'wishList.atUsualBranch': [[b1]],
    'offerMessages.wish.alt': [[t]],
    'offerMessages.wish.atUsualBranch': [[b2]],
    'offerMessages.series.alt': [[t]],
    'offerMessages.series.note': [['Momo 1']],
    walkInAdvice: [
      [{ branchName: b1, close: '19:00', others: [], holdsWait: true }],
      [{ branchName: b2, close: '17:00', others: b.slice(2), holdsWait: false }],
    ],
    'libraryCard.holder': [['Alice']],
    'libraryCard.altText': [['*****1234']],
    'libraryCard.validUntil': [[new Date('2026-12-02T01:00:00Z')]],
    'cardWords.detailDisplayText': [['Alice in Wonderland']],
    'cardWords.quotedTitle': [['Alice in Wonderland']],
    'cardWords.row': [['Due', 'Wed 9 Dec 2026']],
    'cardWords.removeDisplayText': [['Alice in Wonderland', 'Remove']],
    'cardWords.holdingsAltText': [['Alice in Wonderland']],
    'cardWords.publishedYear': [[2026]],
    'cardWords.callNumber': [['913.6 N']],
    'cardWords.holdsAltText': [[0], [3]],
    'cardWords.loansAltText': [[1], [12]],
    'familyCards.holder': [['Hanako']],
    'familyCards.cardButton': [['Hanako']],
    'familyCards.added': [['Hanako']],
    'familyCards.actingFor': [['Hanako']],
    'familyCards.reservingFor': [['Hanako']],
    'familyCards.active': [['Hanako']],
    'familyCards.switched': [['Hanako']],
    'familyCards.unlinked': [['Hanako']],
    'familyCards.statusHeader': [[3]],
    'familyCards.holderLine': [['Hanako', 2, 1]],
    'familyCards.holderRefused': [['Hanako', 'Reason.']],
    'familyCards.cardHeading': [['Hanako', 'Loan 1/2']],
    'familyCards.noticeFor': [['Hanako']],
    'familyCards.noticeAltText': [['For Hanako', 'Ready']],
    'familyCards.cardMoved': [['Hanako']],
  };
}

/** Every text a table makes: its strings, and what its functions return for the samples. */
function texts(language: Language, table: Tree): { path: string; key: string; text: string }[] {
  return inLanguage(language, () => {
    const sample = samples();
    return leaves(table).flatMap(([path, v]) => {
      if (typeof v === 'string') return [{ path, key: path, text: v }];
      if (Array.isArray(v))
        return v.flatMap((x, i) => (typeof x === 'string' ? [{ path, key: `${path}.${i}`, text: x }] : []));
      if (typeof v !== 'function') return [];
      return (sample[path] ?? []).flatMap((args, n) => {
        const out: unknown = (v as (...a: unknown[]) => unknown)(...args);
        const list = Array.isArray(out) ? out : [out];
        return list.map((text, i) => ({ path, key: `${path}#${n}.${i}`, text: String(text) }));
      });
    });
  });
}

/** Labels: strings under a key naming a label or a button, and the functions that make quick-reply labels. */
const LABEL_PATH = /label|button/i;
/** Named labels that LINE shows as text (a card's line, a question) or that are HTML: no 20-character limit. */
const NOT_ACTION_LABELS = /^(pages|accountPages|titleAvailabilityLabels|copyStateLabels|chat\.fieldLabels)\./;
const LABEL_FUNCTIONS = [
  'holdStatusLabel',
  'availabilityLabel',
  'materialLabel',
  'contactLabel',
  'holdServices.suspendChoice',
  'holdServices.notNeededChoice',
  'holdServices.dueChoice',
  'holdServices.pickupChoice',
];

const PROFILES = ['kamagaya', 'minato'] as const;
const installed = libraryProfile();
afterAll(() => installProfile(installed));

describe('the Japanese check itself', () => {
  it('finds a Japanese sentence, and allows a bracketed term', () => {
    expect(japaneseOutsideBrackets('ご予約の資料をご用意しました')).toBeDefined();
    expect(japaneseOutsideBrackets('Pick up at 本館 (受取館)')).toBeDefined();
    expect(japaneseOutsideBrackets('Pick up at your pickup branch (受取館).')).toBeUndefined();
    expect(japaneseOutsideBrackets('Library card（利用者カード）: 「番号」')).toBeDefined();
    expect(japaneseOutsideBrackets('an ID document (本人確認書類: licence (運転免許証) etc.)')).toBeUndefined();
  });
});

describe.each(others)('the %s table', (language) => {
  const table = tables[language]!;

  it('has every key of ja, with a function where ja has one, taking as many arguments', () => {
    const missing: string[] = [];
    for (const [path, v] of leaves(ja)) {
      const mine = at(table, path);
      if (typeof v === 'function') {
        if (typeof mine !== 'function') missing.push(`${path}: not a function`);
        else if (mine.length !== v.length) missing.push(`${path}: ${mine.length} arguments, ja ${v.length}`);
      } else if (Array.isArray(v)) {
        if (!Array.isArray(mine)) missing.push(`${path}: not a list`);
      } else if (typeof mine !== typeof v) missing.push(`${path}: ${typeof mine}, ja ${typeof v}`);
    }
    expect(missing).toEqual([]);
  });

  it('has sample arguments for every function, so every text below is checked', () => {
    const sample = samples();
    const unsampled = leaves(table)
      .filter(([path, v]) => typeof v === 'function' && !(path in sample))
      .map(([path]) => path);
    expect(unsampled).toEqual([]);
  });

  it.each(PROFILES)('keeps its labels within LINE limits where ja does (%s profile)', (profile) => {
    installProfile(loadProfileFile(bundledProfilePath(profile)));
    const long = (language_: Language, t: Tree) =>
      new Map(
        texts(language_, t)
          .filter(
            ({ path }) => (LABEL_PATH.test(path) && !NOT_ACTION_LABELS.test(path)) || LABEL_FUNCTIONS.includes(path),
          )
          .map((x) => [x.key, x.text]),
      );
    const mine = long(language as Language, table);
    const theirs = long('ja', ja);
    const tooLong = [...mine]
      .filter(([k, s]) => s.length > LIMITS.actionLabel && (theirs.get(k)?.length ?? 0) <= LIMITS.actionLabel)
      .map(([k, s]) => `${k}: "${s}"`);
    expect(tooLong).toEqual([]);
  });

  it.each(PROFILES)('makes whole texts: no undefined, none empty or over LINE limits (%s profile)', (profile) => {
    installProfile(loadProfileFile(bundledProfilePath(profile)));
    const bad = texts(language as Language, table)
      .filter(({ path, text }) => {
        const broken = /undefined|NaN|\[object|\{\w+\}/.test(text) || text.length > LIMITS.textLength;
        const altTooLong = /\.alt$/.test(path) && text.length > LIMITS.altText;
        const empty = text === '' && !/needsLogin\.status$/.test(path) && !path.startsWith('libraryCard.holder');
        return broken || altTooLong || empty;
      })
      .map(({ path, text }) => `${path}: ${text}`);
    expect(bad).toEqual([]);
  });
});

describe.each(others.filter((l) => l === 'en'))('the %s table', (language) => {
  it.each(PROFILES)('says nothing in Japanese outside brackets (%s profile)', (profile) => {
    installProfile(loadProfileFile(bundledProfilePath(profile)));
    const japanese = texts(language as Language, tables[language]!)
      .filter(({ text }) => japaneseOutsideBrackets(text) !== undefined)
      .map(({ path, text }) => `${path}: ${text}`);
    expect(japanese).toEqual([]);
  });
});
