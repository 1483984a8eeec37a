// Issue 26 in やさしい日本語: changing the pickup branch, stopping a hold for a while or giving it a
// 不要日, renewing everything, the expected wait, the hold slots, overdue notices, reminder choices.

import type { HoldServiceRefusal } from '../../domain/hold-service-refusals.js';
import { branchName } from '../local-names.js';
import { formatDateEasy } from './format.js';

type Params = Readonly<Record<string, string | number>>;

const param = (p: Params, key: string): string | undefined => {
  const v = p[key];
  const s = v === undefined ? '' : String(v).trim();
  return s === '' ? undefined : s;
};

/** The branch to phone, with its number when the profile has one. */
const phoneBranch = (p: Params) => {
  const name = param(p, 'branchName');
  const branch = name === undefined ? '受取館（うけとりかん）' : branchName(name);
  const phone = param(p, 'phone');
  return phone === undefined ? branch : `${branch}（${phone}）`;
};

const ON_ITS_WAY =
  'この 本（ほん）は、もう 受取館（うけとりかん）に 送（おく）る 用意（ようい）を して いるか、' +
  '受取館（うけとりかん）で とって あります。';
const STATUS = '「ご利用状況（りようじょうきょう）」';

/** R-RES-10..12: why not, and what to do instead. */
export const HOLD_SERVICE_REFUSALS: Record<HoldServiceRefusal, (p: Params) => string> = {
  HOLD_PICKUP_NOT_CHANGEABLE: (p) =>
    `${ON_ITS_WAY}だから、LINEでは 受取館（うけとりかん）を かえられません。` +
    `かえたい ときは、${phoneBranch(p)}に 電話（でんわ）で 相談（そうだん）して ください。`,
  HOLD_PICKUP_SAME_BRANCH: () =>
    'いまの 受取館（うけとりかん）と おなじ 図書館（としょかん）です。かえる ときは、ちがう 受取館（うけとりかん）を えらんで ください。',
  HOLD_NOT_PAUSABLE_TRAPPED: (p) =>
    `${ON_ITS_WAY}だから、「一時停止（いちじていし）」や「不要日（ふようび）」は できません。` +
    `うけとれない ときは、${phoneBranch(p)}に 電話（でんわ）して ください。`,
  HOLD_PAUSE_DATE_OUT_OF_RANGE: (p) => {
    const from = param(p, 'from');
    const until = param(p, 'until');
    return from && until
      ? `その 日（ひ）は えらべません。${formatDateEasy(from)}から ${formatDateEasy(until)}までの 日（ひ）を えらんで ください。`
      : `その 日（ひ）は えらべません。${STATUS}から もう 一度（いちど） えらんで ください。`;
  },
  HOLD_NOT_SUSPENDED: () =>
    'この 予約（よやく）は 止（と）めて いません。じゅんばんが 来（き）たら、そのまま 用意（ようい）します。' +
    `いまの ようすは ${STATUS}で 見（み）て ください。`,
};

/** '2026-12-31' → '12月31日（木）': short enough for a quick-reply label (20 characters). */
const shortDate = (d: string) => formatDateEasy(d).replace(/^\d+年/, '');

const CHANNEL_LABELS: Record<string, string> = { counter: 'まどぐち', phone: 'でんわ', online: 'ネット' };

const dueWord = (days: number) => (days === 0 ? 'なし' : `${days}日（にち） まえ`);

