import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';

/**
 * Issue 26 on the fictional library (profiles/minato.json): its limit of 10 in the hold slots,
 * its 21-day loan period in the expected wait, its pickup points only for a pickup change, its
 * reminder default (3 days) in 通知設定.
 */
const MINATO = loadProfileFile(bundledProfilePath('minato'));
const before = libraryProfile();
let h: ChatHarness;
const SATO = '2000000003';
const sato = () => h.user(71);
beforeAll(async () => {
  installProfile(MINATO);
  h = await chatHarness();
  await h.login(sato(), SATO, 'Sk4r8Tz2');
}, 60_000);
afterAll(async () => {
  await h?.close();
  installProfile(before);
});

describe('issue 26 on another library profile', () => {
  it("R-RES-14: the profile's limit in the hold slots; R-RES-13: a wait labelled 目安", async () => {
    const replies = await h.say(sato(), 'ご利用状況');
    expect(wordsOf(replies)).toMatch(/予約：4\/10件（窓口1・電話1・インターネット2）/);
    expect(wordsOf(replies)).toContain('目安');
  });
  it('R-RES-10: only the pickup points of the profile are offered for a pickup change', async () => {
    const hold = (await patronOverview(h.db, SATO))!.holds.find((x) => x.status === 'queued')!;
    const choose = await h.tap(sato(), `pickup|start|${hold.holdId}`);
    expect(wordsOf(choose)).toContain('新しい受取館を選んでください');
    expect(buttonData(choose, '海岸分室')).toBeUndefined(); // pickupPoint: false
    expect(buttonData(choose, '中央館') ?? buttonData(choose, '駅前分館')).toBeDefined();
  });
  it("R-NOTE-2: 通知設定 starts from the profile's default, 3 days before", async () => {
    expect(wordsOf(await h.say(sato(), '通知設定'))).toContain('返却日のお知らせ：3日前');
  });
});
