import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { touchLineUser } from '../../src/db/line-users.js';
import { deliverLineNotices } from '../../src/notices/line-delivery.js';
import { linkCard } from '../../src/services/family-cards.js';
import { testDatabase } from '../helpers/database.js';
import { addPatron, addTitles, at, BOOK } from '../helpers/library.js';
import { fakeLine, lineUserId, testMessenger, type FakeLine } from '../helpers/line.js';
import { counterHold, noticeRows, wordsIn } from '../helpers/notices.js';
import { here } from '../helpers/profiles.js';
import { testLog } from '../helpers/test-log.js';
import { lineApi } from '../setup/msw.js';

/**
 * Family cards (docs/family-cards.md): a notice of any linked card reaches the LINE user it is
 * linked to and says whose card it is about; the LINE user who loses a card to another is told.
 */
let database: Database;
let line: FakeLine;
const HONKAN = here.pickup(0).code;
const deliver = (now: Date) => deliverLineNotices(database.db, testMessenger(), testLog, now);

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());
beforeEach(() => {
  line = fakeLine(lineApi);
});
afterEach(() => {
  expect(line.unexpected).toEqual([]);
});

async function lineUserWith(seed: string, patronIds: string[], now: Date): Promise<string> {
  const user = lineUserId(seed);
  await touchLineUser(database.db, user, true, now);
  for (const id of patronIds) expect((await linkCard(database.db, user, id, now)).ok).toBe(true);
  return user;
}

describe('notices of family cards', () => {
  it('a notice of a card that is not the active one reaches the LINE user and names the holder', async () => {
    const t0 = at('2026-12-01 10:00');
    const db = database.db;
    const [bibId] = await addTitles(db, [BOOK('家族の本', [['F1', HONKAN]])]);
    const parent = await addPatron(db, 'FAM1');
    const child = await addPatron(db, 'FAM2');
    const user = await lineUserWith('family-parent', [child, parent], t0); // the parent's card is active
    await counterHold(db, 'FAM2', bibId!, t0, { contact: 'line' });
    expect(await deliver(t0)).toBe(1);
    const [push] = line.pushes();
    expect(push!.to).toBe(user);
    expect(wordsIn(push!.messages)).toContain('FAM2さんのカードのお知らせ');
    expect(wordsIn(push!.messages)).toContain('家族の本');
  });

  it('with one card the notice is as it always was (no holder named)', async () => {
    const t0 = at('2026-12-01 11:00');
    const db = database.db;
    const [bibId] = await addTitles(db, [BOOK('ひとりの本', [['F2', HONKAN]])]);
    const alone = await addPatron(db, 'FAM3');
    const user = await lineUserWith('family-alone', [alone], t0);
    await counterHold(db, 'FAM3', bibId!, t0, { contact: 'line' });
    expect(await deliver(t0)).toBe(1);
    const [push] = line.pushes();
    expect(push!.to).toBe(user);
    expect(wordsIn(push!.messages)).not.toContain('のカードのお知らせ');
  });

  it('a card linked from another LINE user: the first is told once, with its own retry key', async () => {
    const t0 = at('2026-12-01 12:00');
    const db = database.db;
    const card = await addPatron(db, 'FAM4');
    const kept = await addPatron(db, 'FAM5');
    const first = await lineUserWith('family-first', [kept, card], t0);
    const second = await lineUserWith('family-second', [card], t0);
    line.answerPush(500);
    expect(await deliver(t0)).toBe(0);
    expect(await deliver(new Date(t0.getTime() + 5 * 60_000))).toBe(1);
    expect(await deliver(new Date(t0.getTime() + 30 * 60_000))).toBe(0);
    const pushes = line.pushes();
    expect(pushes.map((p) => p.to)).toEqual([first, first]);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(1);
    expect(wordsIn(pushes[1]!.messages)).toContain('FAM4さんの利用者カードが、別のLINEアカウントから登録されました');
    const [notice] = await noticeRows(db, { patronId: card });
    expect(notice).toMatchObject({ kind: 'card_moved', status: 'sent' });
    expect(second).not.toBe(first);
  });
});