/** The chat's words for the hold and loan services. */
export const holdServices = {
  buttons: {
    changePickup: '受取館（うけとりかん）を かえる',
    change: 'かえる',
    suspend: 'しばらく 止（と）める',
    resume: 'また はじめる',
    notNeeded: '不要日（ふようび）',
    set: 'きめる',
    renewAll: 'ぜんぶ えんちょう',
    renewAllDo: 'えんちょうする',
    reminders: 'おしらせの せってい',
  },
  /** R-RES-14: 「予約（よやく）：4/5けん（まどぐち1・ネット3）」. */
  holdSlots: (used: number, limit: number, byChannel: readonly { channel: string; count: number }[]) =>
    `予約（よやく）：${used}/${limit}けん` +
    (byChannel.length > 0
      ? `（${byChannel.map((c) => `${CHANNEL_LABELS[c.channel] ?? c.channel}${c.count}`).join('・')}）`
      : ''),
  // R-RES-13: always said to be an estimate.
  waitLabel: 'まつ 時間（じかん）の めやす',
  waitRange: (fromWeeks: number, toWeeks: number) =>
    fromWeeks <= 0
      ? `${toWeeks}週間（しゅうかん）より 短（みじか）い（めやす）`
      : `${fromWeeks}〜${toWeeks}週間（しゅうかん）ぐらい（めやす）`,
  waitNote:
    '※まつ 時間（じかん）は めやすです。本（ほん）の 数（かず）・じゅんばん・かりる 日（ひ）の 数（かず）から 考（かんが）えました。' +
    'ほかの 人（ひと）が かえすのが はやいか おそいかで、かわります。',
  suspendedLabel: '一時停止（いちじていし）',
  suspendedUntil: (date: string) => `${formatDateEasy(date)}まで`,
  notNeededLabel: '不要日（ふようび）',
  notNeededAfter: (date: string) => `${formatDateEasy(date)}から あとは いらない`,
  // R-RES-10
  chooseNewBranch: (title: string, current: string) =>
    `『${title}』の 受取館（うけとりかん）を かえます。いまの 受取館（うけとりかん）は ${branchName(current)}です。\n` +
    '新（あたら）しい 受取館（うけとりかん）を えらんで ください。じゅんばんは かわりません。',
  pickupConfirm: (title: string, from: string, to: string) =>
    `受取館（うけとりかん）を かえますか？\n『${title}』\n${branchName(from)} → ${branchName(to)}\n` +
    '予約（よやく）の じゅんばんは かわりません。',
  pickupDone: (title: string, to: string) =>
    `受取館（うけとりかん）を かえました。\n『${title}』\n受取館（うけとりかん）：${branchName(to)}`,
  pickupAlready: (title: string, to: string) =>
    `この 予約（よやく）の 受取館（うけとりかん）は、もう ${branchName(to)}です。\n『${title}』`,
  // R-RES-11, R-RES-12
  choosePause: (title: string) =>
    `『${title}』の 予約（よやく）を、しばらく 止（と）める ことが できます（一時停止（いちじていし））。\n` +
    '「不要日（ふようび）」を きめる ことも できます。その 日（ひ）が すぎたら、予約（よやく）を とりけします。\n' +
    '止（と）めて いる あいだも、じゅんばんは そのままです。予約（よやく）の 数（かず）にも 入（はい）ります。' +
    'きめた 日（ひ）が おわると、また はじまります。\nえらんで ください。',
  suspendChoice: (date: string) => `${shortDate(date)}まで 止（と）める`,
  notNeededChoice: (date: string) => `${shortDate(date)}から いらない`,
  suspendConfirm: (title: string, date: string) =>
    `この 予約（よやく）を ${formatDateEasy(date)}まで 止（と）めますか？\n『${title}』\n` +
    '止（と）めて いる ときに じゅんばんが 来（き）たら、つぎの 人（ひと）に 先（さき）に わたします。' +
    'あなたの じゅんばんは そのままです。つぎの 日（ひ）から、また はじまります。',
  notNeededConfirm: (title: string, date: string) =>
    `この 予約（よやく）に 不要日（ふようび）を きめますか？\n『${title}』\n` +
    `${formatDateEasy(date)}が すぎても 用意（ようい）が できて いない ときは、予約（よやく）を とりけして おしらせします。`,
  suspendDone: (title: string, date: string) =>
    `予約（よやく）を 止（と）めました。\n『${title}』\n${formatDateEasy(date)}まで 止（と）めます。` +
    'つぎの 日（ひ）から、また はじまります。' +
    `はやく はじめたい ときは、${STATUS}の「また はじめる」を 押（お）して ください。`,
  notNeededDone: (title: string, date: string) =>
    `不要日（ふようび）を きめました。\n『${title}』\n` +
    `${formatDateEasy(date)}が すぎても 用意（ようい）が できて いない ときは、予約（よやく）を とりけして おしらせします。`,
  suspendAlready: (title: string, date: string) =>
    `この 予約（よやく）は、もう ${formatDateEasy(date)}まで 止（と）めて います。\n『${title}』`,
  notNeededAlready: (title: string, date: string) =>
    `この 予約（よやく）の 不要日（ふようび）は、もう ${formatDateEasy(date)}に きめて います。\n『${title}』`,
  resumeConfirm: (title: string, until: string) =>
    `予約（よやく）は ${formatDateEasy(until)}まで 止（と）めて います。やめて、また はじめますか？\n『${title}』`,
  resumeDone: (title: string) =>
    `予約（よやく）を また はじめました。\n『${title}』\nじゅんばんが 来（き）たら 用意（ようい）します。`,
  resumeAlready: (title: string) => `この 予約（よやく）は もう はじまって います。\n『${title}』`,
  choiceWaits:
    'いま えらんで いる とちゅうです。下（した）の ボタンから えらんで ください。やめる ときは「やめる」を 押（お）して ください。',
  // R-LOAN-5
  renewAllConfirm: (rows: readonly string[], count: number) =>
    `延長（えんちょう）できる 本（ほん）を、ぜんぶ 延長（えんちょう）しますか？（${count}冊（さつ））\n${rows.join('\n')}`,
  renewAllRow: (title: string, newDue: string) => `・『${title}』→ ${formatDateEasy(newDue)}`,
  renewAllNotRow: (title: string, reason: string) => `・『${title}』延長（えんちょう）できません：${reason}`,
  renewAllNoLoans: 'かりている 本（ほん）は ありません。',
  renewAllNoReason: 'いまは 延長（えんちょう）できません。',
  renewAllNone: (rows: readonly string[]) =>
    `いま 延長（えんちょう）できる 本（ほん）は ありません。\n${rows.join('\n')}`,
  renewAllDone: (rows: readonly string[]) => `延長（えんちょう）の けっかです。\n${rows.join('\n')}`,
  renewAllDoneRow: (title: string, newDue: string) =>
    `・『${title}』延長（えんちょう）しました。新（あたら）しい かえす 日（ひ）：${formatDateEasy(newDue)}`,
  renewAllAlready: (rows: readonly string[]) => `延長（えんちょう）は もう おわって います。\n${rows.join('\n')}`,
  renewAllDueRow: (title: string, due: string) => `・『${title}』かえす 日（ひ）：${formatDateEasy(due)}`,
  // R-NOTE-2
  remindersNow: (dueDays: number, pickup: boolean) =>
    `いまの おしらせの せってい\nかえす 日（ひ）の おしらせ：${dueWord(dueDays)}\n` +
    `うけとる 日（ひ）の しめきりの おしらせ：${pickup ? 'あり' : 'なし'}\nかえる ものを えらんで ください。`,
  dueChoice: (days: number) => (days === 0 ? 'かえすひ おしらせなし' : `かえすひの ${days}にち まえ`),
  pickupChoice: (on: boolean) => (on ? 'うけとり しめきり あり' : 'うけとり しめきり なし'),
  remindersDone: (dueDays: number, pickup: boolean) =>
    `おしらせの せっていを かえました。\nかえす 日（ひ）の おしらせ：${dueWord(dueDays)}\n` +
    `うけとる 日（ひ）の しめきりの おしらせ：${pickup ? 'あり' : 'なし'}`,
} as const;

