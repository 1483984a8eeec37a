import { describe, expect, it } from 'vitest';
import { HOLD_STATUSES } from '../../src/domain/holds.js';
import { REFUSAL_CODES, isRefusalCode, refuse } from '../../src/domain/refusals.js';
import { formatDateJa, holdStatusLabel, refusalMessage } from '../../src/messages/ja/index.js';

/** Every param any message uses, with a recognisable value. */
const ALL_PARAMS = {
  branchName: '東部分館',
  phone: '047-000-0000',
  limit: 5,
  dueDate: '2025-06-17',
  eligibleFrom: '2026-04-01',
  min: 6,
  max: 64,
};

const LEFTOVERS = /[{}]|undefined|null|NaN|\[object/;

describe('the refusal message table', () => {
  it('names the chat menu as the patron sees it: ご利用状況, never 予約状況一覧 (issue 23, item 9)', () => {
    for (const code of REFUSAL_CODES) {
      const text = refusalMessage(refuse(code, ALL_PARAMS));
      expect(text, code).not.toContain('予約状況一覧');
    }
    expect(refusalMessage(refuse('ALREADY_HOLDING_TITLE'))).toContain('「ご利用状況」');
  });

  it('every refusal code has a polite Japanese sentence, with and without params', () => {
    for (const code of REFUSAL_CODES) {
      for (const r of [refuse(code), refuse(code, ALL_PARAMS)]) {
        const s = refusalMessage(r);
        expect(s.length, code).toBeGreaterThan(15);
        expect(s, code).toMatch(/[ぁ-ん]/);
        expect(s, code).toMatch(/(ください|ます|ません|です)。$/);
        expect(s, code).not.toMatch(LEFTOVERS);
      }
    }
  });

  it('no {placeholder} is left unfilled and the given params appear in the sentence', () => {
    const ready = refusalMessage(
      refuse('HOLD_NOT_CANCELLABLE_READY', { branchName: '東部分館', phone: '047-000-0000' }),
    );
    expect(ready).toContain('東部分館（047-000-0000）');
    expect(refusalMessage(refuse('HOLD_LIMIT_REACHED', { limit: 5 }))).toContain('5冊まで');
    expect(refusalMessage(refuse('NOT_RENEWABLE_OVERDUE', { dueDate: '2025-06-17' }))).toContain('2025年6月17日（火）');
    expect(refusalMessage(refuse('NOT_ELEMENTARY_AGE', { eligibleFrom: '2026-04-01' }))).toContain(
      '2026年4月1日（水）',
    );
    expect(refusalMessage(refuse('PASSWORD_TOO_SHORT', { min: 6 }))).toContain('6文字以上');
  });

  it('R-CAN-2: a ready hold is cancelled by phoning the library; the message says where', () => {
    const s = refusalMessage(refuse('HOLD_NOT_CANCELLABLE_READY', { branchName: '本館', phone: '047-445-1717' }));
    expect(s).toContain('受取り可');
    expect(s).toContain('お電話で本館（047-445-1717）へ');
    // Without a known branch the sentence still reads well.
    expect(refusalMessage(refuse('HOLD_NOT_CANCELLABLE_READY'))).toContain('お電話で受取館へ');
  });

  it('R-ELIG-2: a patron without a password is told to apply at a counter with card and ID', () => {
    const s = refusalMessage(refuse('NO_PASSWORD'));
    expect(s).toContain('パスワードの発行がお済みでない');
    expect(s).toContain('利用者カードと本人確認書類');
    expect(s).toContain('本館または分館のカウンター');
  });

  it('R-ELIG-5: a disability-service patron is told why and where else to go, not to get a password', () => {
    const s = refusalMessage(refuse('DISABILITY_SERVICE'));
    expect(s).toContain('障がい者サービス');
    expect(s).not.toContain('パスワードの発行をお申し込み');
  });

  it('blank params count as missing', () => {
    expect(refusalMessage(refuse('HOLD_NOT_CANCELLABLE_READY', { branchName: ' ', phone: '' }))).toContain(
      'お電話で受取館へ',
    );
  });

  it('recognises refusal codes read back from storage', () => {
    expect(isRefusalCode('HOLD_LIMIT_REACHED')).toBe(true);
    expect(isRefusalCode('hold_limit_reached')).toBe(false);
  });

  it('formats dates the Japanese way with the weekday', () => {
    expect(formatDateJa('2026-01-04')).toBe('2026年1月4日（日）');
  });
});

describe('R-RES-7 hold states shown to patrons', () => {
  it('R-RES-7: requested is 依頼中', () => {
    expect(holdStatusLabel('requested')).toBe('依頼中');
  });

  it('R-RES-7: a queued hold shows its position N位', () => {
    expect(holdStatusLabel('queued', 1)).toBe('1位');
    expect(holdStatusLabel('queued', 12)).toBe('12位');
  });

  it('R-RES-7: a hold whose copy is on its way still shows N位, not 受取り可', () => {
    expect(holdStatusLabel('in_transit', 1)).toBe('1位');
  });

  it('R-RES-7: ready is 受取り可', () => {
    expect(holdStatusLabel('ready', 1)).toBe('受取り可');
  });

  it('R-RES-7: a missing position never shows as "undefined位"', () => {
    expect(holdStatusLabel('queued')).toBe('予約中');
    expect(holdStatusLabel('queued', 0)).toBe('予約中');
  });

  it('every status has a non-empty label', () => {
    for (const s of HOLD_STATUSES) expect(holdStatusLabel(s, 3)).not.toBe('');
  });
});
