import { afterEach, describe, expect, it } from 'vitest';
import { chat, intentAnswers, mailText, pages, refusalMessage } from '../../src/messages/ja/index.js';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import type { LibraryProfile } from '../../src/profile/schema.js';
import { KAMAGAYA } from '../helpers/profiles.js';

const before = libraryProfile();
afterEach(() => installProfile(before));

function install(change: (p: LibraryProfile) => void): void {
  const p = structuredClone(before);
  change(p);
  installProfile(p);
}

describe('the message table fills its placeholders from the installed profile', () => {
  it("the library's name, its limits and periods in ヘルプ follow the profile", () => {
    install((p) => {
      p.library.name = '架空市立中央図書館';
      p.holds.limit = 10;
      p.holds.shelfOpeningDays = 10;
      p.holds.promotion.waitForNextOpeningDay = false;
    });
    expect(chat.help).toContain('【架空市立中央図書館 LINEでできること】');
    expect(chat.help).toContain('1人10冊まで');
    expect(chat.help).toContain('確保日の翌開館日から10開館日');
    // Online holds that do not wait are not told they wait.
    expect(chat.help).not.toContain('依頼中');
    expect(pages.libraryName).toBe('架空市立中央図書館');
    expect(mailText.signature[0]).toBe('架空市立中央図書館');
  });

  it('refusals say the profile’s numbers: hold limit, renewal times, password lengths, municipality', () => {
    install((p) => {
      p.library.municipality = '架空市';
      p.loans.renewal.times = 3;
      p.passwords.initialLength = 10;
    });
    expect(refusalMessage({ code: 'NOT_RESIDENT' })).toContain('架空市内に在住・在勤・在学の方');
    expect(refusalMessage({ code: 'NOT_RENEWABLE_ALREADY_RENEWED' })).toContain('延長は3回まで');
    expect(refusalMessage({ code: 'NO_PASSWORD' })).toContain('英数字10桁');
    expect(refusalMessage({ code: 'HOLD_LIMIT_REACHED', params: { limit: 10 } })).toContain('お一人10冊まで');
  });

  it('the renewal period is written in weeks when whole, else in days', () => {
    install((p) => {
      p.loans.renewal.periodDays = 10;
    });
    expect(intentAnswers.renew(1)).toContain('申込日から10日');
    install((p) => {
      p.loans.renewal.periodDays = 21;
    });
    expect(intentAnswers.renew(1)).toContain('申込日から3週間');
  });

  it("with Kamagaya's profile the words are Kamagaya's (CONTRACT.md wording unchanged)", () => {
    installProfile(KAMAGAYA);
    expect(chat.help).toContain('【鎌ケ谷市立図書館 LINEでできること】');
    expect(chat.help).toContain('■予約は窓口・電話・インターネットをあわせて1人5冊まで。');
    expect(chat.help).toContain('確保日の翌開館日から7開館日');
    expect(refusalMessage({ code: 'HOLD_LIMIT_REACHED', params: { limit: 5 } })).toContain(
      '予約は窓口・電話・インターネットを合わせて、お一人5冊までです。',
    );
  });
});
