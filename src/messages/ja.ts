// THE table of patron-facing Japanese for refusals and hold states. Wording
// follows the library's own guide (利用者カード, 本人確認書類, 受取館, 受取り可 ...).
// Every sentence says why, then what the patron can do instead. A sentence
// must read well even when a param is missing: a refusal is never the place
// to show "undefined" or a raw {placeholder}.

import { isIsoDate, tokyoDate, weekdayOf } from '../domain/dates.js';
import type { HoldStatus } from '../domain/holds.js';
import type { Refusal, RefusalCode } from '../domain/refusals.js';
import type { CopyState } from '../domain/catalog-display.js';

type Params = Readonly<Record<string, string | number>>;

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** '2026-04-01' → '2026年4月1日（水）', the way dates are written to patrons. */
export function formatDateJa(d: string): string {
  if (!isIsoDate(d)) return d;
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${WEEKDAYS_JA[weekdayOf(d)]}）`;
}

/** A param as text, or undefined when absent or blank. */
function text(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function dateParam(p: Params, key: string): string | undefined {
  const s = text(p, key);
  return s === undefined ? undefined : formatDateJa(s);
}

/** R-PW-1, R-PW-4: passwords are issued in person, after an identity check. */
const AT_COUNTER_WITH_ID =
  'ご本人が本館または分館のカウンターにお越しになり、利用者カードと本人確認書類（運転免許証・保険証・学生証など）をお示しのうえ、';

const MESSAGES: Record<RefusalCode, (p: Params) => string> = {
  NOT_ELEMENTARY_AGE: (p) => {
    const from = dateParam(p, 'eligibleFrom');
    const when = from === undefined ? '小学校に入学されてから' : `小学校に入学される${from}から`;
    return `予約や利用状況の確認などのインターネットサービスは、小学生以上の方がご利用いただけます。${when}ご利用ください。蔵書検索はどなたでもご利用いただけます。`;
  },
  NO_PASSWORD: () =>
    `パスワードの発行がお済みでないため、このサービスはご利用いただけません。${AT_COUNTER_WITH_ID}パスワードの発行をお申し込みください。英数字8桁の初期パスワードをレシートでお渡しします。`,
  DISABILITY_SERVICE: () =>
    '障がい者サービスにご登録の方はパスワードを登録できないため、インターネットやLINEでの予約・利用状況の確認・延長はご利用いただけません。お手数ですが、図書館のカウンターかお電話でお申し出ください。蔵書検索はご利用いただけます。',
  NOT_RESIDENT: () =>
    '予約とメールアドレスの登録は、鎌ケ谷市内に在住・在勤・在学の方がご利用いただけます。市内に在勤・在学の方は、社員証・学生証など確認できるものと利用者カードをお持ちになり、カウンターでお申し出ください。利用状況の確認と貸出期間の延長はご利用いただけます。',
  NOT_RESERVABLE_AV: () =>
    '視聴覚資料（CD・DVD・ビデオテープ・カセットテープ）は予約できません。所蔵している図書館で、棚にあるときにお借りください。',
  NOT_RESERVABLE_IN_LIBRARY_ONLY: () =>
    'この資料は館内閲覧のみのため、予約・貸出ができません。所蔵している図書館の館内でご覧ください。',
  NOT_RESERVABLE_LATEST_ISSUE: () =>
    '雑誌の最新号は予約できません。最新号は館内でご覧いただけます。次の号が出たあとに、あらためて予約をお申し込みください。',
  NOT_RESERVABLE_NO_COPIES: () =>
    'この資料は鎌ケ谷市立図書館に所蔵がないため、予約できません。ご希望の場合は、図書館のカウンターでご相談ください。',
  HOLD_LIMIT_REACHED: (p) => {
    const limit = text(p, 'limit') ?? '5';
    return `予約は窓口・電話・インターネットを合わせて、お一人${limit}冊までです。受取りや取消で予約が${limit}冊より少なくなってから、あらためてお申し込みください。`;
  },
  ALREADY_HOLDING_TITLE: () => 'この資料はすでにご予約いただいています。予約の状態は「予約状況一覧」でご確認ください。',
  TITLE_ON_LOAN_TO_PATRON: () =>
    'この資料は現在お借りになっているため、予約できません。引き続きご利用になりたい場合は、貸出期間の延長をお試しください。',
  PICKUP_BRANCH_UNKNOWN: () =>
    '受取館を確認できませんでした。お手数ですが、表示されている図書館の中から受取館を選び直してください。',
  EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL: () =>
    '連絡方法の「E-mail」は、メールアドレスの登録（確定）がお済みの方のみ選べます。「連絡不要」を選ぶか、先にメールアドレスを登録し、届いたメールのURLから確定してください。',
  LINE_CONTACT_NEEDS_LINKED_ACCOUNT: () =>
    '連絡方法の「LINE」は、LINEと利用者カードの連携がお済みの方のみ選べます。「連絡不要」か「E-mail」を選ぶか、先に利用者カードとの連携を行ってください。',
  NOT_RENEWABLE_OVERDUE: (p) => {
    const due = dateParam(p, 'dueDate');
    const what = due === undefined ? '返却予定日を過ぎている資料' : `返却予定日（${due}）を過ぎている資料`;
    return `${what}は延長できません。お早めに図書館へご返却ください。`;
  },
  NOT_RENEWABLE_HELD_FOR_OTHERS: () =>
    'この資料には次の方の予約が入っているため、延長できません。返却予定日までにご返却ください。',
  NOT_RENEWABLE_AV: () =>
    '視聴覚資料（CD・DVD・ビデオテープ・カセットテープ）は延長できません。返却予定日までにご返却ください。',
  NOT_RENEWABLE_ALREADY_RENEWED: () =>
    '貸出期間の延長は1回までです。この資料はすでに延長されているため、返却予定日までにご返却ください。',
  HOLD_NOT_CANCELLABLE_READY: (p) => {
    const branch = text(p, 'branchName') ?? '受取館';
    const phone = text(p, 'phone');
    const whom = phone === undefined ? branch : `${branch}（${phone}）`;
    return `「受取り可」になった予約は、LINEやインターネットからは取り消せません。お手数ですが、予約の取消はお電話で${whom}へご連絡ください。`;
  },
  HOLD_NOT_ACTIVE: () =>
    'この予約は、受取り・取消・取置期間の終了のいずれかですでに終わっているため、取り消せません。最新の状態は「予約状況一覧」でご確認ください。',
  PASSWORD_TOO_SHORT: (p) => `パスワードが短すぎます。英数字${text(p, 'min') ?? '6'}文字以上で入力してください。`,
  PASSWORD_TOO_LONG: (p) => `パスワードが長すぎます。英数字${text(p, 'max') ?? '64'}文字以内で入力してください。`,
  PASSWORD_NOT_ALPHANUMERIC: () =>
    'パスワードに使えるのは半角の英字と数字だけです。記号・空白・全角文字を使わずに入力してください。',
  PASSWORD_CONFIRMATION_MISMATCH: () =>
    '確認のために入力されたパスワードが一致しません。同じパスワードをもう一度入力してください。',
  PASSWORD_ISSUED_AT_COUNTER_ONLY: () =>
    `パスワードは図書館で管理できないため、インターネットやLINEでは再発行できません。${AT_COUNTER_WITH_ID}再発行をお申し込みください。新しい初期パスワードを発行いたします。`,
  IDENTITY_NOT_CHECKED: () =>
    'パスワードの発行には本人確認が必要です。本人確認書類（運転免許証・保険証・学生証など）を利用者カードとあわせてお示しください。',
  ITEM_NOT_AVAILABLE: () => 'この資料は現在お貸しできない状態です。詳しくはカウンターでお尋ねください。',
  ITEM_TRAPPED_FOR_OTHER_PATRON: () =>
    'この資料はほかの方の予約のために確保されているため、お貸しできません。ご希望の場合は予約をお申し込みください。',
  ITEM_ALREADY_ON_LOAN: () => 'この資料はすでに貸出中です。ご希望の場合は予約をお申し込みください。',
  // One sentence for an unknown card, a wrong password and a locked card: the answer must not
  // tell which (login enumeration).
  EMAIL_ADDRESS_INVALID: () =>
    'メールアドレスの形式が正しくありません。半角英数字で、「@」を含めて正しくご入力ください。',
  CREDENTIALS_INVALID: () =>
    `利用者カード番号またはパスワードが正しくないか、しばらくご利用いただけない状態です。入力内容をお確かめのうえ、もう一度お試しください。続けて間違えると30分間ご利用いただけなくなります。パスワードをお忘れの場合は、${AT_COUNTER_WITH_ID}新しいパスワードの発行をお申し込みください。`,
};

/** The patron-facing sentence for a refusal. */
export function refusalMessage(r: Refusal): string {
  return MESSAGES[r.code](r.params ?? {});
}

/**
 * R-RES-7: the state shown in the hold list.
 * - requested → 依頼中 (accepted online, not yet official).
 * - queued and in_transit → N位. A copy on its way to the pickup branch cannot
 *   be borrowed yet, and the guide's states are 依頼中, N位 and 受取り可 only;
 *   N位 is shown "even when the copy is on the shelf", so it is also shown
 *   while the copy travels ("1位" never means it can be borrowed yet).
 * - ready → 受取り可.
 * Ended holds are not in the guide's list; they get plain words in case a
 * history view shows them.
 */
export function holdStatusLabel(status: HoldStatus, position?: number): string {
  switch (status) {
    case 'requested':
      return '依頼中';
    case 'queued':
    case 'in_transit':
      // Without a position (a caller bug) say only that it waits, never "undefined位".
      return position !== undefined && Number.isInteger(position) && position >= 1 ? `${position}位` : '予約中';
    case 'ready':
      return '受取り可';
    case 'fulfilled':
      return '貸出済み';
    case 'cancelled':
      return '取消済み';
    case 'expired':
      return '取置期間終了';
  }
}

/**
 * What the bot says outside refusals. Kept here with the refusals so the whole patron-facing
 * text can be reviewed and translated in one file.
 */
export const botMessages = {
  greeting:
    '鎌ケ谷市立図書館のLINE公式アカウントです。友だち追加ありがとうございます。\n' +
    'このアカウントでは、蔵書検索、予約、ご利用状況の確認、貸出期間の延長、予約の取消ができ、予約資料のご用意ができたらLINEでお知らせします。\n' +
    '蔵書検索はどなたでもご利用いただけます。予約などには利用者カードの番号とパスワードでのログインが必要です。パスワードは本館・分館のカウンターで発行しています。',
  holdReady: (p: { title: string; branchName: string; deadline: string }) =>
    `ご予約の資料をご用意しました。\n『${p.title}』\n受取館：${p.branchName}\n受取期限：${formatDateJa(p.deadline)}\n利用者カードをお持ちのうえ、受取期限までにお越しください。`,
  holdExpired: (p: { branchName: string }) =>
    `${p.branchName}でお取り置きしていた予約資料は、受取期限を過ぎたため予約を取り消しました。ご希望の場合は、あらためて予約をお申し込みください。`,
} as const;

/**
 * What the library tells a patron unasked (LINE pushes; a mail may use the same sentences): each
 * notice is a heading, the facts, and a sentence saying what to do. `alt` is what the phone's
 * notification shows, so it names the title.
 */
export const noticeMessages = {
  titleLabel: '資料',
  holdReady: {
    heading: 'ご予約の資料をご用意しました',
    alt: (title: string) => `ご予約の資料をご用意しました『${title}』`,
    note: '利用者カードをお持ちのうえ、受取期限までに受取館へお越しください。',
  },
  holdExpired: {
    heading: '予約を取り消しました（受取期限切れ）',
    alt: (title: string) => `受取期限を過ぎたため予約を取り消しました${title ? `『${title}』` : ''}`,
    note: '受取期限を過ぎたため、お取り置きしていた予約を取り消し、資料は次の方にお回ししました。ご希望の場合は、あらためて予約をお申し込みください。',
  },
  pickupReminder: {
    heading: '受取期限が近づいています',
    alt: (title: string, deadline: string) => `受取期限（${formatDateJa(deadline)}）が近づいています『${title}』`,
    note: '受取期限を過ぎると予約は取り消され、資料は次の方にお回しします。利用者カードをお持ちのうえ、お早めに受取館へお越しください。',
  },
  dueReminder: {
    heading: '返却予定日が近づいています',
    alt: (title: string, due: string) => `返却予定日（${formatDateJa(due)}）が近づいています『${title}』`,
    renewable: '貸出期間を延長できます。「延長する」を押すと、延長後の返却予定日（申込日から2週間）を確認できます。',
    returnBy: '返却予定日までに、お近くの図書館へご返却ください。',
    renewableByMail: '貸出期間は、LINEの「ご利用状況」の「延長する」から1回延長できます（申込日から2週間）。',
  },
  loanReserved: {
    heading: '次の方の予約が入りました',
    alt: (title: string) => `お借りの資料に次の方の予約が入りました『${title}』`,
    note: 'お借りの資料に次の方の予約が入ったため、貸出期間の延長はできなくなりました。返却予定日までにご返却ください。',
  },
} as const;

/** R-MAIL-3: library mail comes from this sender; a missed mail can let a hold expire. */
export const MAIL_SENDER_NOTICE = (sender: string) =>
  `図書館からのメールは ${sender} から送信されます。迷惑メール対策などでメールの受信を制限されている場合は、このアドレスからのメールを受信できるよう設定してください。メールが届かないと、予約資料の受取期限を過ぎてしまうことがあります。`;

/** R-SRCH-4 */
export const availabilityLabel = (lendable: boolean) => (lendable ? '貸出：○' : '貸出：×');

/** R-SRCH-5: each copy's state in the detail view. */
export const COPY_STATE_LABELS: Record<CopyState, string> = {
  available: '貸出可',
  on_loan: '貸出中',
  in_library_only: '館内閲覧のみ',
  on_hold_shelf: '取置中',
  in_transit: '取置中',
  unavailable: '利用できません',
};

/**
 * R-RES-5 予約確認: what the patron confirms before 送信, including R-RES-3 (when the hold becomes
 * official), R-RES-4 (a walk-in patron may borrow it first) and R-RES-8 (how the shelf period counts).
 */
export function reservationConfirmationText(p: {
  title: string;
  branchName: string;
  contactLabel: string;
  officialDate: string;
}): string {
  return [
    '予約確認',
    `『${p.title}』`,
    `受取館：${p.branchName}`,
    `連絡方法：${p.contactLabel}`,
    `この予約は「依頼中」として受け付け、${formatDateJa(p.officialDate)}の朝に正式な予約になります。`,
    '検索結果で貸出可となっていても、それまでに来館された方に貸し出されることがあります。',
    'ご用意ができたら、確保日の翌開館日から7開館日のあいだ受取館でお取り置きします。',
    'よろしければ「送信」を押してください。',
  ].join('\n');
}

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
} as const;

const MATERIAL_LABELS: Record<string, string> = {
  book: '図書',
  magazine: '雑誌',
  kamishibai: '紙芝居',
  cd: 'CD',
  dvd: 'DVD',
  video: 'ビデオテープ',
  cassette: 'カセットテープ',
};
export const materialLabel = (t: string) => MATERIAL_LABELS[t] ?? t;

/** Conversation wording: search, help, and the words on buttons. */
export const chat = {
  help: [
    '【鎌ケ谷市立図書館 LINEでできること】',
    '■蔵書検索：どなたでも。書名・著者名などの言葉を送ると検索します。「著者:夏目」「出版者:新潮社」「分類:C」（紙芝居）のように項目を指定することもできます。',
    '■予約・ご利用状況の確認・貸出期間の延長・予約の取消：利用者カードの番号とパスワードでログインしてご利用ください（小学生以上）。パスワードは、利用者カードと本人確認書類をお持ちのうえ、本館・分館のカウンターで発行します。',
    '■予約は窓口・電話・インターネットをあわせて1人5冊まで。LINEでの予約は「依頼中」として受け付け、翌開館日の朝に正式な予約になります。',
    '■ご用意ができた資料は、確保日の翌開館日から7開館日のあいだ受取館でお取り置きします。',
    '■紙芝居は「分類:C」で探せます（請求記号は「P」で始まります）。請求記号に「YA」のある資料は中学生・高校生向けです。',
    '■視聴覚資料（CD・DVDなど）、館内閲覧のみの資料、雑誌の最新号は予約できません。',
  ].join('\n'),
  searchGuide:
    '探したい資料の書名・著者名・出版者などを送ってください。\n項目を指定するときは「書名:」「著者:」「出版者:」「分類:」を付けてください（例：著者:宮部　分類:913）。下のボタンからも選べます。',
  askField: (fieldLabel: string) => `${fieldLabel}を入力してください。`,
  fieldLabels: { title: '書名', author: '著者名', publisher: '出版者', classification: '分類' } as Record<
    string,
    string
  >,
  noHits: (q: string) =>
    `「${q}」に当てはまる資料は見つかりませんでした。言葉を減らすか、別の言葉（ひらがな・カタカナ、書名の一部など）でお試しください。`,
  emptyQuery: '検索する言葉を入力してください。',
  resultHeader: (q: string, total: number, capped: boolean, from: number, to: number) =>
    `「${q}」の検索結果：${capped ? '1000件以上' : `${total}件`}（${from}〜${to}件目）\n資料を選ぶと、所蔵館と貸出状況を表示します。`,
  tooMany: '1000件以上見つかりました。言葉を増やすか、「書名:」「著者:」などで絞り込んでください。',
  titleNotFound: 'この資料は見つかりませんでした。もう一度検索してください。',
  holdCount: (n: number) => `予約件数：${n}件`,
  notReservable: (reason: string) => `この資料は予約できません。${reason}`,
  expired:
    'この操作は時間切れになりました。お手数ですが、もう一度はじめからお願いします。下のメニューからお選びください。',
  unknownInput:
    'すみません、よくわかりませんでした。書名などの言葉を送ると蔵書を検索します。使い方は「ヘルプ」をご覧ください。',
  comingSoon: 'この機能は準備中です。図書館のホームページまたはカウンターをご利用ください。',
  buttons: {
    detail: '詳細を見る',
    next: '次の10件',
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

const CONTACT_LABELS: Record<string, string> = { none: '連絡不要', email: 'E-mail', line: 'LINE' };
export const contactLabel = (c: string) => CONTACT_LABELS[c] ?? c;

/** Wording of the logged-in services: login, status, reserve, renew, cancel, logout. */
export const patronChat = {
  loginNeeded:
    'この操作には、利用者カードの番号とパスワードでのログインが必要です。下の「ログイン」からログインしてください。',
  loginPrompt:
    '下の「ログイン」を押すと、図書館のログインページが開きます。利用者カードの番号とパスワードを入力してください。\n（パスワードはLINEのトークには入力しないでください。）',
  loginUnavailable: 'ただいまログインを受け付けられません。しばらくしてからもう一度お試しください。',
  alreadyLoggedIn: 'すでにログインしています。別の利用者カードでログインするときは、先に「ログアウト」してください。',
  loggedIn:
    'ログインしました。予約・ご利用状況の確認・貸出期間の延長・予約の取消ができます。\nログアウトはいつでも「ログアウト」と送るか、メニューからできます。',
  // The title is not known when the reservation was tapped before login (the button carries only its id).
  continueReservation: (title: string) =>
    title ? `ログイン前に選んでいた『${title}』の予約を続けますか？` : 'ログイン前に選んでいた資料の予約を続けますか？',
  linkFailed: 'ログインできませんでした。もう一度「ログイン」からお試しください。',
  notLoggedIn: 'ログインしていません。',
  logoutConfirm: 'ログアウトしますか？ログアウトすると、ご利用状況の確認や予約にはもう一度ログインが必要です。',
  loggedOut: 'ログアウトしました。ご利用ありがとうございました。',
  cancelled: '操作をやめました。',
  statusHeader: (name: string, loans: number, holds: number, limit: number) =>
    `${name}さんのご利用状況\n貸出中：${loans}冊\n予約：${holds}/${limit}件`,
  noLoans: '貸出中の資料はありません。',
  noHolds: '予約中の資料はありません。',
  moreLoans: (n: number) => `ほかに${n}冊あります。すべての貸出状況は図書館のカウンターでもご確認いただけます。`,
  dueDateLabel: '返却予定日',
  overdue: '返却予定日を過ぎています',
  holdStateLabel: '状態',
  pickupBranchLabel: '受取館',
  pickupDeadlineLabel: '受取期限',
  chooseBranch: (title: string) => `『${title}』を予約します。\n受取館を選んでください。`,
  chooseContact: 'ご用意ができたときの連絡方法を選んでください。',
  emailNotRegistered: 'E-mailで連絡を受けるには、メールアドレスの登録が必要です（「メールアドレス登録」）。',
  accepted: (title: string, branch: string, contact: string) =>
    `予約受付\n『${title}』\n受取館：${branch}\n連絡方法：${contact}\n状態：依頼中\n翌開館日の朝に正式な予約になり、順位がつきます。「ご利用状況」で確認できます。`,
  renewConfirm: (title: string, due: string, newDue: string, shortens: boolean) =>
    `『${title}』の貸出期間を延長しますか？\n現在の返却予定日：${formatDateJa(due)}\n延長後の返却予定日：${formatDateJa(newDue)}` +
    (shortens ? '\n※延長は申込日から2週間のため、返却予定日が今より早くなります。' : ''),
  renewed: (title: string, newDue: string) => `延長しました。\n『${title}』\n新しい返却予定日：${formatDateJa(newDue)}`,
  cancelConfirm: (title: string, branch: string) => `この予約を取り消しますか？\n『${title}』\n受取館：${branch}`,
  cancelDone: '予約の取消が完了しました。',
  notYours: 'この資料は見つかりませんでした。「ご利用状況」からもう一度お選びください。',
  buttons: {
    login: 'ログイン',
    logout: 'ログアウト',
    status: 'ご利用状況',
    reserve: '予約申込',
    send: '送信',
    renew: '延長する',
    cancelHold: '取消する',
    stop: 'やめる',
  },
} as const;

/**
 * The patron pages (login now; password change and e-mail registration later): page titles, field
 * labels, notes. The words on buttons are the library's own (CONTRACT.md: `ログイン`, `変更`, `送信`).
 */
export const pages = {
  libraryName: '鎌ケ谷市立図書館',
  serviceName: 'LINEサービス',
  required: (label: string) => `${label}を入力してください。`,
  errorHeading: '入力内容をご確認ください',
  closeAndReturn: 'このページを閉じて、LINEのトーク画面にお戻りください。',
  login: {
    title: 'ログイン',
    lead: '利用者カードの番号とパスワードを入力して「ログイン」を押してください。このLINEアカウントと利用者カードが連携され、LINEで予約・ご利用状況の確認・貸出期間の延長ができるようになります。',
    cardNumberLabel: '利用者カード番号',
    cardNumberHint: '利用者カードに書かれている番号です。',
    passwordLabel: 'パスワード',
    passwordHint: '図書館で発行した英数字8桁の初期パスワード、または変更後のパスワードです。',
    submit: 'ログイン',
    privacy: 'カード番号とパスワードは図書館のサーバーにだけ送られ、LINEには送られません。',
    whoTitle: 'ログインできる方',
    who: [
      '鎌ケ谷市立図書館に利用登録があり、パスワードをお持ちの小学生以上の方',
      '障がい者サービスにご登録の方はパスワードを登録できないため、ご利用いただけません。',
    ],
    passwordTitle: 'パスワードをお持ちでない方・お忘れの方',
    passwordHelp: `${AT_COUNTER_WITH_ID}パスワードの発行をお申し込みください。英数字8桁の初期パスワードをレシートでお渡しします。パスワードは図書館でも確認できないため、お忘れの場合も新しいパスワードの発行になります。インターネットやLINEでは再発行できません。`,
  },
  linkExpired: {
    title: 'このページは有効期限が切れています',
    body: 'ログイン用のページは、LINEで開いてからしばらくすると使えなくなります。お手数ですが、LINEのトーク画面に戻って「ログイン」と送信するか、メニューの「ログイン」を押して、新しいページを開いてください。',
  },
  loginRefused: {
    title: 'LINEでのご利用について',
    wayForward: 'ご不明な点は、図書館のカウンターでお尋ねください。',
  },
  forbidden: {
    title: 'この操作は受け付けられませんでした',
    body: '安全のため、LINEのトーク画面から開いたページ以外からの送信は受け付けていません。LINEのトーク画面に戻って「ログイン」と送信し、表示されたページからあらためてお試しください。',
  },
  failed: {
    title: 'ただいま処理できません',
    body: '申し訳ありません。処理の途中で問題が起きたため、ログインは完了していません。しばらくしてから、LINEのトーク画面で「ログイン」と送信して、あらためてお試しください。',
  },
} as const;

/** '2026年12月2日（水）10時00分' in Tokyo time: when a link in a mail stops working. */
export function formatDateTimeJa(instant: Date): string {
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const [h, m] = hm.split(':');
  return `${formatDateJa(tokyoDate(instant))}${Number(h)}時${m}分`;
}

const START_AGAIN_EMAIL =
  'もう一度登録するときは、LINEのトーク画面で「メールアドレス登録」と送信するか、下の「メールアドレス変更のページへ」から、はじめからお手続きください。';

/**
 * The password change and e-mail registration pages (R-PW-2..4, R-MAIL-1..3, R-ELIG-4). Page titles
 * follow the library's guide (パスワード変更確認, メールアドレス変更確定完了 …); buttons are the
 * CONTRACT's words (`変更`, `送信`, `確定`).
 */
export const accountPages = {
  cardNumberLabel: '利用者カード番号',
  cardNumberHint: '利用者カードに書かれている番号です。',
  currentPasswordLabel: 'パスワード',
  currentPasswordHint: '現在のパスワードです（初期パスワード、または変更後のパスワード）。',
  change: '変更',
  send: '送信',
  startOver: '入力しなおす',
  hiddenPassword: '（安全のため表示しません）',
  forgotTitle: 'パスワードをお忘れの方',
  forbidden: {
    title: 'この操作は受け付けられませんでした',
    body: '安全のため、このページの入力画面から送られたもの以外は受け付けていません。お手数ですが、ページを開きなおして、はじめから入力してください。',
  },
  formExpired: {
    title: '入力の有効時間が過ぎました',
    body: 'ページを開いてから30分以上たったため、安全のため受け付けられませんでした。手続きは完了していません。お手数ですが、はじめから入力しなおしてください。',
  },
  failed: {
    title: 'ただいま処理できません',
    body: '申し訳ありません。処理の途中で問題が起きたため、手続きは完了していません。しばらくしてから、あらためてお試しください。',
  },
  password: {
    title: 'パスワード変更',
    lead: '利用者カード番号、現在のパスワード、新しいパスワードを入力して「変更」を押してください。',
    initialNote: '図書館で発行した初期パスワード（英数字8桁）は、変更するまでそのままお使いいただけます。',
    newPasswordLabel: '新しいパスワード',
    newPasswordHint: '半角の英字と数字で6文字以上（64文字まで）にしてください。',
    newPasswordConfirmLabel: '新しいパスワード（確認）',
    newPasswordConfirmHint: '確認のため、同じパスワードをもう一度入力してください。',
    confirmTitle: 'パスワード変更確認',
    confirmLead: '次の内容でパスワードを変更します。内容が正しければ「送信」を押してください。',
    doneTitle: 'パスワード変更完了',
    done: [
      'パスワードを変更しました。次回のログインから、新しいパスワードをお使いください。',
      'LINEでログイン中の方は、そのまま続けてご利用いただけます。',
      'パスワードは図書館でも確認できません。忘れないようにご注意ください。',
    ],
  },
  email: {
    title: 'メールアドレス変更',
    lead: '利用者カード番号、パスワード、メールアドレスを入力し、アドレスの種類を選んで「変更」を押してください。',
    emailLabel: 'メールアドレス',
    emailHint: '予約資料のご用意ができたときのお知らせなどをお送りします。',
    emailTypeLabel: 'アドレスの種類',
    emailTypes: { pc: 'パソコン', mobile: '携帯電話' },
    emailTypeRequired: 'アドレスの種類を選んでください。',
    whoTitle: 'ご利用になれる方',
    who: '鎌ケ谷市内に在住・在勤・在学で、パスワードをお持ちの小学生以上の方がご登録いただけます。',
    confirmTitle: 'メールアドレス変更確認',
    confirmLead: '次のメールアドレスを登録します。内容が正しければ「送信」を押してください。',
    doneTitle: 'メールアドレス変更完了',
    done: (address: string) => [
      `${address} あてに「メールアドレス変更確認のお知らせ」というメールをお送りしました。`,
      'メールに書かれているURLを開き、表示されるページで「確定」を押すと登録が完了します。URLの有効期限は24時間です。',
      '「確定」を押すまでは、これまでのメールアドレスが使われます（まだ登録がない場合は、未登録のままです）。',
    ],
    senderTitle: 'メールが届かないときは',
    refusedTitle: 'メールアドレスを登録できません',
    refusedWayForward: 'ご不明な点は、図書館のカウンターでお尋ねください。',
  },
  emailConfirm: {
    title: 'メールアドレス変更確定',
    lead: '次のメールアドレスを登録します。内容が正しければ「確定」を押してください。',
    submit: '確定',
    doneTitle: 'メールアドレス変更確定完了',
    done: [
      'メールアドレスの登録が完了しました。',
      'これからは、予約の連絡方法で「E-mail」を選べます。図書館からのお知らせは、このメールアドレスにお送りします。',
    ],
    toForm: 'メールアドレス変更のページへ',
    unknown: {
      title: 'このURLは使えません',
      body: `URLが正しくないか、途中で切れている可能性があります。メールに書かれているURLを、最後まで全部開いてください。${START_AGAIN_EMAIL}`,
    },
    expired: {
      title: 'このURLは有効期限が切れています',
      body: `メールアドレス変更確認のURLは、お申し込みから24時間だけ使えます。メールアドレスは登録されていません。${START_AGAIN_EMAIL}`,
    },
    used: {
      title: 'このURLはすでに使われています',
      body: `このURLでの登録はすでに完了しているか、あとから新しいお申し込みがあったため使えなくなりました。新しいお申し込みのときは、最後に届いたメールのURLをお使いください。${START_AGAIN_EMAIL}`,
    },
  },
} as const;

/** The library's mails (R-MAIL-2, R-MAIL-3): subjects and plain-text bodies; the HTML part is made from the same lines. */
export const mailText = {
  confirmationSubject: 'メールアドレス変更確認のお知らせ',
  confirmationLines: [
    '鎌ケ谷市立図書館です。',
    'メールアドレスの登録（変更）のお申し込みを受け付けました。',
    '次のURLを開き、表示されるページで「確定」を押すと、このメールアドレスが登録されます。',
    '※URLを開いて「確定」を押すまでは登録されません。',
  ],
  confirmationAfterLink: (p: { expiresAt: Date }) => [
    `このURLの有効期限は ${formatDateTimeJa(p.expiresAt)} までです。一度だけお使いいただけます。`,
    'お心当たりのない場合は、このメールを破棄してください。メールアドレスは登録されません。',
  ],
  holdReadySubject: '予約資料のご用意ができました',
  holdExpiredSubject: '予約の取消のお知らせ（取置期間終了）',
  signature: ['鎌ケ谷市立図書館', '※このメールは送信専用です。ご返信いただいてもお答えできません。'],
} as const;

/** The chat's answers to パスワード変更, メールアドレス登録 and 各種サービス: buttons that open the pages. */
export const pagesChat = {
  password:
    'パスワードの変更は、図書館のページで行います。下の「パスワード変更」を押してページを開き、利用者カード番号・現在のパスワード・新しいパスワード（英数字6文字以上）を入力してください。\n（パスワードはLINEのトークには入力しないでください。）',
  email:
    'メールアドレスの登録は、図書館のページで行います。下の「メールアドレス登録」を押してページを開いてください。登録のあとに届くメールのURLから「確定」すると、予約の連絡方法で「E-mail」を選べるようになります。\n（市内在住・在勤・在学の小学生以上の方が対象です。）',
  menu: '各種サービス\nパスワードの変更とメールアドレスの登録は、図書館のページで行います。下のボタンからお選びください。',
  buttons: { password: 'パスワード変更', email: 'メールアドレス登録' },
} as const;
