// The logged-in services in the chat, in やさしい日本語: login, status, reserve, renew, cancel, logout.

import { branchName } from '../local-names.js';
import { formatDateEasy } from './format.js';
import { lib } from './library.js';
import { NO_CARD_YET, PASSWORD_AT_COUNTER } from './phrases.js';

const NO_PASSWORD_IN_CHAT =
  'パスワードは トークに 送（おく）らないで ください。送（おく）った 文字（もじ）は、さがす ことにも つかわず、出（だ）しも しません。';
const LOGOUT_ANYTIME = 'ログアウトは、いつでも「ログアウト」と 送（おく）るか、メニューから できます。';
const STATUS = '「ご利用状況（りようじょうきょう）」';
const STOP = 'やめる ときは「やめる」を 押（お）して ください。';

export const patronChat = {
  loginNeeded:
    'これには ログインが 必要（ひつよう）です。利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを つかいます。' +
    '下（した）の「ログイン」から ログインして ください。',
  loginPrompt:
    '下（した）の「ログイン」を 押（お）すと、図書館（としょかん）の ログインの ページが 開（ひら）きます。' +
    '利用者（りようしゃ）カードの 番号（ばんごう）と パスワードを 入（い）れて ください。\n' +
    '（パスワードは LINEの トークに 入（い）れないで ください。）\n' +
    NO_CARD_YET +
    PASSWORD_AT_COUNTER,
  loginUnavailable: 'いまは ログインが できません。しばらく してから、もう 一度（いちど） ためして ください。',
  passwordInChat: `${NO_PASSWORD_IN_CHAT}ログインは、「ログイン」の ボタンから 開（ひら）く 図書館（としょかん）の ページで します。`,
  passwordInChatLoggedIn:
    `${NO_PASSWORD_IN_CHAT}本当（ほんとう）の パスワードを 送（おく）って しまった ときは、` +
    '「パスワード変更（へんこう）」から かえて ください。',
  alreadyLoggedIn:
    'もう ログインして います。ちがう 利用者（りようしゃ）カードで ログインする ときは、さきに「ログアウト」して ください。',
  loggedIn:
    'ログインしました。予約（よやく）・ご利用状況（りようじょうきょう）を 見（み）る こと・延長（えんちょう）・予約（よやく）を とりけす ことが できます。\n' +
    LOGOUT_ANYTIME,
  loggedInNoReserve: (reason: string) => `ログインしました。\n${reason}\n${LOGOUT_ANYTIME}`,
  loggedInLead: 'ログインしました。',
  continueAction: (button: string) => `ログインの まえに 押（お）した「${button}」を つづけますか？`,
  continueReservation: (title: string) =>
    title
      ? `ログインの まえに えらんだ『${title}』の 予約（よやく）を つづけますか？`
      : 'ログインの まえに えらんだ 本（ほん）の 予約（よやく）を つづけますか？',
  linkFailed: 'ログインが できませんでした。もう 一度（いちど）「ログイン」から ためして ください。',
  notLoggedIn: 'ログインして いません。',
  logoutConfirm:
    'ログアウトしますか？ログアウトすると、ご利用状況（りようじょうきょう）を 見（み）る ときや 予約（よやく）の ときに、' +
    'もう 一度（いちど） ログインが 必要（ひつよう）です。',
  loggedOut: 'ログアウトしました。つかって くれて、ありがとうございました。',
  cancelled: 'やめました。',
  statusHeader: (name: string, loans: number, holds: number, limit: number) =>
    `${name}さんの ご利用状況（りようじょうきょう）\nかりている 本（ほん）：${loans}冊（さつ）\n予約（よやく）：${holds}/${limit}けん`,
  statusHeaderNoReserve: (name: string, loans: number, holds: number) =>
    `${name}さんの ご利用状況（りようじょうきょう）\nかりている 本（ほん）：${loans}冊（さつ）` +
    (holds > 0 ? `\n予約（よやく）：${holds}けん` : ''),
  noLoans: 'かりている 本（ほん）は ありません。',
  noHolds: '予約（よやく）して いる 本（ほん）は ありません。',
  loansPage: (total: number, from: number, to: number) =>
    `かりている 本（ほん） ${total}冊（さつ）の うち、${from}〜${to}冊目（さつめ）を 出（だ）して います。`,
  dueDateLabel: 'かえす 日（ひ）',
  overdue: 'かえす 日（ひ）が すぎて います',
  loanStateLabel: 'ようす',
  loanCardHeading: (n: number, of: number) => `かりている 本（ほん） ${n}/${of}`,
  holdCardHeading: (n: number, of: number) => `予約（よやく）した 本（ほん） ${n}/${of}`,
  holdStateLabel: 'ようす',
  /** R-RES-7, in the guide's words: shown on a hold at 1位. */
  firstInLineNote:
    '※「1位（い）」は、まだ かりられる ことでは ありません。用意（ようい）が できると「受取（うけと）り可（か）」に なります。',
  pickupBranchLabel: '受取館（うけとりかん）',
  pickupDeadlineLabel: 'うけとりの しめきり',
  chooseBranch: (title: string) =>
    `『${title}』を 予約（よやく）します。\nどこの 図書館（としょかん）で うけとりますか？受取館（うけとりかん）を えらんで ください。`,
  chooseBranchQuestion: '受取館（うけとりかん）を えらんで ください。',
  chooseContact: '用意（ようい）が できた ときの れんらくの しかたを えらんで ください。',
  reservationWaits: (title: string, question: string) =>
    `『${title}』の 予約（よやく）の とちゅうです。${question}\n予約（よやく）を ${STOP}`,
  sendQuestion: 'ないようを 見（み）て、「おくる」を 押（お）して ください。',
  actionWaits: (button: string) =>
    `「${button}」の とちゅうです。よければ「${button}」を 押（お）して ください。${STOP}`,
  emailNotRegistered:
    'E-mailで れんらくを うけるには、メールアドレスの 登録（とうろく）が 必要（ひつよう）です（「メールアドレス登録（とうろく）」）。',
  contactNotOffered: (method: string) =>
    `${lib.name}では、用意（ようい）が できた ときに ${method}で おしらせする ことは して いません。` +
    '下（した）の れんらくの しかたから えらんで ください。',
  accepted: (title: string, branch: string, contact: string) =>
    `予約（よやく）を うけつけました\n『${title}』\n受取館（うけとりかん）：${branchName(branch)}\nれんらく：${contact}\n` +
    (lib.holdsWait
      ? 'ようす：依頼中（いらいちゅう）\nつぎの 開館日（かいかんび）の 朝（あさ）に、本当（ほんとう）の 予約（よやく）に なります。' +
        `じゅんばんが つきます。${STATUS}で 見（み）られます。`
      : `本当（ほんとう）の 予約（よやく）として うけつけました。じゅんばんは ${STATUS}で 見（み）られます。`),
  renewConfirm: (title: string, due: string, newDue: string, shortens: boolean) =>
    `『${title}』を 延長（えんちょう）しますか？\n` +
    `いまの かえす 日（ひ）：${formatDateEasy(due)}\n延長（えんちょう）した あとの かえす 日（ひ）：${formatDateEasy(newDue)}` +
    (shortens
      ? `\n※延長（えんちょう）すると、かえす 日（ひ）は ${lib.renewalPeriod}です。だから、いまより 早（はや）く なります。`
      : ''),
  renewed: (title: string, newDue: string) =>
    `延長（えんちょう）しました。\n『${title}』\n新（あたら）しい かえす 日（ひ）：${formatDateEasy(newDue)}`,
  cancelConfirm: (title: string, branch: string) =>
    `この 予約（よやく）を とりけしますか？\n『${title}』\n受取館（うけとりかん）：${branchName(branch)}`,
  cancelDone: '予約（よやく）を とりけしました。',
  notYours: `この 本（ほん）は ありませんでした。${STATUS}から もう 一度（いちど） えらんで ください。`,
  buttons: {
    login: 'ログイン',
    logout: 'ログアウト',
    status: 'ご利用状況（りようじょうきょう）',
    reserve: 'よやくする',
    send: 'おくる',
    renew: 'えんちょうする',
    cancelHold: 'とりけす',
    stop: 'やめる',
  },
} as const;

