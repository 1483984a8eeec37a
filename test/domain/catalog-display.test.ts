import { beforeAll, describe, expect, it } from 'vitest';
import { copyState, isKamishibai, isYoungAdult, lendableNow } from '../../src/domain/catalog-display.js';
import { emailAddressRefusal } from '../../src/domain/email.js';
import { isEmptyQuery, parseSearchQuery } from '../../src/domain/search-query.js';
import {
  availabilityLabel,
  COPY_STATE_LABELS,
  MAIL_SENDER_NOTICE,
  reservationConfirmationText,
} from '../../src/messages/ja/index.js';
import { installProfile } from '../../src/profile/active.js';
import { KAMAGAYA } from '../helpers/profiles.js';

describe('catalog display', () => {
  it('R-SRCH-1: words search title, author and publisher together; typed fields narrow, all combined with AND', () => {
    expect(parseSearchQuery('猫 旅')).toEqual({ any: ['猫', '旅'], fields: {} });
    expect(parseSearchQuery('書名:こころ　著者：夏目')).toEqual({
      any: [],
      fields: { title: ['こころ'], author: ['夏目'] },
    });
    expect(parseSearchQuery('分類: C おおきな')).toEqual({ any: ['おおきな'], fields: { classification: ['C'] } });
    expect(parseSearchQuery('出版者:新潮社 村上')).toEqual({ any: ['村上'], fields: { publisher: ['新潮社'] } });
    expect(isEmptyQuery(parseSearchQuery('  　 '))).toBe(true);
  });

  it('R-SRCH-1: a colon inside an ordinary word is not a field', () => {
    expect(parseSearchQuery('Re:ゼロ')).toEqual({ any: ['Re:ゼロ'], fields: {} });
  });

  it('R-SRCH-2: kamishibai are found by classification C', () => {
    expect(isKamishibai({ materialType: 'kamishibai', classification: 'C' })).toBe(true);
    expect(isKamishibai({ materialType: 'book', classification: 'c' })).toBe(true);
    expect(isKamishibai({ materialType: 'book', classification: '913.6' })).toBe(false);
  });

  it('R-SRCH-3: call numbers with YA are young-adult material, half- or full-width', () => {
    expect(isYoungAdult('YA 913 ア')).toBe(true);
    expect(isYoungAdult('ＹＡ 159')).toBe(true);
    expect(isYoungAdult('913.6 ヤ')).toBe(false);
    expect(isYoungAdult('KAYAK 786')).toBe(false);
  });

  it('R-SRCH-4: 貸出：○ while one copy can be lent now; in-library-only and kept copies do not count', () => {
    expect(
      availabilityLabel(
        lendableNow([
          { status: 'on_loan', inLibraryOnly: false },
          { status: 'available', inLibraryOnly: false },
        ]),
      ),
    ).toBe('貸出：○');
    expect(
      availabilityLabel(
        lendableNow([
          { status: 'available', inLibraryOnly: true },
          { status: 'on_hold_shelf', inLibraryOnly: false },
        ]),
      ),
    ).toBe('貸出：×');
    expect(availabilityLabel(lendableNow([]))).toBe('貸出：×');
  });

  it('R-SRCH-5: each copy shows 貸出可 / 貸出中 / 館内閲覧のみ / 取置中', () => {
    const label = (status: string, inLibraryOnly = false) => COPY_STATE_LABELS[copyState({ status, inLibraryOnly })];
    expect([
      label('available'),
      label('on_loan'),
      label('available', true),
      label('on_hold_shelf'),
      label('in_transit'),
    ]).toEqual(['貸出可', '貸出中', '館内閲覧のみ', '取置中', '取置中']);
  });
});

describe("reservation and mail wording (Kamagaya's profile: online holds wait for the next opening day)", () => {
  beforeAll(() => installProfile(KAMAGAYA));

  it(
    'R-RES-4: the confirmation says the hold becomes official ' +
      'on a given morning and a walk-in patron may borrow it first',
    () => {
      const t = reservationConfirmationText({
        title: 'こころ',
        branchName: '東部分館',
        contactLabel: 'LINE',
        officialDate: '2026-12-01',
      });
      expect(t).toContain('2026年12月1日（火）の朝に正式な予約');
      expect(t).toContain('来館された方に貸し出されることがあります');
      expect(t).toContain('受取館：東部分館');
      expect(t).toContain('7開館日');
    },
  );

  it('R-MAIL-1: an address must look like one before it is registered', () => {
    expect(emailAddressRefusal('hanako@example.jp')).toBeNull();
    expect(emailAddressRefusal('taro..x@docomo.ne.jp')).toBeNull();
    expect(emailAddressRefusal('hanako@localhost')?.code).toBe('EMAIL_ADDRESS_INVALID');
    expect(emailAddressRefusal('hanako example.jp')?.code).toBe('EMAIL_ADDRESS_INVALID');
    expect(emailAddressRefusal(`${'a'.repeat(250)}@example.jp`)?.code).toBe('EMAIL_ADDRESS_INVALID');
  });

  it('R-MAIL-3: patrons are told which sender to allow, and why', () => {
    const t = MAIL_SENDER_NOTICE('yoyaku@library-kamagaya-chiba.jp');
    expect(t).toContain('yoyaku@library-kamagaya-chiba.jp');
    expect(t).toContain('受取期限');
  });
});
