// Everyday phrases that name what the bot can do, with the kana forms children type (よやく,
// かりているほん, えんちょう, としょかん あいてる?), and the answers in やさしい日本語. A phrase counts only
// as the whole message (conversation/intents.ts folds katakana to hiragana and drops spaces).

import { LOCK_MS, MAX_FAILURES } from '../../domain/lockout.js';
import { INTENT_ENDINGS as JA_ENDINGS, INTENT_PHRASES as JA } from '../ja/intents.js';
import { formatDateEasy } from './format.js';
import { calendarAnswer, hoursAnswer } from './library-days.js';
import { lib } from './library.js';
import { AT_COUNTER_WITH_ID } from './phrases.js';

export const INTENT_PHRASES = {
  reserveHow: [
    ...JA.reserveHow,
    'よやく',
    'よやくする',
    'よやくのしかた',
    'よやくのやりかた',
    'よやくのほうほう',
    'よやくするには',
    'どうやってよやく',
    'ほんをよやく',
    '本をよやく',
  ],
  status: [
    ...JA.status,
    'かりているほん',
    'かりてるほん',
    'かりている本',
    'かりてる本',
    'かりたほん',
    'よやくのじょうきょう',
    'よやくしたほん',
  ],
  renew: [
    ...JA.renew,
    'えんちょう',
    'えんちょうする',
    'えんちょうのしかた',
    'えんちょうおねがい',
    'もっとかりたい',
    'もっとながくかりたい',
  ],
  dueDates: [
    ...JA.dueDates,
    'かえすひ',
    'かえす日',
    'かえすひはいつ',
    'かえす日はいつ',
    'いつかえす',
    'いつまでにかえす',
    'いつまでにかえせばいい',
    'へんきゃくび',
  ],
  cancelHold: [
    ...JA.cancelHold,
    'とりけし',
    'とりけす',
    'よやくとりけし',
    'よやくのとりけし',
    'よやくをとりけす',
    'よやくをとりけし',
    'よやくをやめる',
    'よやくをやめ',
  ],
  hours: [
    ...JA.hours,
    'としょかんあいてる',
    'としょかんはあいてる',
    'としょかんあいてますか',
    'あいてる',
    'あいている',
    'あいてますか',
    'あいていますか',
    'きょうはあいてる',
    'きょうあいてる',
    'きょうはやすみ',
    'やすみのひ',
    'なんじまで',
    'なんじから',
    'なんじにあく',
    'なんじにしまる',
    'としょかんはなんじまで',
    'としょかんのじかん',
    'かいかんじかん',
    'きゅうかんび',
    'でんわばんごう',
    'としょかんのでんわ',
    'としょかんのでんわばんごう',
  ],
  libraryCard: [...JA.libraryCard, 'りようしゃカード', 'としょかんカード', 'としょかんのカード', 'カードをみせて'],
  calendar: [...JA.calendar, 'としょかんカレンダー', 'こんげつのやすみ', 'やすみのひのカレンダー'],
  passwordForgotten: [
    ...JA.passwordForgotten,
    'パスワードをわすれた',
    'パスワードわすれた',
    'パスワードをわすれました',
    'パスワードわすれました',
    'パスワードをわすれちゃった',
    'パスワードがほしい',
    'パスワードをもっていない',
    'パスワードをなくした',
  ],
  loginTrouble: [...JA.loginTrouble, 'ログインできないです', 'ログインがしっぱいする', 'はいれない'],
  passwordChange: [
    ...JA.passwordChange,
    'パスワードをかえたい',
    'パスワードかえたい',
    'パスワードをかえる',
    'パスワードのへんこう',
  ],
  emailRegistration: [
    ...JA.emailRegistration,
    'メールアドレスをとうろく',
    'メールアドレスのとうろく',
    'メールとうろく',
  ],
  wishList: [...JA.wishList, 'よみたい', 'よみたいリスト', 'よみたいほん', 'よみたい本', 'よみたいリストをみる'],
  thanks: [...JA.thanks, 'ありがと', 'たすかりました', 'たすかった'],
  hello: [...JA.hello],
} as const;

/** ja's endings, and the kana ones children add (おしえて, しりたい). */
export const INTENT_ENDINGS = [
  ...JA_ENDINGS,
  'おしえてください',
  'おしえて',
  '教えてください',
  '教えて',
  'しりたい',
] as const;

const STATUS = '「ご利用状況（りようじょうきょう）」';

