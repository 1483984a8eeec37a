// The conversation's own words: the greeting, the keywords that start a conversation, search and
// help, and the answers that open the patron pages.

import { formatDateJa } from './format.js';
import { lib } from './library.js';
import { NO_CARD_YET } from './phrases.js';

/**
 * What the bot says outside refusals. Kept in the messages table with the refusals so the whole
 * patron-facing text can be reviewed and translated in one place.
 */
export const botMessages = {
  get greeting(): string {
    return (
      `${lib.accountName}のLINE公式アカウントです。友だち追加ありがとうございます。\n` +
      'このアカウントでは、蔵書検索、予約、ご利用状況の確認、貸出期間の延長、予約の取消ができ、' +
      (lib.lineContact
        ? '予約資料のご用意ができたらLINEでお知らせします。\n'
        : '貸出中の資料の返却日をお知らせします。\n') +
      '蔵書検索はどなたでもご利用いただけます。予約などには利用者カードの番号とパスワードでのログインが必要です。' +
      NO_CARD_YET +
      'パスワードは本館・分館のカウンターで発行しています。'
    );
  },
  holdReady: (p: { title: string; branchName: string; deadline: string }) =>
    `ご予約の資料をご用意しました。\n『${p.title}』\n受取館：${p.branchName}\n受取期限：${formatDateJa(p.deadline)}\n` +
    '利用者カードをお持ちのうえ、受取期限までにお越しください。',
  holdExpired: (p: { branchName: string }) =>
    `${p.branchName}でお取り置きしていた予約資料は、受取期限を過ぎたため予約を取り消しました。` +
    'ご希望の場合は、あらためて予約をお申し込みください。',
} as const;

/** Typed words (and rich-menu taps, which send the same words) that start a conversation. */
export const KEYWORDS = {
  search: ['蔵書検索', '検索'],
  status: ['ご利用状況', '利用状況'],
  login: ['ログイン'],
  logout: ['ログアウト'],
  passwordChange: ['パスワード変更'],
  emailRegistration: ['メールアドレス登録'],
  services: ['各種サービス'],
  help: ['ヘルプ', 'help', 'ﾍﾙﾌﾟ'],
  stop: ['やめる', 'キャンセル'],
  // Issue 26: renew every loan at once (R-LOAN-5); the reminder choices (R-NOTE-2).
  renewAll: ['まとめて延長', '全部延長'],
  reminders: ['通知設定'],
  // Issue 27: the library card's barcode (the logged-in rich menu's tile).
  libraryCard: ['利用者カード'],
  // Family cards (docs/family-cards.md).
  addFamilyCard: ['家族のカードを追加', '家族のカード追加'],
  switchCard: ['カードの切り替え', 'カード切り替え'],
  unlinkCard: ['カードの登録解除'],
  // Issue 28: the language of the replies; the words of every language open it.
  language: ['言語 / Language', '言語', '言語設定', '表示言語'],
} as const;

/**
 * While a question waits (a reservation, a confirmation, a field to search), these mean やめる as
 * well, with any ending of INTENT_ENDINGS (やめます, やめたい, キャンセルします, 中止してください).
 * Only then: with nothing in progress they are searched, as a title may be just these words.
 */
export const STOP_WHILE_WAITING = [
  '予約をやめる',
  '予約をやめ',
  '予約やめる',
  '予約やめ',
  '予約をキャンセル',
  '予約キャンセル',
  '予約を中止',
  '予約中止',
  'やめる',
  'やめ',
  'やめて',
  'やめておく',
  'やめておき',
  'やめとく',
  'やめとき',
  '止める',
  '止め',
  'キャンセル',
  '中止',
  'ストップ',
  '取りやめ',
  'とりやめ',
] as const;

/**
 * Typed answers that count as a tap on a choice (a question with buttons is waiting). Branch
 * names are matched with or without 館・分館 (conversation/typed-choice.ts).
 */
