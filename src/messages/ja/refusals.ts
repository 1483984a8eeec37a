// Refusals in Japanese. Wording follows the library's own guide (利用者カード, 本人確認書類,
// 受取館, 受取り可 ...). Every sentence says why, then what the patron can do instead. A sentence
// must read well even when a param is missing: a refusal is never the place to show "undefined"
// or a raw {placeholder}.

import { isRefusalCode, type Refusal, type RefusalCode } from '../../domain/refusals.js';
import { formatDateJa } from './format.js';
import { lib } from './library.js';
import { AT_COUNTER_WITH_ID } from './phrases.js';
import { HOLD_SERVICE_REFUSALS } from './hold-services.js';

type Params = Readonly<Record<string, string | number>>;

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

const MESSAGES: Record<RefusalCode, (p: Params) => string> = {
  ...HOLD_SERVICE_REFUSALS,
  NOT_ELEMENTARY_AGE: (p) => {
    const from = dateParam(p, 'eligibleFrom');
    // Kamagaya (school year 1): 小学校に入学される…から; another minimum: 小学3年生になられる…から.
    const grade = lib.ageRule.replace(/以上$/, '');
    const [after, on] =
      lib.minSchoolYear === 1
        ? ['小学校に入学されてから', '小学校に入学される']
        : [`${grade}になられてから`, `${grade}になられる`];
    const when = from === undefined ? after : `${on}${from}から`;
    return (
      `予約や利用状況の確認などのインターネットサービスは、${lib.ageRule}の方がご利用いただけます。` +
      `${when}ご利用ください。蔵書検索はどなたでもご利用いただけます。`
    );
  },
  NO_PASSWORD: () =>
    'パスワードの発行がお済みでないため、このサービスはご利用いただけません。' +
    `${AT_COUNTER_WITH_ID}パスワードの発行をお申し込みください。英数字${lib.initialPasswordLength}桁の初期パスワードをレシートでお渡しします。`,
  DISABILITY_SERVICE: () =>
    '障がい者サービスにご登録の方はパスワードを登録できないため、' +
    'インターネットやLINEでの予約・利用状況の確認・延長はご利用いただけません。' +
    'お手数ですが、図書館のカウンターかお電話でお申し出ください。蔵書検索はご利用いただけます。',
  NOT_RESIDENT: () =>
    `予約とメールアドレスの登録は、${lib.municipality}内に在住・在勤・在学の方がご利用いただけます。` +
    '市内に在勤・在学の方は、社員証・学生証など確認できるものと利用者カードをお持ちになり、カウンターでお申し出ください。' +
    '利用状況の確認と貸出期間の延長はご利用いただけます。',
  NOT_RESERVABLE_AV: () =>
    '視聴覚資料（CD・DVD・ビデオテープ・カセットテープ）は予約できません。所蔵している図書館で、棚にあるときにお借りください。',
  NOT_RESERVABLE_IN_LIBRARY_ONLY: () =>
    'この資料は館内閲覧のみのため、予約・貸出ができません。所蔵している図書館の館内でご覧ください。',
  NOT_RESERVABLE_LATEST_ISSUE: () =>
    '雑誌の最新号は予約できません。最新号は館内でご覧いただけます。次の号が出たあとに、あらためて予約をお申し込みください。',
  NOT_RESERVABLE_NO_COPIES: () =>
    `この資料は${lib.name}に所蔵がないため、予約できません。ご希望の場合は、図書館のカウンターでご相談ください。`,
  HOLD_LIMIT_REACHED: (p) => {
    const limit = text(p, 'limit') ?? String(lib.holdLimit);
    return (
      (lib.countsEveryChannel
        ? `予約は窓口・電話・インターネットを合わせて、お一人${limit}冊までです。`
        : `予約は${lib.holdLimitRule.replace(/\d+冊まで$/, `${limit}冊まで`)}です。`) +
      `受取りや取消で予約が${limit}冊より少なくなってから、あらためてお申し込みください。`
    );
  },
  ALREADY_HOLDING_TITLE: () => 'この資料はすでにご予約いただいています。予約の状態は「ご利用状況」でご確認ください。',
  TITLE_ON_LOAN_TO_PATRON: (p) => {
    // Renewal is suggested only when it would be granted; otherwise the renewal's own reason.
    const onLoan = 'この資料は現在お借りになっているため、予約できません。';
    const renewal = text(p, 'renewal');
    if (renewal === 'possible')
      return `${onLoan}引き続きご利用になりたい場合は、「ご利用状況」の「延長する」から貸出期間を延長できます。`;
    if (renewal !== undefined && renewal.startsWith('NOT_RENEWABLE_') && isRefusalCode(renewal))
      return `${onLoan}${MESSAGES[renewal](p)}`;
    return `${onLoan}延長できるかどうかは「ご利用状況」でご確認ください。`;
  },
  PICKUP_BRANCH_UNKNOWN: () =>
    '受取館を確認できませんでした。お手数ですが、表示されている図書館の中から受取館を選び直してください。',
  EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL: () =>
    '連絡方法の「E-mail」は、メールアドレスの登録（確定）がお済みの方のみ選べます。' +
    '「連絡不要」を選ぶか、先にメールアドレスを登録し、届いたメールのURLから確定してください。',
  CONTACT_METHOD_NOT_OFFERED: () =>
    'この連絡方法は、この図書館ではお選びいただけません。表示されている連絡方法の中から選び直してください。',
  LINE_CONTACT_NEEDS_LINKED_ACCOUNT: () =>
    '連絡方法の「LINE」は、LINEと利用者カードの連携がお済みの方のみ選べます。' +
    '「連絡不要」か「E-mail」を選ぶか、先に利用者カードとの連携を行ってください。',
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
    lib.renewalTimes === 0
      ? '貸出期間の延長はできません。返却予定日までにご返却ください。'
      : `貸出期間の延長は${lib.renewalTimes}回までです。この資料はすでに延長されているため、返却予定日までにご返却ください。`,
  NOT_RENEWABLE_MATERIAL: () => 'この種類の資料は延長できません。返却予定日までにご返却ください。',
  NOT_RENEWABLE_NOT_YET: (p) =>
    `今日延長しても返却予定日（${dateParam(p, 'dueDate') ?? '今の返却予定日'}）は変わりません。延長の回数を無駄にしないよう、今日は受け付けていません。` +
    `${dateParam(p, 'from') ?? '明日'}以降に延長すると、返却予定日は${lib.renewalPeriod}後になります。`,
  HOLD_NOT_CANCELLABLE_READY: (p) => {
    const branch = text(p, 'branchName') ?? '受取館';
    const phone = text(p, 'phone');
    const whom = phone === undefined ? branch : `${branch}（${phone}）`;
    return (
      '「受取り可」になった予約は、LINEやインターネットからは取り消せません。' +
      `お手数ですが、予約の取消はお電話で${whom}へご連絡ください。`
    );
  },
  HOLD_NOT_ACTIVE: () =>
    'この予約は、受取り・取消・取置期間の終了のいずれかですでに終わっているため、取り消せません。' +
    '最新の状態は「ご利用状況」でご確認ください。',
  ALREADY_ON_WISH_LIST: () =>
    'この資料はすでに読みたいリストに入っています。リストは「読みたいリスト」と送ると見られます。',
  WISH_LIST_FULL: (p) =>
    `読みたいリストに入れられるのは${text(p, 'cap') ?? '100'}冊までです。` +
    '「読みたいリスト」から読んだ資料や不要になった資料を削除してから、あらためて入れてください。',
  PASSWORD_TOO_SHORT: (p) =>
    `パスワードが短すぎます。英数字${text(p, 'min') ?? lib.minPasswordLength}文字以上で入力してください。`,
  PASSWORD_TOO_LONG: (p) =>
    `パスワードが長すぎます。英数字${text(p, 'max') ?? lib.maxPasswordLength}文字以内で入力してください。`,
  PASSWORD_NOT_ALPHANUMERIC: () =>
    'パスワードに使えるのは半角の英字と数字だけです。記号・空白・全角文字を使わずに入力してください。',
  PASSWORD_CONFIRMATION_MISMATCH: () =>
    '確認のために入力されたパスワードが一致しません。同じパスワードをもう一度入力してください。',
  PASSWORD_ISSUED_AT_COUNTER_ONLY: () =>
    'パスワードは図書館で管理できないため、インターネットやLINEでは再発行できません。' +
    `${AT_COUNTER_WITH_ID}再発行をお申し込みください。新しい初期パスワードを発行いたします。`,
  IDENTITY_NOT_CHECKED: () =>
    'パスワードの発行には本人確認が必要です。' +
    '本人確認書類（運転免許証・保険証・学生証など）を利用者カードとあわせてお示しください。',
  ITEM_NOT_AVAILABLE: () => 'この資料は現在お貸しできない状態です。詳しくはカウンターでお尋ねください。',
  ITEM_TRAPPED_FOR_OTHER_PATRON: () =>
    'この資料はほかの方の予約のために確保されているため、お貸しできません。ご希望の場合は予約をお申し込みください。',
  ITEM_ALREADY_ON_LOAN: () => 'この資料はすでに貸出中です。ご希望の場合は予約をお申し込みください。',
  EMAIL_ADDRESS_INVALID: () =>
    'メールアドレスの形式が正しくありません。半角英数字で、「@」を含めて正しくご入力ください。',
  // One sentence for an unknown card, a wrong password and a locked card: the answer must not
  // tell which (login enumeration).
  FAMILY_CARD_LIMIT: (p) =>
    `1つのLINEアカウントに登録できる利用者カードは${text(p, 'limit') ?? '6'}枚までです。` +
    '新しいカードを追加するには、先に「カードの登録解除」でほかのカードの登録を解除してください。',
  CREDENTIALS_INVALID: () =>
    '利用者カード番号またはパスワードが正しくないか、しばらくご利用いただけない状態です。' +
    '入力内容をお確かめのうえ、もう一度お試しください。続けて間違えると30分間ご利用いただけなくなります。' +
    `パスワードをお忘れの場合は、${AT_COUNTER_WITH_ID}新しいパスワードの発行をお申し込みください。`,
};

/** The patron-facing sentence for a refusal. */
export function refusalMessage(r: Refusal): string {
  return MESSAGES[r.code](r.params ?? {});
}
