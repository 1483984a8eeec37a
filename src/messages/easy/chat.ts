// The conversation's own words in やさしい日本語: the greeting, the keywords, search and help, and the
// answers that open the patron pages. Typed words are matched in every language at once, so the
// kana forms added here must not be words a patron could search as a title.

import { CHOICE_WORDS as JA_CHOICE, KEYWORDS as JA_KEYWORDS, STOP_WHILE_WAITING as JA_STOP } from '../ja/chat.js';
import { branchName } from '../local-names.js';
import { formatDateEasy } from './format.js';
import { lib } from './library.js';
import { NO_CARD_YET } from './phrases.js';

const STATUS = '「ご利用状況（りようじょうきょう）」';
const LOGIN_NEEDS =
  '予約（よやく）などには、ログインが 必要（ひつよう）です。' +
  'ログインには、利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを つかいます。';

export const botMessages = {
  get greeting(): string {
    return (
      `${lib.accountName}の LINE公式（こうしき）アカウントです。友（とも）だち 追加（ついか）、ありがとうございます。\n` +
      'この アカウントで できる こと：本（ほん）を さがす・予約（よやく）・かりている 本（ほん）を 見（み）る・' +
      '延長（えんちょう）・予約（よやく）を とりけす\n' +
      (lib.lineContact
        ? '予約（よやく）した 本（ほん）の 用意（ようい）が できたら、LINEで おしらせします。\n'
        : 'かりている 本（ほん）の かえす 日（ひ）を おしらせします。\n') +
      '本（ほん）を さがす ことは、だれでも できます。' +
      LOGIN_NEEDS +
      NO_CARD_YET +
      'パスワードは、本館（ほんかん）か 分館（ぶんかん）の カウンターで 出（だ）して います。'
    );
  },
  holdReady: (p: { title: string; branchName: string; deadline: string }) =>
    `予約（よやく）した 本（ほん）の 用意（ようい）が できました。\n『${p.title}』\n` +
    `受取館（うけとりかん）：${branchName(p.branchName)}\nうけとりの しめきり：${formatDateEasy(p.deadline)}\n` +
    '利用者（りようしゃ）カードを 持（も）って、しめきりまでに 来（き）て ください。',
  holdExpired: (p: { branchName: string }) =>
    `${branchName(p.branchName)}で とって おいた 本（ほん）は、うけとりの しめきりが すぎました。` +
    'だから、予約（よやく）を とりけしました。ほしい ときは、もう 一度（いちど） 予約（よやく）して ください。',
} as const;

/**
 * Typed words that start a conversation: ja's, and the kana children type. Matched whole and
 * exactly (router.ts), so the labels of the buttons that send their own label are here too, and
 * the rich menus' words (./rich-menu.ts), spaced between words as やさしい日本語 is written.
 */
export const KEYWORDS = {
  search: [...JA_KEYWORDS.search, 'けんさく', 'ぞうしょけんさく', 'ほんをさがす', '本をさがす', '本を さがす'],
  status: [...JA_KEYWORDS.status, 'ごりようじょうきょう', 'りようじょうきょう', 'りよう じょうきょう'],
  login: [...JA_KEYWORDS.login, 'ろぐいん'],
  logout: [...JA_KEYWORDS.logout, 'ろぐあうと'],
  passwordChange: [...JA_KEYWORDS.passwordChange, 'パスワードへんこう', 'ぱすわーどへんこう', 'パスワード へんこう'],
  emailRegistration: [...JA_KEYWORDS.emailRegistration, 'メールアドレスとうろく', 'メールとうろく', 'メール とうろく'],
  services: [...JA_KEYWORDS.services, 'かくしゅサービス', 'かくしゅ サービス'],
  help: [...JA_KEYWORDS.help, 'へるぷ', 'つかいかた'],
  stop: [...JA_KEYWORDS.stop],
  renewAll: [...JA_KEYWORDS.renewAll, 'ぜんぶ えんちょう', 'ぜんぶえんちょう', 'まとめてえんちょう', 'ぜんぶ延長'],
  reminders: [...JA_KEYWORDS.reminders, 'おしらせの せってい', 'おしらせのせってい', 'つうちせってい'],
  libraryCard: [...JA_KEYWORDS.libraryCard, 'りようしゃカード', 'りようしゃかーど', 'りようしゃ カード'],
  addFamilyCard: [...JA_KEYWORDS.addFamilyCard, 'かぞくのカードをついか'],
  switchCard: [...JA_KEYWORDS.switchCard, 'カードをかえる'],
  unlinkCard: [...JA_KEYWORDS.unlinkCard, 'カードをやめる'],
  language: [...JA_KEYWORDS.language, 'げんご'],
} as const;

