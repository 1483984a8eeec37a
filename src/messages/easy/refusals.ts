// Refusals in やさしい日本語: why, then what the patron can do instead, in short sentences. A
// sentence must read well even when a param is missing (never "undefined").

import { isRefusalCode, type Refusal, type RefusalCode } from '../../domain/refusals.js';
import { branchName } from '../local-names.js';
import { formatDateEasy } from './format.js';
import { HOLD_SERVICE_REFUSALS } from './hold-services.js';
import { lib } from './library.js';
import { AT_COUNTER_WITH_ID } from './phrases.js';

type Params = Readonly<Record<string, string | number>>;

function text(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function dateParam(p: Params, key: string): string | undefined {
  const s = text(p, key);
  return s === undefined ? undefined : formatDateEasy(s);
}

const RETURN_BY_DUE = 'かえす 日（ひ）までに、本（ほん）を かえして ください。';
const AV = 'CD・DVD・ビデオテープ・カセットテープ';
const STATUS = '「ご利用状況（りようじょうきょう）」';
const PASSWORD_CHARS = (n: string | number) => `英語（えいご）の 文字（もじ）と 数字（すうじ）で ${n}文字（もじ）`;

const MESSAGES: Record<RefusalCode, (p: Params) => string> = {
  ...HOLD_SERVICE_REFUSALS,
  NOT_ELEMENTARY_AGE: (p) => {
    const from = dateParam(p, 'eligibleFrom');
    const school = lib.minSchoolYear === 1 ? '小学校（しょうがっこう）に 入（はい）って' : `${lib.grade}に なって`;
    const when =
      from === undefined
        ? `${school}から つかって ください。`
        : `${school}から つかえます。${from}から つかって ください。`;
    return (
      '予約（よやく）や、かりている 本（ほん）を 見（み）る サービスなどが あります。' +
      `これは、${lib.ageRule || 'きまった 人（ひと）'}が つかえます。${when}` +
      '本（ほん）を さがす ことは、だれでも できます。'
    );
  },
  NO_PASSWORD: () =>
    'パスワードが まだ ないので、この サービスは つかえません。' +
    AT_COUNTER_WITH_ID +
    'そして、パスワードが ほしいと 言（い）って ください。' +
    `はじめの パスワードを レシートで わたします。${PASSWORD_CHARS(lib.initialPasswordLength)}です。`,
  DISABILITY_SERVICE: () =>
    '障（しょう）がい者（しゃ）サービスに 登録（とうろく）している 人（ひと）は、パスワードを 登録（とうろく）できません。' +
    'だから、インターネットや LINEでは、予約（よやく）や 延長（えんちょう）が できません。' +
    'かりている 本（ほん）を 見（み）る ことも できません。' +
    '図書館（としょかん）の カウンターか、電話（でんわ）で 言（い）って ください。' +
    '本（ほん）を さがす ことは できます。',
  NOT_RESIDENT: () =>
    '予約（よやく）と メールアドレスの 登録（とうろく）が できるのは、つぎの 人（ひと）です。\n' +
    `・${lib.municipality}に 住（す）んでいる 人（ひと）\n` +
    `・${lib.municipality}で 働（はたら）いている 人（ひと）\n` +
    `・${lib.municipality}の 学校（がっこう）に 通（かよ）っている 人（ひと）\n` +
    `${lib.municipality}で 働（はたら）いている 人（ひと）や、学校（がっこう）に 通（かよ）っている 人（ひと）は、カウンターで 言（い）って ください。` +
    '社員証（しゃいんしょう）や 学生証（がくせいしょう）など、それが わかる ものを 持（も）って きて ください。' +
    '利用者（りようしゃ）カードも 持（も）って きて ください。' +
    'かりている 本（ほん）を 見（み）る ことと、延長（えんちょう）は できます。',
  NOT_RESERVABLE_AV: () =>
    `${AV}は 予約（よやく）できません。` + 'それが ある 図書館（としょかん）で、たなに ある ときに かりて ください。',
  NOT_RESERVABLE_IN_LIBRARY_ONLY: () =>
    'この 本（ほん）は、図書館（としょかん）の 中（なか）で 読（よ）むだけです。' +
    '予約（よやく）も、かりる ことも できません。' +
    'この 本（ほん）が ある 図書館（としょかん）に 来（き）て、中（なか）で 読（よ）んで ください。',
  NOT_RESERVABLE_LATEST_ISSUE: () =>
    '雑誌（ざっし）の いちばん 新（あたら）しい 号（ごう）は、予約（よやく）できません。' +
    'いちばん 新（あたら）しい 号（ごう）は、図書館（としょかん）の 中（なか）で 読（よ）めます。' +
    'つぎの 号（ごう）が 出（で）た あとで、もう 一度（いちど） 予約（よやく）して ください。',
  NOT_RESERVABLE_NO_COPIES: () =>
    `この 本（ほん）は ${lib.name}に ないので、予約（よやく）できません。` +
    'ほしい ときは、図書館（としょかん）の カウンターで 相談（そうだん）して ください。',
  HOLD_LIMIT_REACHED: (p) => {
    const limit = text(p, 'limit') ?? String(lib.holdLimit);
    const rule = lib.countsEveryChannel
      ? `予約（よやく）は、まどぐち・電話（でんわ）・インターネットを あわせて、1人（ひとり） ${limit}冊（さつ）までです。`
      : `予約（よやく）は、${lib.holdLimitRule.replace(/\d+冊（さつ）まで$/, `${limit}冊（さつ）まで`)}です。`;
    return (
      rule +
      '本（ほん）を うけとったり、予約（よやく）を とりけしたり すると、予約（よやく）が へります。' +
      `予約（よやく）が ${limit}冊（さつ）より 少（すく）なく なってから、もう 一度（いちど） 予約（よやく）して ください。`
    );
  },
  ALREADY_HOLDING_TITLE: () =>
    `この 本（ほん）は もう 予約（よやく）して います。予約（よやく）の ようすは ${STATUS}で 見（み）て ください。`,
  TITLE_ON_LOAN_TO_PATRON: (p) => {
    const onLoan = 'この 本（ほん）は いま あなたが かりているので、予約（よやく）できません。';
    const renewal = text(p, 'renewal');
    if (renewal === 'possible')
      return (
        `${onLoan}もっと かりたい ときは、延長（えんちょう）が できます。` +
        `${STATUS}の「えんちょうする」を 押（お）して ください。`
      );
    if (renewal !== undefined && renewal.startsWith('NOT_RENEWABLE_') && isRefusalCode(renewal))
      return `${onLoan}${MESSAGES[renewal](p)}`;
    return `${onLoan}延長（えんちょう）が できるかは、${STATUS}で 見（み）て ください。`;
  },
  PICKUP_BRANCH_UNKNOWN: () =>
    '受取館（うけとりかん）が わかりませんでした。' +
    'ごめんなさい。出（で）ている 図書館（としょかん）の 中（なか）から、もう 一度（いちど） 受取館（うけとりかん）を えらんで ください。',
  EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL: () =>
    '「E-mail」で れんらくを うけるには、メールアドレスの 登録（とうろく）が おわって いる ことが 必要（ひつよう）です。' +
    '「れんらく しない」を えらんで ください。' +
    'または、さきに メールアドレスを 登録（とうろく）して ください。' +
    'とどいた メールの URLを 開（ひら）いて、「確定（かくてい）」を 押（お）すと おわります。',
  CONTACT_METHOD_NOT_OFFERED: () =>
    'この れんらくの しかたは、この 図書館（としょかん）では えらべません。' +
    '出（で）ている れんらくの しかたの 中（なか）から、もう 一度（いちど） えらんで ください。',
  LINE_CONTACT_NEEDS_LINKED_ACCOUNT: () =>
    '「LINE」で れんらくを うけるには、LINEで ログインして いる ことが 必要（ひつよう）です。' +
    '「れんらく しない」か「E-mail」を えらんで ください。' +
    'または、さきに 利用者（りようしゃ）カードで ログインして ください。',
  NOT_RENEWABLE_OVERDUE: (p) => {
    const due = dateParam(p, 'dueDate');
    const what =
      due === undefined ? 'かえす 日（ひ）が すぎた 本（ほん）' : `かえす 日（ひ）（${due}）が すぎた 本（ほん）`;
    return `${what}は、延長（えんちょう）できません。はやく 図書館（としょかん）に かえして ください。`;
  },
  NOT_RENEWABLE_HELD_FOR_OTHERS: () =>
    'この 本（ほん）は、つぎの 人（ひと）が 予約（よやく）して います。だから、延長（えんちょう）できません。' +
    RETURN_BY_DUE,
  NOT_RENEWABLE_AV: () => `${AV}は、延長（えんちょう）できません。${RETURN_BY_DUE}`,
  NOT_RENEWABLE_ALREADY_RENEWED: () =>
    lib.renewalTimes === 0
      ? `延長（えんちょう）は できません。${RETURN_BY_DUE}`
      : `延長（えんちょう）は ${lib.renewalTimes}回（かい）までです。` +
        `この 本（ほん）は もう 延長（えんちょう）しました。${RETURN_BY_DUE}`,
  NOT_RENEWABLE_MATERIAL: () => `この しゅるいの ものは、延長（えんちょう）できません。${RETURN_BY_DUE}`,
  NOT_RENEWABLE_NOT_YET: (p) =>
    `今日（きょう） 延長（えんちょう）しても、かえす 日（ひ）（${dateParam(p, 'dueDate') ?? 'いまの かえす 日（ひ）'}）は かわりません。` +
    '延長（えんちょう）できる 回数（かいすう）が むだに ならないように、今日（きょう）は うけつけません。' +
    `${dateParam(p, 'from') ?? '明日（あした）'}からなら、延長（えんちょう）できます。` +
    `かえす 日（ひ）は、${lib.renewalPeriod}あとに なります。`,
  HOLD_NOT_CANCELLABLE_READY: (p) => {
    const name = text(p, 'branchName');
    const branch = name === undefined ? '受取館（うけとりかん）' : branchName(name);
    const phone = text(p, 'phone');
    const whom = phone === undefined ? branch : `${branch}（${phone}）`;
    return (
      '「受取（うけと）り可（か）」に なった 予約（よやく）は、LINEや インターネットでは とりけせません。' +
      `とりけす ときは、${whom}に 電話（でんわ）して ください。`
    );
  },
  HOLD_NOT_ACTIVE: () =>
    'この 予約（よやく）は もう おわって いるので、とりけせません。' +
    '本（ほん）を うけとったか、とりけしたか、とっておく 日（ひ）が おわったか です。' +
    `いまの ようすは ${STATUS}で 見（み）て ください。`,
  ALREADY_ON_WISH_LIST: () =>
    'この 本（ほん）は もう「読（よ）みたい リスト」に 入（はい）って います。' +
    'リストは「よみたいリスト」と 送（おく）ると 見（み）られます。',
  WISH_LIST_FULL: (p) =>
    `「読（よ）みたい リスト」に 入（い）れられるのは、${text(p, 'cap') ?? '100'}冊（さつ）までです。` +
    'リストから、読（よ）んだ 本（ほん）や いらない 本（ほん）を けして ください。' +
    'それから、もう 一度（いちど） 入（い）れて ください。',
  PASSWORD_TOO_SHORT: (p) =>
    `パスワードが 短（みじか）すぎます。${PASSWORD_CHARS(text(p, 'min') ?? lib.minPasswordLength)}より 多（おお）く 入（い）れて ください。`,
  PASSWORD_TOO_LONG: (p) =>
    `パスワードが 長（なが）すぎます。${PASSWORD_CHARS(text(p, 'max') ?? lib.maxPasswordLength)}までに して ください。`,
  PASSWORD_NOT_ALPHANUMERIC: () =>
    'パスワードに つかえるのは、半角（はんかく）の 英語（えいご）の 文字（もじ）と 数字（すうじ）だけです。' +
    '記号（きごう）・スペース・全角（ぜんかく）の 文字（もじ）は つかわないで ください。',
  PASSWORD_CONFIRMATION_MISMATCH: () =>
    '2つの パスワードが おなじでは ありません。おなじ パスワードを もう 一度（いちど） 入（い）れて ください。',
  PASSWORD_ISSUED_AT_COUNTER_ONLY: () =>
    '図書館（としょかん）も パスワードを 知（し）りません。' +
    'だから、インターネットや LINEでは、新（あたら）しい パスワードを 出（だ）せません。' +
    AT_COUNTER_WITH_ID +
    'そして、新（あたら）しい パスワードが ほしいと 言（い）って ください。新（あたら）しい はじめの パスワードを 出（だ）します。',
  IDENTITY_NOT_CHECKED: () =>
    'パスワードを 出（だ）すには、本人確認（ほんにんかくにん）が 必要（ひつよう）です。' +
    '本人確認書類（ほんにんかくにんしょるい）と 利用者（りようしゃ）カードを いっしょに 見（み）せて ください。' +
    '本人確認書類（ほんにんかくにんしょるい）は、運転免許証（うんてんめんきょしょう）・保険証（ほけんしょう）・学生証（がくせいしょう）などです。',
  ITEM_NOT_AVAILABLE: () =>
    'この 本（ほん）は いま かりる ことが できません。くわしくは カウンターで 聞（き）いて ください。',
  ITEM_TRAPPED_FOR_OTHER_PATRON: () =>
    'この 本（ほん）は、ほかの 人（ひと）の 予約（よやく）の ために とって あります。だから、かりられません。' +
    'ほしい ときは、予約（よやく）して ください。',
  ITEM_ALREADY_ON_LOAN: () =>
    'この 本（ほん）は もう ほかの 人（ひと）が かりて います。ほしい ときは、予約（よやく）して ください。',
  EMAIL_ADDRESS_INVALID: () =>
    'メールアドレスの 書（か）きかたが ちがいます。' +
    '半角（はんかく）の 英語（えいご）の 文字（もじ）と 数字（すうじ）で 書（か）いて ください。「@」も 入（い）れて ください。',
  // One sentence for an unknown card, a wrong password and a locked card (login enumeration).
  FAMILY_CARD_LIMIT: (p) =>
    `1つの LINE（ライン）に 登録（とうろく）できる カードは ${text(p, 'limit') ?? '6'}まいまでです。` +
    'ほかの カードを やめてから 追加（ついか）して ください。「カードの登録解除（とうろくかいじょ）」と 送（おく）って ください。',
  CREDENTIALS_INVALID: () =>
    '利用者（りようしゃ）カードの 番号（ばんごう）か パスワードが ちがいます。' +
    'または、しばらく つかえない 状態（じょうたい）です。' +
    '入（い）れた ものを よく 見（み）て、もう 一度（いちど） ためして ください。' +
    'つづけて まちがえると、30分（ぷん） つかえなく なります。' +
    `パスワードを わすれた ときは、${AT_COUNTER_WITH_ID}` +
    'そして、新（あたら）しい パスワードが ほしいと 言（い）って ください。',
};

/** The patron-facing sentence for a refusal. */
export function refusalMessage(r: Refusal): string {
  return MESSAGES[r.code](r.params ?? {});
}