/** Notices of issue 26 (LINE card and mail say the same). */
export const holdServiceNotices = {
  holdNotNeeded: {
    heading: '予約（よやく）を とりけしました（不要日（ふようび）が すぎました）',
    cardHeading: 'よやくを\nとりけしました',
    alt: (title: string) =>
      `不要日（ふようび）が すぎたので、予約（よやく）を とりけしました${title ? `『${title}』` : ''}`,
    dateLabel: '不要日（ふようび）',
    note:
      'きめた 不要日（ふようび）までに 用意（ようい）が できませんでした。だから、予約（よやく）を とりけしました。' +
      'ほしい ときは、もう 一度（いちど） 予約（よやく）して ください。',
  },
  overdue: {
    heading: 'かえす 日（ひ）が すぎて います',
    cardHeading: 'かえす ひが\nすぎて います',
    alt: (title: string) => `かえす 日（ひ）が すぎた 本（ほん）が あります『${title}』`,
    note:
      'かりている 本（ほん）の かえす 日（ひ）が すぎて います。つぎに まって いる 人（ひと）も います。' +
      'はやく 近（ちか）くの 図書館（としょかん）に かえして ください。' +
      'もう かえした ときは、ごめんなさい。この おしらせは 気（き）に しないで ください。',
  },
} as const;