/** While a question waits, these mean やめる too (with any ending: やめます, やめたい). */
export const STOP_WHILE_WAITING = [
  ...JA_STOP,
  'よやくをやめる',
  'よやくをやめ',
  'よやくやめる',
  'よやくやめ',
  'よやくをキャンセル',
  'よやくキャンセル',
  'とめる',
  'とめて',
  'ちゅうし',
  'もういい',
] as const;

/** Typed answers that count as a tap on a choice; compared as typed (no kana folding). */
export const CHOICE_WORDS = {
  contact: {
    none: [
      ...JA_CHOICE.contact.none,
      'れんらく しない',
      'れんらくしない',
      'れんらくふよう',
      'ふよう',
      'れんらくなし',
      'いらない',
    ],
    email: [...JA_CHOICE.contact.email, 'めーる', 'いーめーる'],
    line: [...JA_CHOICE.contact.line, 'らいん'],
  },
  yes: [...JA_CHOICE.yes, 'うん', 'おくる', 'そうしん', 'おねがいします', 'おねがい', 'いいよ'],
  no: [...JA_CHOICE.no, 'ううん', 'いや', 'しない'],
  endings: [...JA_CHOICE.endings, 'がいいです', 'がいい', 'にする', 'でいい', 'おねがい'],
} as const;

const FIELDS =
  'えらんで さがす ときは、「書名:」「著者:」「出版者:」「分類:」を 言葉（ことば）の 前（まえ）に つけます。' +
  '書名（しょめい）は 本（ほん）の 名前（なまえ）です。著者（ちょしゃ）は 書（か）いた 人（ひと）です。' +
  '出版者（しゅっぱんしゃ）は 本（ほん）を 作（つく）った 会社（かいしゃ）です。分類（ぶんるい）は 本（ほん）の 番号（ばんごう）です' +
  '（れい：著者:宮部（みやべ） 分類:913）。';

