// The logged-in services in the chat: login, status, reserve, renew, cancel, logout.

import { formatDateJa } from './format.js';
import { NO_CARD_YET, PASSWORD_AT_COUNTER } from './phrases.js';
import { lib } from './library.js';

/** Wording of the logged-in services: login, status, reserve, renew, cancel, logout. */
export const patronChat = {
  loginNeeded:
    'この操作には、利用者カードの番号とパスワードでのログインが必要です。下の「ログイン」からログインしてください。',
  loginPrompt:
    '下の「ログイン」を押すと、図書館のログインページが開きます。利用者カードの番号とパスワードを入力してください。\n' +
    '（パスワードはLINEのトークには入力しないでください。）\n' +
    NO_CARD_YET +
    PASSWORD_AT_COUNTER,
  loginUnavailable: 'ただいまログインを受け付けられません。しばらくしてからもう一度お試しください。',
  passwordInChat:
    'パスワードはトークに送らないでください（送られた文字は検索にも使わず、表示もしません）。' +
    'ログインは「ログイン」ボタンから開く図書館のページで行います。',
  passwordInChatLoggedIn:
    'パスワードはトークに送らないでください（送られた文字は検索にも使わず、表示もしません）。' +
    '本物のパスワードを送ってしまったときは、「パスワード変更」から変更してください。',
  alreadyLoggedIn: 'すでにログインしています。別の利用者カードでログインするときは、先に「ログアウト」してください。',
  loggedIn:
    'ログインしました。予約・ご利用状況の確認・貸出期間の延長・予約の取消ができます。\n' +
    'ログアウトはいつでも「ログアウト」と送るか、メニューからできます。',
  /** After login, for a patron who may not reserve (R-ELIG-2): said once, here, instead of a promise. */
  loggedInNoReserve: (reason: string) =>
    `ログインしました。\n${reason}\nログアウトはいつでも「ログアウト」と送るか、メニューからできます。`,
  /** Before the status a login was asked for: the status itself follows in the same bubble. */
  loggedInLead: 'ログインしました。',
  /** 延長する / 取消する tapped before the login: offered again, as a reservation is. */
  continueAction: (button: string) => `ログイン前に押した「${button}」を続けますか？`,
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
  /** For a patron who may not reserve (R-ELIG-2): no hold slots to promise, only holds that exist. */
  statusHeaderNoReserve: (name: string, loans: number, holds: number) =>
    `${name}さんのご利用状況\n貸出中：${loans}冊` + (holds > 0 ? `\n予約：${holds}件` : ''),
  noLoans: '貸出中の資料はありません。',
  noHolds: '予約中の資料はありません。',
  /** More loans than one page of cards: which are shown; 次の10件 / 前の10件 go on. */
  loansPage: (total: number, from: number, to: number) =>
    `貸出中の資料${total}冊のうち、${from}〜${to}冊目を表示しています。`,
  dueDateLabel: '返却予定日',
  overdue: '返却予定日を過ぎています',
  /** The label of the overdue row of a loan card, as 状態 labels a hold's. */
  loanStateLabel: '状態',
  /** The small heading of each card in ご利用状況: which list it belongs to, and where in it. */
  loanCardHeading: (n: number, of: number) => `貸出中の資料 ${n}/${of}`,
  holdCardHeading: (n: number, of: number) => `予約中の資料 ${n}/${of}`,
  holdStateLabel: '状態',
  /** R-RES-7, in the guide's words: shown on a hold at 1位. */
  firstInLineNote: '※「1位」の表示は借りることができる状態ではありません。ご用意ができると「受取り可」になります。',
  pickupBranchLabel: '受取館',
  pickupDeadlineLabel: '受取期限',
  chooseBranch: (title: string) => `『${title}』を予約します。\n受取館を選んでください。`,
  chooseBranchQuestion: '受取館を選んでください。',
  chooseContact: 'ご用意ができたときの連絡方法を選んでください。',
  /** Other words while a reservation waits for an answer: the flow is still open; its choices again. */
  reservationWaits: (title: string, question: string) =>
    `『${title}』の予約の途中です。${question}\n予約をやめるときは「やめる」を押してください。`,
  sendQuestion: '内容をご確認のうえ「送信」を押してください。',
  /** Other words while 延長する / 取消する waits for its confirmation. */
  actionWaits: (button: string) =>
    `「${button}」の確認の途中です。よろしければ「${button}」を押してください。やめるときは「やめる」を押してください。`,
  emailNotRegistered: 'E-mailで連絡を受けるには、メールアドレスの登録が必要です（「メールアドレス登録」）。',
  /** R-RES-6: a contact method typed that the library does not offer at all (its profile's contactMethods). */
  contactNotOffered: (method: string) =>
    `${lib.name}では、ご用意ができたときの${method}でのお知らせは行っていません。下の連絡方法からお選びください。`,
  accepted: (title: string, branch: string, contact: string) =>
    `予約受付\n『${title}』\n受取館：${branch}\n連絡方法：${contact}\n` +
    (lib.holdsWait
      ? '状態：依頼中\n翌開館日の朝に正式な予約になり、順位がつきます。「ご利用状況」で確認できます。'
      : '正式な予約として受け付けました。順位は「ご利用状況」で確認できます。'),
  renewConfirm: (title: string, due: string, newDue: string, shortens: boolean) =>
    `『${title}』の貸出期間を延長しますか？\n` +
    `現在の返却予定日：${formatDateJa(due)}\n延長後の返却予定日：${formatDateJa(newDue)}` +
    (shortens ? `\n※延長は${lib.renewalPeriod}のため、返却予定日が今より早くなります。` : ''),
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
 * R-RES-5 予約確認: what the patron confirms before 送信, including R-RES-3 (when the hold becomes
 * official), R-RES-4 (a walk-in patron may borrow it first) and R-RES-8 (how the shelf period counts).
 */
export function reservationConfirmationText(p: {
  title: string;
  branchName: string;
  contactLabel: string;
  officialDate: string;
  /** 連絡不要 was chosen: no notice will come when the book is ready. */
  noNotice?: boolean;
  /** Holds of the title ahead of this one once it is official (services: reservationPreview). */
  holdsAhead?: number;
}): string {
  return [
    '予約確認',
    `『${p.title}』`,
    `受取館：${p.branchName}`,
    `連絡方法：${p.contactLabel}`,
    ...(p.noNotice
      ? ['連絡不要のため、ご用意ができてもお知らせしません。「ご利用状況」で「受取り可」になったかをご確認ください。']
      : []),
    ...(lib.holdsWait
      ? [`この予約は「依頼中」として受け付け、${formatDateJa(p.officialDate)}の朝に正式な予約になります。`]
      : []),
    ...(p.holdsAhead === undefined ? [] : [queuePlace(p.holdsAhead)]),
    ...(lib.holdsWait ? ['検索結果で貸出可となっていても、それまでに来館された方に貸し出されることがあります。'] : []),
    `ご用意ができたら、${lib.shelfPeriod}のあいだ受取館でお取り置きします。`,
    'よろしければ「送信」を押してください。',
  ].join('\n');
}

/**
 * R-RES-3, R-RES-7: the place in the queue the hold may expect, said as an estimate, because a
 * counter or phone hold taken before the morning goes ahead of it.
 */
function queuePlace(ahead: number): string {
  const now =
    ahead === 0 ? 'いま、この資料にほかの予約はありません。' : `いま、この資料には先に${ahead}件の予約があります。`;
  return (
    `${now}正式な予約になると${ahead + 1}位になる見込みです` +
    '（それまでに窓口・電話で受けた予約があれば、その後ろになります）。'
  );
}
