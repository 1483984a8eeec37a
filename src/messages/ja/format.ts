// How dates and times are written to patrons.

import { isIsoDate, tokyoDate, weekdayOf } from '../../domain/dates.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** '2026-04-01' → '2026年4月1日（水）', the way dates are written to patrons. */
export function formatDateJa(d: string): string {
  if (!isIsoDate(d)) return d;
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${WEEKDAYS_JA[weekdayOf(d)]}）`;
}

/** '2026年12月2日（水）10時00分' in Tokyo time: when a link in a mail stops working. */
export function formatDateTimeJa(instant: Date): string {
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const [h, m] = hm.split(':');
  return `${formatDateJa(tokyoDate(instant))}${Number(h)}時${m}分`;
}