export const chat = {
  get help(): string {
    return helpLines().join('\n');
  },
  searchGuide:
    'さがしたい 本（ほん）の 名前（なまえ）や、書（か）いた 人（ひと）の 名前（なまえ）などを 送（おく）って ください。\n' +
    `${FIELDS}下（した）の ボタンからも えらべます。`,
  askField: (fieldLabel: string) => `${fieldLabel}を 入（い）れて ください。`,
  fieldLabels: {
    title: '本（ほん）の 名前（なまえ）',
    author: '書（か）いた 人（ひと）の 名前（なまえ）',
    publisher: '出版者（しゅっぱんしゃ）',
    classification: '分類（ぶんるい）',
  } as Record<string, string>,
  /** `q` null: the words may be a card number or a password, so they are not shown back. */
  noHits: (q: string | null, close: readonly string[] = []) =>
    [
      q === null
        ? '送（おく）った 言葉（ことば）の 本（ほん）は ありませんでした。\n' +
          '利用者（りようしゃ）カードの 番号（ばんごう）や パスワードかも しれないので、言葉（ことば）は 出（だ）しません。' +
          'パスワードは トークに 送（おく）らないで ください。' +
          'ログインは、「ログイン」から 開（ひら）く 図書館（としょかん）の ページで します。' +
          '送（おく）って しまった ときは、「パスワード変更（へんこう）」から かえて ください。\n' +
          '本（ほん）を さがして いる ときは、つぎの ように して みて ください。'
        : `「${q}」の 本（ほん）は ありませんでした。つぎの ように して みて ください。`,
      ...(close.length > 0
        ? [`・この 本（ほん）ですか？：${close.map((t) => `『${t}』`).join('、')}（下（した）の ボタンで さがせます）`]
        : []),
      '・言葉（ことば）を 少（すく）なく する（本（ほん）の 名前（なまえ）の 一部（いちぶ）だけ、書（か）いた 人（ひと）だけ など）',
      '・ちがう 書（か）きかたに する（ひらがな・カタカナ・漢字（かんじ））',
      '・「書名:〇〇」「著者:〇〇」のように えらんで さがす',
      '下（した）の「本（ほん）を さがす」からも さがせます。つかいかたは「ヘルプ」を 見（み）て ください。',
    ].join('\n'),
  emptyQuery: 'さがす 言葉（ことば）を 入（い）れて ください。',
  resultHeader: (q: string, total: number, capped: boolean, from: number, to: number) =>
    `「${q}」を さがした けっか：${capped ? '1000けん より 多（おお）い' : `${total}けん`}（${from}〜${to}けん目（め））\n` +
    '本（ほん）を えらぶと、ある 図書館（としょかん）と、かりられるかが わかります。',
  reserveWhich: '予約（よやく）する 本（ほん）の「よやくする」を 押（お）して ください。',
  tooMany:
    '1000けん より 多（おお）く ありました。言葉（ことば）を ふやすか、「書名:」「著者:」などで しぼって ください。',
  titleNotFound: 'この 本（ほん）は ありませんでした。もう 一度（いちど） さがして ください。',
  holdCount: (n: number) => `予約（よやく）：${n}けん`,
  notReservable: (reason: string) => `この 本（ほん）は 予約（よやく）できません。${reason}`,
  reserveNotOffered: (reason: string) =>
    'いま ログインして いる 利用者（りようしゃ）カードでは、予約（よやく）が できません。' +
    `だから、「よやくする」は 出（だ）して いません。${reason}`,
  expired:
    'この そうさは、時間（じかん）が すぎて おわりました。ごめんなさい。もう 一度（いちど） はじめから して ください。' +
    '下（した）の メニューから えらんで ください。',
  unknownInput:
    'ごめんなさい。よく わかりませんでした。本（ほん）の 名前（なまえ）などを 送（おく）ると、本（ほん）を さがします。' +
    'つかいかたは「ヘルプ」を 見（み）て ください。',
  comingSoon:
    'この きのうは、いま じゅんび中（ちゅう）です。図書館（としょかん）の ホームページか カウンターを つかって ください。',
  buttons: {
    detail: 'くわしく 見（み）る',
    next: 'つぎの 10けん',
    prev: 'まえの 10けん',
    search: '本（ほん）を さがす',
    help: 'ヘルプ',
    reserve: 'よやくする',
    byTitle: 'ほんの なまえで さがす',
    byAuthor: 'かいた ひとで さがす',
    byPublisher: 'しゅっぱんしゃで さがす',
    kamishibai: 'かみしばいを さがす',
    ya: 'YA（ちゅうこうせい むけ）',
  },
} as const;

const PAGE = '図書館（としょかん）の ページ';