export const CHOICE_WORDS = {
  contact: {
    none: ['連絡不要', '不要', '連絡なし', 'なし'],
    email: ['E-mail', 'email', 'メール', 'Eメール', 'イーメール'],
    line: ['LINE', 'ライン', 'ライン連絡'],
  },
  yes: ['はい', '送信', '送信する', 'OK', 'お願いします'],
  no: ['いいえ'],
  /** What may follow a typed choice (東部でお願いします, LINEで, はい、お願いします), longest first. */
  endings: [
    'でお願いいたします',
    'でお願いします',
    'でおねがいします',
    'にしてください',
    'でお願い',
    'にします',
    'でいいです',
    'がいいです',
    'お願いいたします',
    'お願いします',
    'おねがいします',
    'です',
    'で',
  ],
} as const;

/** Conversation wording: search, help, and the words on buttons. */
export const chat = {
  get help(): string {
    return helpLines().join('\n');
  },
  searchGuide:
    '探したい資料の書名・著者名・出版者などを送ってください。\n' +
    '項目を指定するときは「書名:」「著者:」「出版者:」「分類:」を付けてください（例：著者:宮部　分類:913）。' +
    '下のボタンからも選べます。',
  askField: (fieldLabel: string) => `${fieldLabel}を入力してください。`,
  fieldLabels: { title: '書名', author: '著者名', publisher: '出版者', classification: '分類' } as Record<
    string,
    string
  >,
  /**
   * A search that found nothing says what to try: titles close to the words (「もしかして」, each with
   * a button that searches it), fewer or other words, a field, the menu. Material words (紙芝居, CD,
   * 絵本, YA …) narrow the search themselves, so they need no advice here.
   */
  /** `q` null: the words may be a card number or a password, so they are not shown back. */
  noHits: (q: string | null, close: readonly string[] = []) =>
    [
      q === null
        ? '送られた言葉に当てはまる資料は見つかりませんでした。\n' +
          '利用者カードの番号やパスワードにも見えるため、言葉はここに表示していません。' +
          'パスワードはトークに送らないでください。ログインは「ログイン」から開く図書館のページで行います' +
          '（送ってしまったときは「パスワード変更」から変更してください）。\n' +
          '資料をお探しでしたら、次のようにお試しください。'
        : `「${q}」に当てはまる資料は見つかりませんでした。次のようにお試しください。`,
      ...(close.length > 0 ? [`・もしかして：${close.map((t) => `『${t}』`).join('、')}（下のボタンで探せます）`] : []),
      '・言葉を減らす（書名の一部だけ、著者名だけなど）',
      '・別の言葉にする（ひらがな・カタカナ、漢字の書き方など）',
      '・項目を指定する（「書名:〇〇」「著者:〇〇」）',
      '下の「蔵書検索」から項目を選んで探すこともできます。使い方は「ヘルプ」をご覧ください。',
    ].join('\n'),
  emptyQuery: '検索する言葉を入力してください。',
  resultHeader: (q: string, total: number, capped: boolean, from: number, to: number) =>
    `「${q}」の検索結果：${capped ? '1000件以上' : `${total}件`}（${from}〜${to}件目）\n` +
    '資料を選ぶと、所蔵館と貸出状況を表示します。',
  /** After the results of 〜を予約したい that found several titles. */
  reserveWhich: '予約する資料の「予約申込」を押してください。',
  tooMany: '1000件以上見つかりました。言葉を増やすか、「書名:」「著者:」などで絞り込んでください。',
  titleNotFound: 'この資料は見つかりませんでした。もう一度検索してください。',
  holdCount: (n: number) => `予約件数：${n}件`,
  notReservable: (reason: string) => `この資料は予約できません。${reason}`,
  /** Said once per result list (and on a title's detail) instead of a 予約申込 on every card (R-ELIG-2). */
  reserveNotOffered: (reason: string) =>
    `ログイン中の利用者カードでは予約ができないため、「予約申込」は表示していません。${reason}`,
  expired:
    'この操作は時間切れになりました。お手数ですが、もう一度はじめからお願いします。下のメニューからお選びください。',
  unknownInput:
    'すみません、よくわかりませんでした。書名などの言葉を送ると蔵書を検索します。使い方は「ヘルプ」をご覧ください。',
  /** The button that runs the no-hit answer's material suggestion (紙芝居 → 分類:C). */
  comingSoon: 'この機能は準備中です。図書館のホームページまたはカウンターをご利用ください。',
  buttons: {
    detail: '詳細を見る',
    next: '次の10件',
    prev: '前の10件',
    search: '蔵書検索',
    help: 'ヘルプ',
    reserve: '予約申込',
    byTitle: '書名で探す',
    byAuthor: '著者で探す',
    byPublisher: '出版者で探す',
    kamishibai: '紙芝居を探す',
    ya: 'YA（中高生向け）',
  },
} as const;

