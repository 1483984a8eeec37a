import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digests,
  dropReason,
  givesUp,
  holdNoticeChannel,
  lineRoute,
  loanNoticeChannel,
  MAX_RETRY_DELAY_MS,
  pushAllowedAt,
  retryDelayMs,
} from '../../src/domain/notices.js';
import { at } from '../helpers/library.js';
import { KAMAGAYA } from '../helpers/profiles.js';

const MIN = 60_000;

describe("quiet hours (Kamagaya's quietHours 21:00–08:00 Tokyo)", () => {
  it.each([
    ['2026-12-01 08:00', '2026-12-01 08:00'],
    ['2026-12-01 20:59', '2026-12-01 20:59'],
    ['2026-12-01 21:00', '2026-12-02 08:00'],
    ['2026-12-01 23:30', '2026-12-02 08:00'],
    ['2026-12-02 00:00', '2026-12-02 08:00'],
    ['2026-12-02 07:59', '2026-12-02 08:00'],
    // The year turns over inside quiet hours.
    ['2026-12-31 22:00', '2027-01-01 08:00'],
  ])('a push at %s may go out at %s', (now, allowed) => {
    expect(pushAllowedAt(at(now), KAMAGAYA.quietHours)).toEqual(at(allowed));
  });
});

describe('quiet hours of another library', () => {
  it('quiet hours that do not cross midnight (quietHours 0–6) end the same day', () => {
    const q = { from: 0, until: 6 };
    expect(pushAllowedAt(at('2026-12-02 03:00'), q)).toEqual(at('2026-12-02 06:00'));
    expect(pushAllowedAt(at('2026-12-02 23:00'), q)).toEqual(at('2026-12-02 23:00'));
  });

  it('quietHours 20–9 hold a push at 20:00 until 09:00 the next day', () => {
    expect(pushAllowedAt(at('2026-12-01 20:00'), { from: 20, until: 9 })).toEqual(at('2026-12-02 09:00'));
  });
});

describe('retry delays', () => {
  it('back off 1, 2, 4, 8 minutes, then every 15', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((a) => retryDelayMs(a) / MIN)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it("honour LINE's Retry-After when it is longer, but never past 15 minutes", () => {
    expect(retryDelayMs(1, 120_000)).toBe(120_000);
    expect(retryDelayMs(4, 120_000)).toBe(8 * MIN);
    expect(retryDelayMs(1, 3_600_000)).toBe(15 * MIN);
    expect(retryDelayMs(1, null)).toBe(MIN);
  });

  it('CONTRACT: after any failed attempt the next one is due within 15 minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 10 * 3_600_000 })),
        (attempt, retryAfter) => {
          const d = retryDelayMs(attempt, retryAfter);
          return d > 0 && d <= MAX_RETRY_DELAY_MS && MAX_RETRY_DELAY_MS === 15 * MIN;
        },
      ),
    );
  });

  it('give up only after 24 hours of attempts', () => {
    const first = at('2026-12-01 10:00');
    expect(givesUp(first, at('2026-12-02 09:59'))).toBe(false);
    expect(givesUp(first, at('2026-12-02 10:00'))).toBe(true);
    expect(givesUp(null, at('2026-12-09 10:00'))).toBe(false);
  });
});

describe('digests', () => {
  it("put one patron's notices in one push, five at most, in the order they came", () => {
    const n = (id: string, patronId: string) => ({ id, patronId });
    const groups = digests([
      n('1', 'a'),
      n('2', 'b'),
      n('3', 'a'),
      n('4', 'a'),
      n('5', 'a'),
      n('6', 'a'),
      n('7', 'a'),
      n('8', 'b'),
    ]);
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([['1', '3', '4', '5', '6'], ['7'], ['2', '8']]);
  });

  it('lose and repeat no notice, and never mix patrons', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 60 }), (patrons) => {
        const notices = patrons.map((patronId, i) => ({ id: String(i), patronId }));
        const groups = digests(notices);
        const ids = groups
          .flat()
          .map((x) => Number(x.id))
          .sort((x, y) => x - y);
        return (
          ids.length === notices.length &&
          ids.every((id, i) => id === i) &&
          groups.every((g) => g.length >= 1 && g.length <= 5 && g.every((x) => x.patronId === g[0]!.patronId))
        );
      }),
    );
  });
});

