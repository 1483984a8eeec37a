// Everyday phrases that name what the bot can do (予約したい, 返却日は？, 開館時間 …) and the answers
// they get. A phrase counts only when it is the whole message (conversation/intents.ts), so a title
// that contains one (『予約の世界史』) is still searched.

import { LOCK_MS, MAX_FAILURES } from '../../domain/lockout.js';
import { formatDateJa } from './format.js';
import { AT_COUNTER_WITH_ID } from './phrases.js';
import { lib } from './library.js';
import { calendarAnswer, hoursAnswer } from './library-days.js';

/**
 * Each intent and the phrases that name it, as patrons type them. Matched after NFKC, without
 * spaces, hiragana = katakana, and without the trailing marks and endings of INTENT_ENDINGS
 * (予約したいです → 予約), so list the stem and the forms stripping cannot reach.
 * 'キャンセル' alone is the stop keyword and is never listed here; 'キャンセルしたい' is.
 */
export const INTENT_PHRASES = {
  reserveHow: [
    '予約',
    '予約する',
    '予約の仕方',
    '予約のしかた',
    '予約のやり方',
    '予約方法',
    '予約の方法',
    '予約するには',
    'どうやって予約',
    '本を予約',
    '予約申込',
    '予約申し込み',
  ],
  status: ['予約状況', '予約の状況', '予約の確認', '貸出状況', '借りている本', '借りてる本', '利用状況の確認'],
  renew: ['延長', '延長する', '貸出延長', '貸出期間の延長', '期間延長', '延長の仕方', '延長方法', '延長お願い'],
  dueDates: [
    '返却日',
    '返却予定日',
    '返却期限',
    '返却日はいつ',
    '返却日いつ',
    'いつまで',
    'いつまでに返す',
    'いつまでに返せばいい',
    '貸出期限',
    '返す日',
  ],
  cancelHold: [
    '取消',
    '取消し',
    '取り消し',
    '取り消す',
    '予約取消',
    '予約取消し',
    '予約の取消',
    '予約の取り消し',
    '予約を取り消す',
    '予約を取り消し',
    '予約を取消',
    '予約キャンセル',
    '予約のキャンセル',
    '予約をキャンセル',
    'キャンセルしたい',
  ],
  hours: [
    '開館時間',
    '閉館時間',
    '営業時間',
    '開館日',
    '休館日',
    '定休日',
    '休み',
    '休みの日',
    '何時まで',
    '何時から',
    '何時に開く',
    '何時に閉まる',
    '開いてる',
    '開いている',
    '開いていますか',
    '今日は開いてる',
    '今日開いてる',
    '今日は休み',
    '電話番号',
    '図書館の電話番号',
  ],
  libraryCard: [
    'カード',
    'バーコード',
    '利用者カード',
    '図書館カード',
    '図書館のカード',
    '貸出カード',
    'カードを見せて',
    'カードを表示',
    'カード番号',
    'バーコードを表示',
    'バーコードを見せて',
  ],
  calendar: ['図書館カレンダー', 'カレンダー', '休館日カレンダー', '今月の休館日', '今月の休み', '休館日の予定'],
  passwordForgotten: [
    'パスワード',
    'パスワードを忘れた',
    'パスワード忘れた',
    'パスワードを忘れました',
    'パスワード忘れました',
    'パスワードを忘れてしまった',
    'パスワードを忘れてしまいました',
    'パスワードがわからない',
    'パスワードが分からない',
    'パスワードわからない',
    'パスワード分からない',
    'パスワードを知りたい',
    'パスワードの再発行',
    'パスワード再発行',
    'パスワードを再発行',
    'パスワード発行',
    'パスワードの発行',
    'パスワードがない',
    'パスワードを持っていない',
    'パスワードをなくした',
    'パスワード紛失',
  ],
  loginTrouble: [
    'ログインできない',
    'ログインできません',
    'ログイン出来ない',
    'ログイン出来ません',
    'ログインできなかった',
    'ログインエラー',
    'ログインがうまくいかない',
    'ログインがうまくできない',
    'ロックされた',
  ],
  passwordChange: ['パスワードを変更', 'パスワードの変更', 'パスワードを変えたい', 'パスワード変えたい'],
  emailRegistration: [
    'メールアドレスを登録',
    'メールアドレスの登録',
    'メール登録',
    'メールアドレス変更',
    'メールアドレスを変更',
    'メールアドレスの変更',
  ],
  // 読みたいリスト (issue 26): the list itself; a title is saved with the 読みたい button of its card.
  wishList: [
    '読みたい',
    '読みたいリスト',
    '読みたい本',
    '読みたい本リスト',
    '読みたいリストを見る',
    'ウィッシュリスト',
  ],
  thanks: [
    'ありがとう',
    'ありがとうございます',
    'ありがとうございました',
    'どうもありがとう',
    'どうもありがとうございます',
    'サンキュー',
    'thanks',
    'thank you',
    '助かりました',
    '助かった',
    'お世話になりました',
  ],
  hello: [
    'こんにちは',
    'こんにちわ',
    'こんばんは',
    'こんばんわ',
    'おはよう',
    'おはようございます',
    'はじめまして',
    'hello',
    'hi',
    'もしもし',
    'よろしくお願いします',
  ],
} as const;

