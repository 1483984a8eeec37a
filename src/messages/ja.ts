// THE table of patron-facing Japanese for refusals and hold states. Wording
// follows the library's own guide (利用者カード, 本人確認書類, 受取館, 受取り可 ...).
// Every sentence says why, then what the patron can do instead. A sentence
// must read well even when a param is missing: a refusal is never the place
// to show "undefined" or a raw {placeholder}.

import { isIsoDate, weekdayOf } from '../domain/dates.js';
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
  ALREADY_HOLDING_TITLE: () =>
    'この資料はすでにご予約いただいています。予約の状態は「予約状況一覧」でご確認ください。',
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
  PASSWORD_TOO_SHORT: (p) =>
    `パスワードが短すぎます。英数字${text(p, 'min') ?? '6'}文字以上で入力してください。`,
  PASSWORD_TOO_LONG: (p) =>
    `パスワードが長すぎます。英数字${text(p, 'max') ?? '64'}文字以内で入力してください。`,
  PASSWORD_NOT_ALPHANUMERIC: () =>
    'パスワードに使えるのは半角の英字と数字だけです。記号・空白・全角文字を使わずに入力してください。',
  PASSWORD_CONFIRMATION_MISMATCH: () =>
    '確認のために入力されたパスワードが一致しません。同じパスワードをもう一度入力してください。',
  PASSWORD_ISSUED_AT_COUNTER_ONLY: () =>
    `パスワードは図書館で管理できないため、インターネットやLINEでは再発行できません。${AT_COUNTER_WITH_ID}再発行をお申し込みください。新しい初期パスワードを発行いたします。`,
  IDENTITY_NOT_CHECKED: () =>
    'パスワードの発行には本人確認が必要です。本人確認書類（運転免許証・保険証・学生証など）を利用者カードとあわせてお示しください。',
  ITEM_NOT_AVAILABLE: () =>
    'この資料は現在お貸しできない状態です。詳しくはカウンターでお尋ねください。',
  ITEM_TRAPPED_FOR_OTHER_PATRON: () =>
    'この資料はほかの方の予約のために確保されているため、お貸しできません。ご希望の場合は予約をお申し込みください。',
  ITEM_ALREADY_ON_LOAN: () =>
    'この資料はすでに貸出中です。ご希望の場合は予約をお申し込みください。',
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
  notYetAvailable:
    'ただいまLINEでのサービスを準備しています。蔵書検索や予約は、図書館のホームページまたはカウンターをご利用ください。',
  holdReady: (p: { title: string; branchName: string; deadline: string }) =>
    `ご予約の資料をご用意しました。\n『${p.title}』\n受取館：${p.branchName}\n受取期限：${formatDateJa(p.deadline)}\n利用者カードをお持ちのうえ、受取期限までにお越しください。`,
  holdExpired: (p: { branchName: string }) =>
    `${p.branchName}でお取り置きしていた予約資料は、受取期限を過ぎたため予約を取り消しました。ご希望の場合は、あらためて予約をお申し込みください。`,
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
export function reservationConfirmationText(p: { title: string; branchName: string; contactLabel: string; officialDate: string }): string {
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
