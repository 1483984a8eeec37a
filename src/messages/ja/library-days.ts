// 開館時間・休館日: how the chat tells when each branch is open, from the profile and the calendar.

import { addDays, weekdayOf } from '../../domain/dates.js';
import { formatDateJa } from './format.js';
import { lib } from './library.js';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** One branch as the 開館日 answer shows it (library-days service). */
export interface BranchDaysText {
  name: string;
  phone: string;
  weeklyClosedDays: readonly number[];
  yearly: readonly { start: string; end: string }[];
  openToday: boolean;
  nextOpen: string;
  /** Opening hours by weekday (0 = Sunday); null on a closing weekday. */
  hours: readonly ({ open: string; close: string } | null)[];
  hoursToday: { open: string; close: string } | null;
  /** This month's closed days, for 図書館カレンダー. */
  closedThisMonth: readonly string[];
}

const monthDay = (md: string) => {
  const [m, d] = md.split('-').map(Number);
  return `${m}月${d}日`;
};

/** 毎週月曜日、12月29日〜1月3日 */
const closedRule = (b: BranchDaysText) =>
  [
    ...b.weeklyClosedDays.map((d) => `毎週${WEEKDAYS[d] ?? ''}曜日`),
    ...b.yearly.map((y) => `${monthDay(y.start)}〜${monthDay(y.end)}`),
  ].join('、');

/** 本日は全館開館 / 全館休館（次の開館日） / 開館している館の名前. */
function today(date: string, branches: readonly BranchDaysText[]): string {
  const open = branches.filter((b) => b.openToday);
  if (open.length === branches.length) return `本日${formatDateJa(date)}は、全館開館しています。`;
  if (open.length === 0) {
    const next = branches.map((b) => b.nextOpen).sort()[0] ?? '';
    return `本日${formatDateJa(date)}は、全館休館日です。次の開館日は${formatDateJa(next)}です。`;
  }
  return `本日${formatDateJa(date)}に開館しているのは、${open.map((b) => b.name).join('・')}です。`;
}

/** '09:30' → '9:30'. */
const time = (t: string) => t.replace(/^0(\d)/, '$1');
const span = (h: { open: string; close: string }) => `${time(h.open)}〜${time(h.close)}`;

/** 火〜金 9:30〜19:00、土・日 9:30〜17:00: runs of weekdays (Monday first) with the same hours. */
function weeklyHours(hours: BranchDaysText['hours']): string {
  const runs: { days: number[]; text: string }[] = [];
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    const h = hours[d];
    const text = h ? span(h) : '';
    const last = runs.at(-1);
    if (last && last.text === text) last.days.push(d);
    else runs.push({ days: [d], text });
  }
  const days = (ds: number[]) =>
    ds.length > 2 ? `${WEEKDAYS[ds[0]!]}〜${WEEKDAYS[ds.at(-1)!]}` : ds.map((d) => WEEKDAYS[d]).join('・');
  return runs
    .filter((r) => r.text !== '')
    .map((r) => `${days(r.days)} ${r.text}`)
    .join('、');
}

/** Branches with the same words, together: 本館：…／○○分館・△△分館：… */
function grouped(branches: readonly BranchDaysText[], words: (b: BranchDaysText) => string): string[] {
  const groups = new Map<string, string[]>();
  for (const b of branches) groups.set(words(b), [...(groups.get(words(b)) ?? []), b.name]);
  if (groups.size === 1 && branches.length > 1) return [`全館：${[...groups.keys()][0]}`];
  return [...groups].map(([w, names]) => `${names.join('・')}：${w}`);
}

/** 本日の開館時間：本館 9:30〜19:00、○○分館 9:30〜17:00 … (the branches open today). */
function hoursToday(branches: readonly BranchDaysText[]): string[] {
  const open = branches.filter((b) => b.hoursToday);
  if (open.length === 0) return [];
  const spans = new Set(open.map((b) => span(b.hoursToday!)));
  if (spans.size === 1) return [`本日の開館時間：${[...spans][0]}`];
  return [`本日の開館時間：${open.map((b) => `${b.name} ${span(b.hoursToday!)}`).join('、')}`];
}

/**
 * 開館時間・休館日 from the library's profile and calendar: today's opening and hours, each branch's
 * weekly hours, the closing days, the phones.
 */
export function hoursAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const rules = new Set(p.branches.map(closedRule));
  const common = rules.size === 1 ? [...rules][0] : undefined;
  return [
    '【開館日・休館日と電話番号】',
    today(p.today, p.branches),
    ...hoursToday(p.branches),
    '【開館時間】',
    ...grouped(p.branches, (b) => weeklyHours(b.hours)),
    ...(common ? [`休館日：${common}`] : []),
    ...p.branches.map((b) => `${b.name}　${b.phone}${common ? '' : `（休館日：${closedRule(b)}）`}`),
    '今月の休館日は「図書館カレンダー」と送ると表示します。' +
      `開館時間と休館日のカレンダー（館内整理などの休館日を含みます）は、図書館のホームページ（${lib.homepage}）でもご覧いただけます。` +
      '各館へのお電話でもお問い合わせいただけます。',
  ].join('\n');
}

/** 7日（月）、14日（月）、28日（月）〜31日（木）: runs of consecutive closed days written as one. */
function closedDays(dates: readonly string[]): string {
  const day = (d: string) => `${Number(d.slice(8))}日（${WEEKDAYS[weekdayOf(d)]}）`;
  const runs: string[][] = [];
  for (const d of dates) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === d) last.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length > 2 ? `${day(r[0]!)}〜${day(r.at(-1)!)}` : r.map(day).join('、'))).join('、');
}

/** 図書館カレンダー: this month's closed days of every branch, staff closed dates included. */
export function calendarAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const [y, m] = p.today.split('-').map(Number);
  return [
    `【図書館カレンダー　${y}年${m}月の休館日】`,
    ...grouped(p.branches, (b) => (b.closedThisMonth.length ? closedDays(b.closedThisMonth) : '休館日はありません')),
    `最新のお知らせは図書館のホームページ（${lib.homepage}）でご確認ください。`,
  ].join('\n');
}