/** Endings a phrase may carry (です・ます・たい・したい・ください …); tried in every order. */
export const INTENT_ENDINGS = [
  'でしょうか',
  'ございます',
  'ください',
  '下さい',
  'できますか',
  'できます',
  'できる',
  'したいです',
  'したい',
  'たいです',
  'たい',
  'しますか',
  'します',
  'する',
  'ですか',
  'ますか',
  'です',
  'ます',
  'して',
  'か',
  'は',
  'ね',
  'よ',
] as const;

/** What each intent answers (the status-based ones add a line above ご利用状況). */
export const intentAnswers = {
  reserveHow: (loggedIn: boolean) =>
    [
      '【LINEでの予約のしかた】',
      '1. 書名・著者名などを送って資料を検索します。',
      '2. 検索結果の「予約申込」を押します（「詳細を見る」からも予約できます）。',
      '3. 受取館と連絡方法を選び、予約確認の内容を見て「送信」を押します。',
      loggedIn
        ? 'ログインしていますので、このまま検索から予約できます。'
        : '予約には、利用者カードの番号とパスワードでのログインが必要です（「予約申込」を押すとログインのボタンが出ます）。',
      `予約できるのは、市内在住・在勤・在学の${lib.ageRule}の方で、${lib.holdLimitRule}です。` +
        '予約の状況は「ご利用状況」で確認できます。',
    ].join('\n'),
  /** 予約 from a logged-in patron who may not reserve (R-ELIG-2): why, instead of how. */
  reserveRefused: (reason: string) => `【LINEでの予約】\nログイン中の利用者カードでは、予約ができません。\n${reason}`,
  renew: (renewable: number) =>
    renewable > 0
      ? `貸出期間の延長は、下の貸出中の資料の「延長する」から行います（${lib.renewalPeriod}になります）。`
      : 'いま延長できる資料はありません。延長できない理由は、下の各資料に表示しています。',
  /** Overdue loans first, then the next due date and the loans due that day; every loan below (ご利用状況). */
  dueDates: (p: { overdue: number; next?: { dueDate: string; title: string; sameDay: number } }) =>
    [
      ...(p.overdue > 0 ? [`返却予定日を過ぎている資料が${p.overdue}冊あります。お早めにご返却ください。`] : []),
      ...(p.next
        ? [
            `次の返却予定日は${formatDateJa(p.next.dueDate)}です（『${p.next.title}』` +
              `${p.next.sameDay > 1 ? `ほか${p.next.sameDay - 1}冊` : ''}）。`,
          ]
        : []),
      'すべての貸出中の資料の返却予定日は、下のとおりです。',
    ].join('\n'),
  cancelHold:
    '予約の取消は、下の予約中の資料の「取消する」から行います。' +
    '「受取り可」になった予約はLINEでは取り消せないため、受取館にお電話ください。',
  /** Where the renew / due date / cancel answer needs the patron's own data first. */
  needsLogin: {
    renew: '貸出期間の延長は「ご利用状況」の貸出中の資料から行います。',
    dueDates: '返却予定日は「ご利用状況」で確認できます。',
    cancelHold: '予約の取消は「ご利用状況」の予約中の資料から行います。',
    status: '',
  },
  hours: hoursAnswer,
  calendar: calendarAnswer,
  get passwordForgotten(): string {
    return (
      'パスワードは図書館で管理できないため、LINEやインターネットではお知らせも再発行もできません。\n' +
      `${AT_COUNTER_WITH_ID}お申し込みください。新しい初期パスワード（英数字${lib.initialPasswordLength}桁）をレシートで発行します。\n` +
      `パスワードをまだお持ちでない方${lib.ageRule ? `（${lib.ageRule}）` : ''}も、同じ手続きで発行します。` +
      '初期パスワードはそのまま使えます。変更は「パスワード変更」からできます。'
    );
  },
  loginTrouble: (loggedIn: boolean) =>
    [
      ...(loggedIn ? ['このLINEはすでにログインしています。'] : []),
      'ログインできないときは、次をお確かめください。',
      '・利用者カードの番号を、カードに書かれたとおりに入力しているか',
      '・パスワードは英字の大文字・小文字を区別します。変更した方は新しいパスワードを入力しているか',
      `・${MAX_FAILURES}回続けて間違えると、${LOCK_MS / 60_000}分間ログインできなくなります。時間をおいてお試しください`,
      `パスワードを忘れたときは、${AT_COUNTER_WITH_ID}新しいパスワードの発行をお申し込みください。`,
      '障がい者サービスをご利用の方は、パスワードを登録できません。ご不明な点はカウンターでお尋ねください。',
    ].join('\n'),
  thanks:
    'どういたしまして。ご利用ありがとうございます。\nほかにもご用があれば、書名などを送るか、下のメニューからお選びください。',
  get hello(): string {
    return (
      `こんにちは。${lib.accountName}のLINE公式アカウントです。\n` +
      '書名・著者名などを送ると蔵書を検索します。予約やご利用状況の確認は下のメニューからどうぞ。'
    );
  },
  buttons: {
    /** Sends the same words as a title search, for a patron who meant the book. */
    searchAsTitle: '書名として検索',
    passwordChange: 'パスワード変更',
    login: 'ログイン',
  },
} as const;
