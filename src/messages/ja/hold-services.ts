// Issue 26, the catch-up half: changing the pickup branch, suspending a hold or giving it a 不要日,
// renewing everything, the expected wait, the hold slots per channel, overdue notices and the
// reminder choices. Every sentence a patron reads about them.

import type { HoldServiceRefusal } from '../../domain/hold-service-refusals.js';
import { formatDateJa } from './format.js';

type Params = Readonly<Record<string, string | number>>;

const param = (p: Params, key: string): string | undefined => {
  const v = p[key];
  const s = v === undefined ? '' : String(v).trim();
  return s === '' ? undefined : s;
};

/** The branch to phone, with its number when the profile has one. */
const phoneBranch = (p: Params) => {
  const branch = param(p, 'branchName') ?? '受取館';
  const phone = param(p, 'phone');
  return phone === undefined ? branch : `${branch}（${phone}）`;
};

/** R-RES-10..12: why not, and what to do instead. */
export const HOLD_SERVICE_REFUSALS: Record<HoldServiceRefusal, (p: Params) => string> = {
  HOLD_PICKUP_NOT_CHANGEABLE: (p) =>
    'この予約の資料は、すでに受取館へ送る準備に入っているか、受取館でお取り置きしているため、' +
    `LINEからは受取館を変更できません。変更をご希望のときは、お電話で${phoneBranch(p)}へご相談ください。`,
  HOLD_PICKUP_SAME_BRANCH: () => 'いまの受取館と同じ図書館です。変更するときは、別の受取館を選んでください。',
  HOLD_NOT_PAUSABLE_TRAPPED: (p) =>
    'この予約の資料は、すでに受取館へ送る準備に入っているか、受取館でお取り置きしているため、' +
    `一時停止や不要日の設定はできません。受け取れないときは、お電話で${phoneBranch(p)}へご連絡ください。`,
  HOLD_PAUSE_DATE_OUT_OF_RANGE: (p) => {
    const from = param(p, 'from');
    const until = param(p, 'until');
    return from && until
      ? `その日付は選べません。${formatDateJa(from)}から${formatDateJa(until)}までの日付を選んでください。`
      : 'その日付は選べません。「ご利用状況」からもう一度お選びください。';
  },
  HOLD_NOT_SUSPENDED: () =>
    'この予約は一時停止していません。順番が来れば、そのままご用意します。状態は「ご利用状況」でご確認ください。',
};

/** '2026-12-31' → '12月31日（木）': short enough for a quick-reply label (20 characters). */
const shortDate = (d: string) => formatDateJa(d).replace(/^\d+年/, '');

const CHANNEL_LABELS: Record<string, string> = { counter: '窓口', phone: '電話', online: 'インターネット' };

