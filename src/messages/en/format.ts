// How dates and times are written to patrons in English.

import { isIsoDate, tokyoDate, weekdayOf } from '../../domain/dates.js';

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** '2026-12-08' → 'Tue 8 Dec', for labels short enough for a quick reply. */
export function shortDateEn(d: string): string {
  if (!isIsoDate(d)) return d;
  const [, m, day] = d.split('-').map(Number);
  return `${WEEKDAYS_EN[weekdayOf(d)]} ${day} ${MONTHS_EN[(m ?? 1) - 1]}`;
}

/** '2026-04-01' → 'Wed 1 Apr 2026': the year as the Japanese date carries it. */
export function formatDateEn(d: string): string {
  if (!isIsoDate(d)) return d;
  return `${shortDateEn(d)} ${d.slice(0, 4)}`;
}

/** 'Wed 2 Dec 2026, 10:00' in Tokyo time: when a link in a mail stops working. */
export function formatDateTimeEn(instant: Date): string {
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${formatDateEn(tokyoDate(instant))}, ${hm}`;
}
