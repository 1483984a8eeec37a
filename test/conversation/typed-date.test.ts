import { describe, expect, it } from 'vitest';
import { typedDate } from '../../src/conversation/typed-date.js';

describe('a date typed in the chat', () => {
  it('month and day: the next such day from today, this year or next', () => {
    expect(typedDate('12/20', '2026-12-01')).toBe('2026-12-20');
    expect(typedDate('１月５日まで', '2026-12-01')).toBe('2027-01-05');
    expect(typedDate('12月1日', '2026-12-01')).toBe('2026-12-01');
  });
  it('a full date as it is; nonsense is no date', () => {
    expect(typedDate('2027年3月31日以降不要', '2026-12-01')).toBe('2027-03-31');
    expect(typedDate('2027-02-30', '2026-12-01')).toBeUndefined();
    expect(typedDate('13/40', '2026-12-01')).toBeUndefined();
    expect(typedDate('ねこ', '2026-12-01')).toBeUndefined();
  });
});
