import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { addClosedDates } from '../../src/services/calendar.js';
import { chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { KAMAGAYA } from '../helpers/profiles.js';

// Issue 25, step 6: 開館時間, 今日は開いてる？ and 図書館カレンダー from the profile (hours, closing
// weekdays, yearly closures) and the staff's closed dates. Kamagaya's profile, Tuesday 1 December 2026.
const before = libraryProfile();
let h: ChatHarness;
beforeAll(async () => {
  installProfile(KAMAGAYA);
  h = await chatHarness();
});
afterAll(async () => {
  await h?.close();
  installProfile(before);
});
const someone = () => h.user(70);

describe("when the library is open (Kamagaya's profile)", () => {
  it('開館時間: the weekly hours of each branch and today’s, from the profile', async () => {
    const t = wordsOf(await h.say(someone(), '開館時間'));
    expect(t).toContain('本日2026年12月1日（火）は、全館開館しています。');
    expect(t).toContain('本日の開館時間：本館 9:30〜19:00、東部分館 9:30〜17:00');
    expect(t).toContain('本館：火〜金 9:30〜19:00、土・日 9:30〜17:00');
    expect(t).toContain('東部分館・西部分館・北部分館・南部分館・東初富分館：火〜日 9:30〜17:00');
    expect(t).toContain('休館日：毎週月曜日、12月29日〜1月3日');
  });

  it('今日は開いてる？ on a Monday: closed today, the next opening day, no hours for today', async () => {
    const monday = new Date('2026-12-07T10:00:00+09:00');
    const saved = h.now;
    h.now = monday;
    try {
      const t = wordsOf(await h.say(someone(), '今日は開いてる？'));
      expect(t).toContain('本日2026年12月7日（月）は、全館休館日です。次の開館日は2026年12月8日（火）です。');
      expect(t).not.toContain('本日の開館時間');
    } finally {
      h.now = saved;
    }
  });

  it('図書館カレンダー: this month’s closed days, a staff closed date of one branch included', async () => {
    const all = wordsOf(await h.say(someone(), '図書館カレンダー'));
    expect(all).toContain('【図書館カレンダー　2026年12月の休館日】');
    expect(all).toContain('全館：7日（月）、14日（月）、21日（月）、28日（月）〜31日（木）');

    await addClosedDates(h.db, ['2026-12-16'], 'tobu'); // 蔵書点検 at 東部分館
    const t = wordsOf(await h.say(someone(), '今月の休館日'));
    expect(t).toContain(
      '本館・西部分館・北部分館・南部分館・東初富分館：7日（月）、14日（月）、21日（月）、28日（月）〜31日（木）',
    );
    expect(t).toContain('東部分館：7日（月）、14日（月）、16日（水）、21日（月）、28日（月）〜31日（木）');
  });
});