/** The chat's words for the new hold and loan services. */
export const holdServices = {
  buttons: {
    changePickup: '受取館変更',
    change: '変更する',
    suspend: '一時停止',
    resume: '再開する',
    notNeeded: '不要日',
    set: '設定する',
    renewAll: 'まとめて延長',
    renewAllDo: '延長する',
    reminders: '通知設定',
  },
  /** R-RES-14: 「予約：4/5件（窓口1・インターネット3）」. */
  holdSlots: (used: number, limit: number, byChannel: readonly { channel: string; count: number }[]) =>
    `予約：${used}/${limit}件` +
    (byChannel.length > 0
      ? `（${byChannel.map((c) => `${CHANNEL_LABELS[c.channel] ?? c.channel}${c.count}`).join('・')}）`
      : ''),
  // R-RES-13: always labelled 目安 (an estimate).
  waitLabel: '待ち目安',
  waitRange: (fromWeeks: number, toWeeks: number) =>
    fromWeeks <= 0 ? `${toWeeks}週間以内（目安）` : `約${fromWeeks}〜${toWeeks}週間（目安）`,
  waitNote: '※待ち目安は、所蔵冊数・順位・貸出期間からの目安です。返却の早い遅いで前後します。',
  suspendedLabel: '一時停止',
  suspendedUntil: (date: string) => `${formatDateJa(date)}まで`,
  notNeededLabel: '不要日',
  notNeededAfter: (date: string) => `${formatDateJa(date)}以降は不要`,
  // R-RES-10
  chooseNewBranch: (title: string, current: string) =>
    `『${title}』の受取館を変更します（いまの受取館：${current}）。\n新しい受取館を選んでください。順位はそのままです。`,
  pickupConfirm: (title: string, from: string, to: string) =>
    `受取館を変更しますか？\n『${title}』\n${from} → ${to}\n予約の順位は変わりません。`,
  pickupDone: (title: string, to: string) => `受取館を変更しました。\n『${title}』\n受取館：${to}`,
  pickupAlready: (title: string, to: string) => `この予約の受取館はすでに${to}です。\n『${title}』`,
  // R-RES-11, R-RES-12
  choosePause: (title: string) =>
    `『${title}』の予約を一時停止するか、不要日（この日を過ぎたら予約を取り消す日）を設定できます。\n` +
    '一時停止のあいだも順位はそのままで、予約件数にも数えます。期間が終わると自動で再開します。\n選んでください。',
  suspendChoice: (date: string) => `${shortDate(date)}まで停止`,
  notNeededChoice: (date: string) => `${shortDate(date)}以降不要`,
  suspendConfirm: (title: string, date: string) =>
    `この予約を${formatDateJa(date)}まで一時停止しますか？\n『${title}』\n` +
    '停止中に資料の順番が来たときは次の方へ回し、順位はそのまま保ちます。翌日から自動で再開します。',
  notNeededConfirm: (title: string, date: string) =>
    `この予約に不要日を設定しますか？\n『${title}』\n${formatDateJa(date)}を過ぎてもご用意できていないときは、予約を取り消してお知らせします。`,
  suspendDone: (title: string, date: string) =>
    `一時停止しました。\n『${title}』\n${formatDateJa(date)}まで停止し、翌日から自動で再開します。早く再開するときは「ご利用状況」の「再開する」を押してください。`,
  notNeededDone: (title: string, date: string) =>
    `不要日を設定しました。\n『${title}』\n${formatDateJa(date)}を過ぎてもご用意できていないときは、予約を取り消してお知らせします。`,
  suspendAlready: (title: string, date: string) =>
    `この予約はすでに${formatDateJa(date)}まで一時停止しています。\n『${title}』`,
  notNeededAlready: (title: string, date: string) =>
    `この予約の不要日はすでに${formatDateJa(date)}に設定しています。\n『${title}』`,
  resumeConfirm: (title: string, until: string) =>
    `一時停止（${formatDateJa(until)}まで）をやめて、予約を再開しますか？\n『${title}』`,
  resumeDone: (title: string) => `予約を再開しました。\n『${title}』\n順番が来たらご用意します。`,
  resumeAlready: (title: string) => `この予約はすでに再開しています。\n『${title}』`,
  /** Other words while a choice waits. */
  choiceWaits: '選択の途中です。下のボタンから選んでください。やめるときは「やめる」を押してください。',
  // R-LOAN-5
  renewAllConfirm: (rows: readonly string[], count: number) =>
    `延長できる資料をまとめて延長しますか？（${count}冊）\n${rows.join('\n')}`,
  renewAllRow: (title: string, newDue: string) => `・『${title}』→ ${formatDateJa(newDue)}`,
  renewAllNotRow: (title: string, reason: string) => `・『${title}』延長できません：${reason}`,
  renewAllNoLoans: '貸出中の資料はありません。',
  renewAllNoReason: 'いまは延長できません。',
  renewAllNone: (rows: readonly string[]) => `いま延長できる資料はありません。\n${rows.join('\n')}`,
  renewAllDone: (rows: readonly string[]) => `延長の結果です。\n${rows.join('\n')}`,
  renewAllDoneRow: (title: string, newDue: string) =>
    `・『${title}』延長しました。新しい返却予定日：${formatDateJa(newDue)}`,
  renewAllAlready: (rows: readonly string[]) => `延長はすでに済んでいます。\n${rows.join('\n')}`,
  renewAllDueRow: (title: string, due: string) => `・『${title}』返却予定日：${formatDateJa(due)}`,
  // R-NOTE-2
  remindersNow: (dueDays: number, pickup: boolean) =>
    `いまの通知設定\n返却日のお知らせ：${dueDays === 0 ? 'なし' : `${dueDays}日前`}\n受取期限のお知らせ：${pickup ? 'あり' : 'なし'}\n変更するものを選んでください。`,
  dueChoice: (days: number) => (days === 0 ? '返却日通知なし' : `返却日${days}日前`),
  pickupChoice: (on: boolean) => (on ? '受取期限通知あり' : '受取期限通知なし'),
  remindersDone: (dueDays: number, pickup: boolean) =>
    `通知設定を変更しました。\n返却日のお知らせ：${dueDays === 0 ? 'なし' : `${dueDays}日前`}\n受取期限のお知らせ：${pickup ? 'あり' : 'なし'}`,
} as const;

/** Notices of issue 26 (LINE card and mail say the same). */
export const holdServiceNotices = {
  holdNotNeeded: {
    heading: '予約を取り消しました（不要日を過ぎたため）',
    cardHeading: '予約を取り消しました\n（不要日を過ぎたため）',
    alt: (title: string) => `不要日を過ぎたため予約を取り消しました${title ? `『${title}』` : ''}`,
    dateLabel: '不要日',
    note: '設定された不要日までにご用意できなかったため、予約を取り消しました。ご希望の場合は、あらためて予約をお申し込みください。',
  },
  overdue: {
    heading: '返却予定日を過ぎています',
    cardHeading: '返却予定日を\n過ぎています',
    alt: (title: string) => `返却予定日を過ぎた資料があります『${title}』`,
    note: 'お借りの資料の返却予定日を過ぎています。次にお待ちの方もいらっしゃいます。お早めにお近くの図書館へご返却ください。すでにご返却の場合は、行き違いですのでご容赦ください。',
  },
} as const;