export const pagesChat = {
  get password(): string {
    return (
      `パスワードを かえるのは、${PAGE}で します。` +
      '下（した）の「パスワード変更（へんこう）」を 押（お）して、ページを 開（ひら）いて ください。' +
      '利用者（りようしゃ）カードの 番号（ばんごう）・いまの パスワード・新（あたら）しい パスワードを 入（い）れます。' +
      `新（あたら）しい パスワードは、英語（えいご）の 文字（もじ）と 数字（すうじ）で ${lib.minPasswordLength}文字（もじ）より 多（おお）く します。\n` +
      '（パスワードは LINEの トークに 入（い）れないで ください。）'
    );
  },
  get email(): string {
    return (
      `メールアドレスの 登録（とうろく）は、${PAGE}で します。` +
      '下（した）の「メールアドレス登録（とうろく）」を 押（お）して、ページを 開（ひら）いて ください。' +
      '登録（とうろく）の あとで、メールが とどきます。その メールの URLで「確定（かくてい）」を 押（お）して ください。' +
      'そうすると、予約（よやく）の れんらくに「E-mail」を えらべます。' +
      'メールが とどかない ときは、アドレスが まちがって いないか 見（み）て ください。' +
      'めいわくメールの せっていも 見（み）て ください。それから、正（ただ）しい アドレスで もう 一度（いちど） して ください。\n' +
      `（${lib.municipality}に 住（す）んでいる・働（はたら）いている・学校（がっこう）に 通（かよ）っている、` +
      `${lib.ageRule || '人（ひと）'}が できます。）`
    );
  },
  menu:
    'いろいろな サービス\n' +
    `パスワードを かえる ことと、メールアドレスの 登録（とうろく）は、${PAGE}で します。下（した）の ボタンから えらんで ください。`,
  emailRefused: (reason: string) =>
    `いま ログインして いる 利用者（りようしゃ）カードでは、メールアドレスの 登録（とうろく）が できません。\n${reason}`,
  menuNoEmail: (reason: string) =>
    'いろいろな サービス\n' +
    `パスワードを かえるのは、${PAGE}で します。下（した）の ボタンを 押（お）して ください。\n` +
    `いま ログインして いる 利用者（りようしゃ）カードでは、メールアドレスの 登録（とうろく）が できません。${reason}`,
  buttons: { password: 'パスワード変更（へんこう）', email: 'メールアドレス登録（とうろく）' },
} as const;

/** ヘルプ: what the account does, with the library's own name, limits and periods. */
function helpLines(): string[] {
  return [
    `【${lib.name}の LINEで できる こと】`,
    '■本（ほん）を さがす：だれでも できます。本（ほん）の 名前（なまえ）などを 送（おく）ると さがします。' +
      '「著者:夏目（なつめ）」「出版者:新潮社（しんちょうしゃ）」「分類:C」（紙芝居（かみしばい））のようにも さがせます。',
    '■予約（よやく）・ご利用状況（りようじょうきょう）・延長（えんちょう）・予約（よやく）を とりけす：ログインして ください。' +
      'ログインには、利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを つかいます。' +
      (lib.ageRule ? `ログインできるのは、${lib.ageRule}です。` : '') +
      NO_CARD_YET +
      'パスワードは、本館（ほんかん）か 分館（ぶんかん）の カウンターで 出（だ）します。' +
      '利用者（りようしゃ）カードと 本人確認書類（ほんにんかくにんしょるい）を 持（も）って 来（き）て ください。',
    `■予約（よやく）は ${lib.holdLimitRule}です。` +
      (lib.holdsWait
        ? 'LINEの 予約（よやく）は、はじめは「依頼中（いらいちゅう）」です。つぎの 開館日（かいかんび）の 朝（あさ）に、本当（ほんとう）の 予約（よやく）に なります。'
        : ''),
    `■用意（ようい）が できた 本（ほん）は、受取館（うけとりかん）で とって おきます。${lib.shelfPeriod}の あいだです。`,
    '■利用者（りようしゃ）カード：ログインして「りようしゃカード」と 送（おく）ると、バーコードが 出（で）ます。カウンターで 読（よ）めます。',
    '■家族（かぞく）の カード：「かぞくのカードをついか」と 送（おく）ると、家族（かぞく）の カードも つかえます。6まいまで です。',
    '■ことば：「げんご」と 送（おく）ると、ことばを かえられます。',
    '■紙芝居（かみしばい）は「分類:C」で さがせます（本（ほん）の 番号（ばんごう）が「P」で はじまります）。' +
      '番号（ばんごう）に「YA」が ある 本（ほん）は、中学生（ちゅうがくせい）・高校生（こうこうせい）むけです。',
    '■CD・DVDなど、図書館（としょかん）の 中（なか）で 読（よ）むだけの 本（ほん）、雑誌（ざっし）の いちばん 新（あたら）しい 号（ごう）は、予約（よやく）できません。',
  ];
}