describe('channels', () => {
  it('R-RES-6: a hold notice goes the way the patron chose: LINE, E-mail, or none (連絡不要)', () => {
    expect(holdNoticeChannel('line')).toBe('line');
    expect(holdNoticeChannel('email')).toBe('email');
    expect(holdNoticeChannel('none')).toBeNull();
  });

  it('a loan reminder goes to LINE when linked and followed, else to a confirmed e-mail address, else nowhere', () => {
    expect(loanNoticeChannel({ lineLinked: true, following: true, emailConfirmed: true })).toBe('line');
    expect(loanNoticeChannel({ lineLinked: true, following: false, emailConfirmed: true })).toBe('email');
    expect(loanNoticeChannel({ lineLinked: false, following: false, emailConfirmed: true })).toBe('email');
    expect(loanNoticeChannel({ lineLinked: true, following: false, emailConfirmed: false })).toBeNull();
    expect(loanNoticeChannel({ lineLinked: false, following: false, emailConfirmed: false })).toBeNull();
  });

  it(
    'a patron who blocked the account gets no push: a loan ' + 'notice falls back to e-mail, a hold notice is dropped',
    () => {
      const blocked = { lineLinked: true, following: false, emailConfirmed: true };
      expect(lineRoute('due_reminder', blocked)).toEqual({ to: 'email' });
      expect(lineRoute('hold_ready', blocked)).toEqual({ to: 'drop', reason: 'patron blocked the LINE account' });
      expect(lineRoute('hold_ready', { lineLinked: false, following: false, emailConfirmed: true })).toEqual({
        to: 'drop',
        reason: 'no linked LINE account',
      });
      expect(lineRoute('loan_reserved', { ...blocked, emailConfirmed: false })).toMatchObject({ to: 'drop' });
      expect(lineRoute('hold_ready', { lineLinked: true, following: true, emailConfirmed: false })).toEqual({
        to: 'line',
      });
    },
  );
});

describe('notices that lost their point', () => {
  const base = { holdStatus: null, loanReturned: null, loanDueDate: null, payloadDueDate: null };
  it('a ready notice or pickup reminder for a hold cancelled, collected or expired meanwhile is dropped', () => {
    for (const kind of ['hold_ready', 'pickup_reminder']) {
      expect(dropReason({ ...base, kind, holdStatus: 'ready' })).toBeNull();
      expect(dropReason({ ...base, kind, holdStatus: 'cancelled' })).toBe('hold is cancelled');
      expect(dropReason({ ...base, kind, holdStatus: 'fulfilled' })).toBe('hold is fulfilled');
    }
    expect(dropReason({ ...base, kind: 'hold_expired', holdStatus: 'expired' })).toBeNull();
  });

  it('a due reminder for a loan returned or renewed meanwhile is dropped', () => {
    const due = {
      ...base,
      kind: 'due_reminder',
      loanReturned: false,
      loanDueDate: '2026-12-10',
      payloadDueDate: '2026-12-10',
    };
    expect(dropReason(due)).toBeNull();
    expect(dropReason({ ...due, loanReturned: true })).toBe('loan returned');
    expect(dropReason({ ...due, loanDueDate: '2026-12-22' })).toBe('due date changed');
  });

  it('"cannot be renewed" is dropped when the hold that blocked it no longer waits, or the copy came back', () => {
    const n = { ...base, kind: 'loan_reserved', loanReturned: false };
    expect(dropReason({ ...n, holdStatus: 'requested' })).toBeNull();
    expect(dropReason({ ...n, holdStatus: 'queued' })).toBeNull();
    expect(dropReason({ ...n, holdStatus: 'cancelled' })).toBe('hold is cancelled');
    expect(dropReason({ ...n, holdStatus: 'queued', loanReturned: true })).toBe('loan returned');
  });
});