/**
 * R-RES-5 予約確認: what the patron confirms before 送信, with R-RES-3 (when the hold becomes
 * official), R-RES-4 (a walk-in patron may borrow it first) and R-RES-8 (the shelf period).
 */
export function reservationConfirmationText(p: {
  title: string;
  branchName: string;
  contactLabel: string;
  officialDate: string;
  noNotice?: boolean;
  holdsAhead?: number;
}): string {
  return [
    '予約（よやく）の ないよう',
    `『${p.title}』`,
    `受取館（うけとりかん）：${branchName(p.branchName)}`,
    `れんらく：${p.contactLabel}`,
    ...(p.noNotice
      ? [
          '「れんらく しない」なので、用意（ようい）が できても おしらせしません。' +
            `${STATUS}で「受取（うけと）り可（か）」に なったか 見（み）て ください。`,
        ]
      : []),
    ...(lib.holdsWait
      ? [
          'この 予約（よやく）は、はじめは「依頼中（いらいちゅう）」です。' +
            `${formatDateEasy(p.officialDate)}の 朝（あさ）に、本当（ほんとう）の 予約（よやく）に なります。`,
        ]
      : []),
    ...(p.holdsAhead === undefined ? [] : [queuePlace(p.holdsAhead)]),
    ...(lib.holdsWait
      ? [
          'さがした ときに「かりられる」でも、それまでに 図書館（としょかん）に 来（き）た 人（ひと）が かりる ことが あります。',
        ]
      : []),
    `用意（ようい）が できたら、受取館（うけとりかん）で とって おきます。${lib.shelfPeriod}の あいだです。`,
    'よければ「おくる」を 押（お）して ください。',
  ].join('\n');
}

/** R-RES-3, R-RES-7: the expected place in the queue, as an estimate. */
function queuePlace(ahead: number): string {
  const now =
    ahead === 0
      ? 'いま、この 本（ほん）を 予約（よやく）して いる 人（ひと）は いません。'
      : `いま、この 本（ほん）には さきに ${ahead}けんの 予約（よやく）が あります。`;
  return (
    `${now}本当（ほんとう）の 予約（よやく）に なると、たぶん ${ahead + 1}位（い）に なります。` +
    'でも、それまでに まどぐちや 電話（でんわ）で うけた 予約（よやく）が あれば、その あとに なります。'
  );
}
