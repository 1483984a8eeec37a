// 開館時間・休館日: how the chat tells when each branch is open, from the profile and the calendar.

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

/**
 * 開館時間・休館日 from the library's data: today's opening, the closing days, the phones.
 * Opening hours are not in the data yet; they are published on the homepage.
 */
export function hoursAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const rules = new Set(p.branches.map(closedRule));
  const common = rules.size === 1 ? [...rules][0] : undefined;
  return [
    '【開館日・休館日と電話番号】',
    today(p.today, p.branches),
    ...(common ? [`休館日：${common}`] : []),
    ...p.branches.map((b) => `${b.name}　${b.phone}${common ? '' : `（休館日：${closedRule(b)}）`}`),
    `開館時間と休館日のカレンダー（館内整理などの休館日を含みます）は、図書館のホームページ（${lib.homepage}）でご覧いただけます。` +
      '各館へのお電話でもお問い合わせいただけます。',
  ].join('\n');
}