/** The chat's answers to パスワード変更, メールアドレス登録 and 各種サービス: buttons that open the pages. */
export const pagesChat = {
  get password(): string {
    return (
      'パスワードの変更は、図書館のページで行います。' +
      `下の「パスワード変更」を押してページを開き、利用者カード番号・現在のパスワード・新しいパスワード（英数字${lib.minPasswordLength}文字以上）を入力してください。\n` +
      '（パスワードはLINEのトークには入力しないでください。）'
    );
  },
  get email(): string {
    return (
      'メールアドレスの登録は、図書館のページで行います。下の「メールアドレス登録」を押してページを開いてください。' +
      '登録のあとに届くメールのURLから「確定」すると、予約の連絡方法で「E-mail」を選べるようになります。' +
      'メールが届かないときは、アドレスの入力ミスや迷惑メールの設定をご確認のうえ、正しいアドレスでもう一度お申し込みください。\n' +
      `（市内在住・在勤・在学の${lib.ageRule}の方が対象です。）`
    );
  },
  menu:
    '各種サービス\n' +
    'パスワードの変更とメールアドレスの登録は、図書館のページで行います。下のボタンからお選びください。',
  /** メールアドレス登録 from a logged-in card that may not register one (R-ELIG-4): why, no button. */
  emailRefused: (reason: string) => `ログイン中の利用者カードでは、メールアドレスの登録ができません。\n${reason}`,
  /** 各種サービス for that card: the password page only, and why not the e-mail one. */
  menuNoEmail: (reason: string) =>
    '各種サービス\n' +
    'パスワードの変更は、図書館のページで行います。下のボタンからどうぞ。\n' +
    `ログイン中の利用者カードでは、メールアドレスの登録ができません。${reason}`,
  buttons: { password: 'パスワード変更', email: 'メールアドレス登録' },
} as const;

/** ヘルプ: what the account does, with the library's own name, limits and periods. */
function helpLines(): string[] {
  return [
    `【${lib.name} LINEでできること】`,
    '■蔵書検索：どなたでも。書名・著者名などの言葉を送ると検索します。' +
      '「著者:夏目」「出版者:新潮社」「分類:C」（紙芝居）のように項目を指定することもできます。',
    '■予約・ご利用状況の確認・貸出期間の延長・予約の取消：' +
      `利用者カードの番号とパスワードでログインしてご利用ください${lib.ageRule ? `（${lib.ageRule}）` : ''}。` +
      NO_CARD_YET +
      'パスワードは、利用者カードと本人確認書類をお持ちのうえ、本館・分館のカウンターで発行します。',
    `■予約は${lib.holdLimitRule}。` +
      (lib.holdsWait ? 'LINEでの予約は「依頼中」として受け付け、翌開館日の朝に正式な予約になります。' : ''),
    `■ご用意ができた資料は、${lib.shelfPeriod}のあいだ受取館でお取り置きします。`,
    '■利用者カード：ログイン中に「利用者カード」と送ると、カウンターで読み取れるバーコードを表示します。',
    '■家族のカード：ログイン中に「家族のカードを追加」と送ると、ご家族のカードも、そのカードのパスワードで登録できます（6枚まで）。',
    '■言語 / Language：「言語」と送ると、English・やさしい日本語に切り替えられます。',
    '■紙芝居は「分類:C」で探せます（請求記号は「P」で始まります）。請求記号に「YA」のある資料は中学生・高校生向けです。',
    '■視聴覚資料（CD・DVDなど）、館内閲覧のみの資料、雑誌の最新号は予約できません。',
  ];
}
