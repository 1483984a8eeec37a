import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPatronByCard } from '../../src/db/patrons.js';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { patronOverview } from '../../src/services/patrons.js';
import { previewRenewal } from '../../src/services/renewal.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

/**
 * The bundled fictional library (profiles/minato.json): 10 holds, a 10-opening-day shelf, closed
 * on Sundays and Mondays, online holds official at once (no 依頼中 wait), no LINE contact, 3
 * renewals of 21 days, a branch that is no pickup point. The whole chat runs on it, the demo
 * library's copies at its branches.
 */
const MINATO = loadProfileFile(bundledProfilePath('minato'));
const before = libraryProfile();
let h: ChatHarness;
beforeAll(async () => {
  installProfile(MINATO);
  h = await chatHarness();
});
afterAll(async () => {
  await h?.close();
  installProfile(before);
});

const TARO = '2000000001';
const ITO = '2000000007';
const taro = () => h.user(40);

describe('a fictional library on its own profile (issue 25)', () => {
  it("R-RES-3, R-RES-5, R-RES-6: official at once; only pickup points and the profile's contact methods", async () => {
    await h.login(taro(), TARO, 'k7Tm2qX9');
    const found = await h.say(taro(), '吾輩は猫である');
    const branches = await h.tap(taro(), buttonData(found, '予約申込')!);
    expect(buttonData(branches, '中央館')).toBeDefined();
    expect(buttonData(branches, '駅前分館')).toBeDefined();
    expect(buttonData(branches, '海岸分室')).toBeUndefined(); // pickupPoint: false
    const contact = await h.tap(taro(), buttonData(branches, '駅前分館')!);
    expect(buttonData(contact, '連絡不要')).toBeDefined();
    expect(buttonData(contact, 'LINE')).toBeUndefined(); // contactMethods: none, email
    const confirm = await h.tap(taro(), buttonData(contact, '連絡不要')!);
    expect(wordsOf(confirm)).toContain('確保日の翌開館日から10開館日');
    expect(wordsOf(confirm)).not.toContain('依頼中');
    const accepted = await h.tap(taro(), buttonData(confirm, '送信')!);
    expect(wordsOf(accepted)).toContain('正式な予約として受け付けました');
    const hold = (await patronOverview(h.db, TARO))!.holds.find((x) => x.title === '吾輩は猫である');
    expect(hold).toMatchObject({ pickupBranch: 'ekimae', contact: 'none' });
    // Official at once: in line, or already given a copy on the shelf (walk-ins are not waited for).
    expect(['queued', 'in_transit', 'ready']).toContain(hold!.status);
  });

  it('R-RES-6: LINE typed at the contact question is told no LINE notice is sent; nothing is placed', async () => {
    const found = await h.say(taro(), '坊っちゃん');
    await h.tap(taro(), buttonData(found, '予約申込')!);
    await h.say(taro(), '駅前');
    const told = await h.say(taro(), 'LINE');
    expect(wordsOf(told)).toContain('架空市立みなと図書館では、ご用意ができたときのLINEでのお知らせは行っていません。');
    expect(wordsOf(told)).not.toContain('見つかりませんでした');
    expect(buttonData(told, '連絡不要')).toBeDefined();
    expect(buttonData(told, 'LINE')).toBeUndefined();
    expect(wordsOf(await h.say(taro(), 'やめる'))).toContain('操作をやめました');
    expect((await patronOverview(h.db, TARO))!.holds.some((x) => x.title === '坊っちゃん')).toBe(false);
  });

  it('R-RES-2: ご利用状況 counts the holds against holds.limit 10', async () => {
    expect(wordsOf(await h.say(taro(), 'ご利用状況'))).toMatch(/予約：\d+\/10件/);
  });

  it('開館時間: Sunday and Monday closing, both yearly closures and the phones of the profile', async () => {
    const t = wordsOf(await h.say(taro(), '開館時間'));
    expect(t).toContain('休館日：毎週日曜日、毎週月曜日、12月28日〜1月4日、8月13日〜8月15日');
    expect(t).toContain('中央館　099-100-0001');
    expect(t).toContain('海岸分室　099-100-0003');
    expect(t).toContain('https://library.example.jp');
  });

  it('ヘルプ names the library and its limits', async () => {
    const t = wordsOf(await h.say(taro(), 'ヘルプ'));
    expect(t).toContain('【架空市立みなと図書館 LINEでできること】');
    expect(t).toContain('1人10冊まで');
    expect(t).not.toContain('鎌ケ谷');
  });

  it('R-LOAN-4: a loan renewed once may be renewed again (loans.renewal.times 3), for 21 days', async () => {
    const ito = (await findPatronByCard(h.db, ITO))!;
    const renewedOnce = (await patronOverview(h.db, ITO))!.loans.find((l) => l.renewals === 1)!;
    const preview = await previewRenewal(h.db, { loanId: renewedOnce.loanId, patronId: ito.id }, h.now);
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.value.newDueDate >= '2026-12-22').toBe(true); // 1 Dec + 21 days, or later
  });
});

describe('the fictional library’s hours and calendar', () => {
  it('開館時間 and 図書館カレンダー follow its hours, Sunday and Monday closing and its August closure', async () => {
    const hours = wordsOf(await h.say(taro(), '開館時間'));
    expect(hours).toContain('中央館：火〜土 10:00〜20:00');
    expect(hours).toContain('海岸分室：火〜土 13:00〜17:00');
    const saved = h.now;
    h.now = new Date('2026-08-03T12:00:00+09:00');
    try {
      const calendar = wordsOf(await h.say(taro(), '図書館カレンダー'));
      expect(calendar).toContain('【図書館カレンダー　2026年8月の休館日】');
      expect(calendar).toContain('全館：2日（日）、3日（月）、9日（日）、10日（月）、13日（木）〜17日（月）');
    } finally {
      h.now = saved;
    }
  });
});
