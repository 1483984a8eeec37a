// Dates and times in やさしい日本語: numbers with 年・月・日 and the weekday, as schools write them.

import { isIsoDate, tokyoDate, weekdayOf } from '../../domain/dates.js';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** '2026-12-08' → '2026年12月8日（火）'. */
export function formatDateEasy(d: string): string {
  if (!isIsoDate(d)) return d;
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${WEEKDAYS[weekdayOf(d)]}）`;
}

/** '2026年12月2日（水） 10:00' in Tokyo time. */
export function formatDateTimeEasy(instant: Date): string {
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const [h, m] = hm.split(':');
  return `${formatDateEasy(tokyoDate(instant))} ${Number(h)}:${m}`;
}
