// Opening hours and closed days in English: when each branch is open, from the profile and the calendar.

import { addDays, weekdayOf } from '../../domain/dates.js';
import type { BranchDaysText } from '../ja/library-days.js';
import { branchName } from '../local-names.js';
import { formatDateEn } from './format.js';
import { lib } from './library.js';

export type { BranchDaysText } from '../ja/library-days.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const monthDay = (md: string) => {
  const [m, d] = md.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]}`;
};

const names = (bs: readonly BranchDaysText[]) => bs.map((b) => branchName(b.name)).join(', ');

/** every Monday, 29 Dec – 3 Jan */
const closedRule = (b: BranchDaysText) =>
  [
    ...b.weeklyClosedDays.map((d) => `every ${WEEKDAYS_LONG[d] ?? ''}`),
    ...b.yearly.map((y) => `${monthDay(y.start)} – ${monthDay(y.end)}`),
  ].join(', ');

/** Today every branch is open / all closed (the next opening day) / the branches open. */
function today(date: string, branches: readonly BranchDaysText[]): string {
  const open = branches.filter((b) => b.openToday);
  if (open.length === branches.length) return `Today, ${formatDateEn(date)}, all libraries are open.`;
  if (open.length === 0) {
    const next = branches.map((b) => b.nextOpen).sort()[0] ?? '';
    return `Today, ${formatDateEn(date)}, all libraries are closed. The next opening day is ${formatDateEn(next)}.`;
  }
  return `Open today, ${formatDateEn(date)}: ${names(open)}.`;
}

/** '09:30' → '9:30'. */
const time = (t: string) => t.replace(/^0(\d)/, '$1');
const span = (h: { open: string; close: string }) => `${time(h.open)}–${time(h.close)}`;

/** Tue–Fri 9:30–19:00, Sat, Sun 9:30–17:00: runs of weekdays (Monday first) with the same hours. */
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
    ds.length > 2 ? `${WEEKDAYS[ds[0]!]}–${WEEKDAYS[ds.at(-1)!]}` : ds.map((d) => WEEKDAYS[d]).join(', ');
  return runs
    .filter((r) => r.text !== '')
    .map((r) => `${days(r.days)} ${r.text}`)
    .join('; ');
}

/** Branches with the same words, together: Main Library: … / Tobu Branch, Seibu Branch: … */
function grouped(branches: readonly BranchDaysText[], words: (b: BranchDaysText) => string): string[] {
  const groups = new Map<string, string[]>();
  for (const b of branches) groups.set(words(b), [...(groups.get(words(b)) ?? []), branchName(b.name)]);
  if (groups.size === 1 && branches.length > 1) return [`All libraries: ${[...groups.keys()][0]}`];
  return [...groups].map(([w, ns]) => `${ns.join(', ')}: ${w}`);
}

/** Today's hours of the branches open today. */
function hoursToday(branches: readonly BranchDaysText[]): string[] {
  const open = branches.filter((b) => b.hoursToday);
  if (open.length === 0) return [];
  const spans = new Set(open.map((b) => span(b.hoursToday!)));
  if (spans.size === 1) return [`Today's hours: ${[...spans][0]}`];
  return [`Today's hours: ${open.map((b) => `${branchName(b.name)} ${span(b.hoursToday!)}`).join('; ')}`];
}

/** Opening hours and closed days from the library's profile and calendar, and the phones. */
export function hoursAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const rules = new Set(p.branches.map(closedRule));
  const common = rules.size === 1 ? [...rules][0] : undefined;
  return [
    '[Opening days, closed days and phone numbers]',
    today(p.today, p.branches),
    ...hoursToday(p.branches),
    '[Opening hours]',
    ...grouped(p.branches, (b) => weeklyHours(b.hours)),
    ...(common ? [`Closed: ${common}`] : []),
    ...p.branches.map((b) => `${branchName(b.name)}  ${b.phone}${common ? '' : ` (closed: ${closedRule(b)})`}`),
    'Send "library calendar" to see this month\'s closed days. ' +
      `The opening hours and the calendar of closed days (including days closed for stocktaking and the like) ` +
      `are also on the library website (${lib.homepage}). You can also phone any library to ask.`,
  ].join('\n');
}

/** 7 (Mon), 14 (Mon), 28 (Mon) – 31 (Thu): runs of consecutive closed days written as one. */
function closedDays(dates: readonly string[]): string {
  const day = (d: string) => `${Number(d.slice(8))} (${WEEKDAYS[weekdayOf(d)]})`;
  const runs: string[][] = [];
  for (const d of dates) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === d) last.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length > 2 ? `${day(r[0]!)} – ${day(r.at(-1)!)}` : r.map(day).join(', '))).join(', ');
}

/** Library calendar: this month's closed days of every branch, staff closed dates included. */
export function calendarAnswer(p: { today: string; branches: readonly BranchDaysText[] }): string {
  const [y, m] = p.today.split('-').map(Number);
  return [
    `[Library calendar: closed days in ${MONTHS_LONG[(m ?? 1) - 1]} ${y}]`,
    ...grouped(p.branches, (b) => (b.closedThisMonth.length ? closedDays(b.closedThisMonth) : 'no closed days')),
    `For the latest news, please see the library website (${lib.homepage}).`,
  ].join('\n');
}