export const intentAnswers = {
  reserveHow: (loggedIn: boolean) =>
    [
      '【LINEで 予約（よやく）する しかた】',
      '1. 本（ほん）の 名前（なまえ）などを 送（おく）って、本（ほん）を さがします。',
      '2. 「よやくする」を 押（お）します（「くわしく 見（み）る」からも 予約（よやく）できます）。',
      '3. 受取館（うけとりかん）と れんらくの しかたを えらびます。ないようを 見（み）て「おくる」を 押（お）します。',
      loggedIn
        ? 'いま ログインして います。このまま さがして、予約（よやく）できます。'
        : '予約（よやく）には ログインが 必要（ひつよう）です。利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを つかいます。' +
          '「よやくする」を 押（お）すと、ログインの ボタンが 出（で）ます。',
      `予約（よやく）できるのは、${lib.municipality}に 住（す）んでいる・働（はたら）いている・学校（がっこう）に 通（かよ）っている、` +
        `${lib.ageRule || '人（ひと）'}です。${lib.holdLimitRule}です。` +
        `予約（よやく）の ようすは ${STATUS}で 見（み）られます。`,
    ].join('\n'),
  reserveRefused: (reason: string) =>
    `【LINEで 予約（よやく）】\nいま ログインして いる 利用者（りようしゃ）カードでは、予約（よやく）が できません。\n${reason}`,
  renew: (renewable: number) =>
    renewable > 0
      ? '延長（えんちょう）は、下（した）の かりている 本（ほん）の「えんちょうする」から します。' +
        `かえす 日（ひ）は、${lib.renewalPeriod}に なります。`
      : 'いま 延長（えんちょう）できる 本（ほん）は ありません。できない わけは、下（した）の 本（ほん）ごとに 書（か）いて あります。',
  dueDates: (p: { overdue: number; next?: { dueDate: string; title: string; sameDay: number } }) =>
    [
      ...(p.overdue > 0
        ? [`かえす 日（ひ）が すぎた 本（ほん）が ${p.overdue}冊（さつ） あります。はやく かえして ください。`]
        : []),
      ...(p.next
        ? [
            `つぎの かえす 日（ひ）は ${formatDateEasy(p.next.dueDate)}です（『${p.next.title}』` +
              `${p.next.sameDay > 1 ? `と ほかに ${p.next.sameDay - 1}冊（さつ）` : ''}）。`,
          ]
        : []),
      'かりている 本（ほん）ぜんぶの かえす 日（ひ）は、下（した）に あります。',
    ].join('\n'),
  cancelHold:
    '予約（よやく）を とりけす ときは、下（した）の 予約（よやく）して いる 本（ほん）の「とりけす」を 押（お）します。' +
    '「受取（うけと）り可（か）」に なった 予約（よやく）は、LINEでは とりけせません。受取館（うけとりかん）に 電話（でんわ）して ください。',
  needsLogin: {
    renew: `延長（えんちょう）は、${STATUS}の かりている 本（ほん）から します。`,
    dueDates: `かえす 日（ひ）は、${STATUS}で 見（み）られます。`,
    cancelHold: `予約（よやく）を とりけす ときは、${STATUS}の 予約（よやく）して いる 本（ほん）から します。`,
    status: '',
  },
  hours: hoursAnswer,
  calendar: calendarAnswer,
  get passwordForgotten(): string {
    return (
      '図書館（としょかん）も パスワードを 知（し）りません。だから、LINEや インターネットでは、教（おし）える ことも、新（あたら）しく 出（だ）す ことも できません。\n' +
      `${AT_COUNTER_WITH_ID}そして、パスワードが ほしいと 言（い）って ください。` +
      `新（あたら）しい はじめの パスワードを、レシートで 出（だ）します。英語（えいご）の 文字（もじ）と 数字（すうじ）で ${lib.initialPasswordLength}文字（もじ）です。\n` +
      `パスワードが まだ ない 人（ひと）${lib.ageRule ? `（${lib.ageRule}）` : ''}も、おなじように もらえます。` +
      'はじめの パスワードは、そのまま つかえます。かえる ときは「パスワード変更（へんこう）」から かえられます。'
    );
  },
  loginTrouble: (loggedIn: boolean) =>
    [
      ...(loggedIn ? ['この LINEは、もう ログインして います。'] : []),
      'ログインが できない ときは、つぎを 見（み）て ください。',
      '・利用者（りようしゃ）カードの 番号（ばんごう）を、カードに 書（か）いて ある とおりに 入（い）れたか',
      '・パスワードの 英語（えいご）の 文字（もじ）は、大（おお）きい 文字（もじ）と 小（ちい）さい 文字（もじ）が ちがいます',
      '・パスワードを かえた 人（ひと）は、新（あたら）しい パスワードを 入（い）れたか',
      `・${MAX_FAILURES}回（かい） つづけて まちがえると、${LOCK_MS / 60_000}分（ぷん） ログインできません。時間（じかん）を おいて ためして ください`,
      `パスワードを わすれた ときは、${AT_COUNTER_WITH_ID}そして、新（あたら）しい パスワードが ほしいと 言（い）って ください。`,
      '障（しょう）がい者（しゃ）サービスを つかって いる 人（ひと）は、パスワードを 登録（とうろく）できません。' +
        'わからない ことは、カウンターで 聞（き）いて ください。',
    ].join('\n'),
  thanks:
    'どういたしまして。つかって くれて、ありがとうございます。\n' +
    'ほかにも ようじが あれば、本（ほん）の 名前（なまえ）などを 送（おく）るか、下（した）の メニューから えらんで ください。',
  get hello(): string {
    return (
      `こんにちは。${lib.accountName}の LINE公式（こうしき）アカウントです。\n` +
      '本（ほん）の 名前（なまえ）などを 送（おく）ると、本（ほん）を さがします。' +
      `予約（よやく）や ${STATUS}は、下（した）の メニューから どうぞ。`
    );
  },
  buttons: {
    searchAsTitle: 'ほんの なまえで さがす',
    passwordChange: 'パスワードを かえる',
    login: 'ログイン',
  },
} as const;
