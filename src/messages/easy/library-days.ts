// 開館時間・休館日 in やさしい日本語: when each branch is open, from the profile and the calendar.

import { addDays, weekdayOf } from '../../domain/dates.js';
import type { BranchDaysText } from '../ja/library-days.js';
import { branchName } from '../local-names.js';
import { formatDateEasy } from './format.js';
import { lib } from './library.js';

export type { BranchDaysText } from '../ja/library-days.js';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

const monthDay = (md: string) => {
  const [m, d] = md.split('-').map(Number);
  return `${m}月${d}日`;
};

/** まいしゅう 月曜日（げつようび）、12月29日〜1月3日 */
const closedRule = (b: BranchDaysText) =>
  [
    ...b.weeklyClosedDays.map((d) => `まいしゅう ${WEEKDAYS[d] ?? ''}曜日（ようび）`),
    ...b.yearly.map((y) => `${monthDay(y.start)}〜${monthDay(y.end)}`),
  ].join('、');

const OPEN = '開（あ）いて います';

function today(date: string, branches: readonly BranchDaysText[]): string {
  const open = branches.filter((b) => b.openToday);
  const day = `今日（きょう） ${formatDateEasy(date)}は`;
  if (open.length === branches.length) return `${day}、ぜんぶの 図書館（としょかん）が ${OPEN}。`;
  if (open.length === 0) {
    const next = branches.map((b) => b.nextOpen).sort()[0] ?? '';
    return (
      `${day}、ぜんぶの 図書館（としょかん）が 休（やす）みです。` +
      `つぎに 開（あ）く 日（ひ）は ${formatDateEasy(next)}です。`
    );
  }
  return `${day}、${open.map((b) => branchName(b.name)).join('・')}が ${OPEN}。`;
}

const time = (t: string) => t.replace(/^0(\d)/, '$1');
const span = (h: { open: string; close: string }) => `${time(h.open)}〜${time(h.close)}`;

/** 火（か）〜金（きん） 9:30〜19:00、土（ど）・日（にち） 9:30〜17:00. */
function weeklyHours(hours: BranchDaysText['hours']): string {
  const runs: { days: number[]; text: string }[] = [];
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    const h = hours[d];
    const text = h ? span(h) : '';
    const last = runs.at(-1);
    if (last && last.text === text) last.days.push(d);
    else runs.push({ days: [d], text });
  }
  const w = (d: number) => `${WEEKDAYS[d]}（${READINGS[d]}）`;
  const days = (ds: number[]) => (ds.length > 2 ? `${w(ds[0]!)}〜${w(ds.at(-1)!)}` : ds.map(w).join('・'));
  return runs
    .filter((r) => r.text !== '')
    .map((r) => `${days(r.days)} ${r.text}`)
    .join('、');
}

const READINGS = ['にち', 'げつ', 'か', 'すい', 'もく', 'きん', 'ど'] as const;

function grouped(branches: readonly BranchDaysText[], words: (b: BranchDaysText) => string): string[] {
  const groups = new Map<string, string[]>();
  for (const b of branches) groups.set(words(b), [...(groups.get(words(b)) ?? []), branchName(b.name)]);
  if (groups.size === 1 && branches.length > 1) return [`ぜんぶの 図書館（としょかん）：${[...groups.keys()][0]}`];
  return [...groups].map(([w, names]) => `${names.join('・')}：${w}`);
}

function hoursToday(branches: readonly BranchDaysText[]): string[] {
  const open = branches.filter((b) => b.hoursToday);
  if (open.length === 0) return [];
  const spans = new Set(open.map((b) => span(b.hoursToday!)));
  const head = '今日（きょう） 開（あ）いて いる 時間（じかん）';
  if (spans.size === 1) return [`${head}：${[...spans][0]}`];
  return [`${head}：${open.map((b) => `${branchName(b.name)} ${span(b.hoursToday!)}`).join('、')}`];
}

/** 開館時間・休館日: today's opening and hours, each branch's weekly hours, closing days, phones. */
export function hoursAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const rules = new Set(p.branches.map(closedRule));
  const common = rules.size === 1 ? [...rules][0] : undefined;
  const closed = '休（やす）みの 日（ひ）';
  return [
    '【図書館（としょかん）が 開（あ）いて いる 日（ひ）・休（やす）みの 日（ひ）・電話（でんわ）】',
    today(p.today, p.branches),
    ...hoursToday(p.branches),
    '【開（あ）いて いる 時間（じかん）】',
    ...grouped(p.branches, (b) => weeklyHours(b.hours)),
    ...(common ? [`${closed}：${common}`] : []),
    ...p.branches.map((b) => `${branchName(b.name)}　${b.phone}${common ? '' : `（${closed}：${closedRule(b)}）`}`),
    '今月（こんげつ）の 休（やす）みの 日（ひ）は、「としょかんカレンダー」と 送（おく）ると 出（で）ます。' +
      `図書館（としょかん）の ホームページ（${lib.homepage}）にも カレンダーが あります。` +
      'カレンダーには、本（ほん）の せいりなどで 休（やす）む 日（ひ）も 書（か）いて あります。' +
      'それぞれの 図書館（としょかん）に 電話（でんわ）で 聞（き）く ことも できます。',
  ].join('\n');
}

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
    `【図書館（としょかん）カレンダー　${y}年${m}月の 休（やす）みの 日（ひ）】`,
    ...grouped(p.branches, (b) =>
      b.closedThisMonth.length ? closedDays(b.closedThisMonth) : '休（やす）みの 日（ひ）は ありません',
    ),
    `新（あたら）しい おしらせは、図書館（としょかん）の ホームページ（${lib.homepage}）で 見（み）て ください。`,
  ].join('\n');
}
