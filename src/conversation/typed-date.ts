import { addDays, compareDates, isIsoDate, type IsoDate } from '../domain/dates.js';

/**
 * A day the patron typed, within a year from `today`: 「12/20」「12月20日」「2026-12-20」「1月5日まで」.
 * Without a year, the next such day from today on. Anything else is undefined.
 */
export function typedDate(text: string, today: IsoDate): IsoDate | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const full = /(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?/.exec(t);
  const short = full ? undefined : /(?:^|[^\d])(\d{1,2})[/月](\d{1,2})日?/.exec(t);
  const pad = (n: string) => n.padStart(2, '0');
  if (full) {
    const d = `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
    return isIsoDate(d) ? d : undefined;
  }
  if (!short) return undefined;
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const d = `${y}-${pad(short[1]!)}-${pad(short[2]!)}`;
    if (isIsoDate(d) && compareDates(d, today) >= 0 && compareDates(d, addDays(today, 366)) <= 0) return d;
  }
  return undefined;
}
