import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPatronByCard } from '../../src/db/patrons.js';
import { noticeReply } from '../../src/notices/cards.js';
import { installProfile, libraryProfile } from '../../src/profile/active.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { checkout } from '../../src/services/circulation.js';
import { patronOverview } from '../../src/services/patrons.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { at } from '../helpers/library.js';
import { here } from '../helpers/profiles.js';

const SATO = '2000000003';
const HANAKO = '2000000002';

/** A title's copies put on the shelf of one branch, so the advice names it. */
async function onlyOnShelfAt(h: ChatHarness, title: string, branch: string): Promise<string> {
  const bib = await h.db.selectFrom('bibs').select('id').where('title', '=', title).executeTakeFirstOrThrow();
  await h.db.deleteFrom('holds').where('bib_id', '=', bib.id).execute();
  await h.db.deleteFrom('loans').where('bib_id', '=', bib.id).execute();
  await h.db
    .updateTable('items')
    .set({ status: 'available', location_branch: branch, in_library_only: false })
    .where('bib_id', '=', bib.id)
    .execute();
  return bib.id;
}

describe.each([
  {
    profile: 'kamagaya',
    branch: 'honkan',
    name: '本館',
    close: '19:00',
    // R-RES-3: Kamagaya's online holds wait (依頼中) for the next opening day.
    wait: true,
    openDay: '2026-12-02 10:00', // a Wednesday
    afterClosing: '2026-12-02 19:30',
    closedDay: '2026-12-07 10:00', // a Monday: every branch closed
  },
  {
    profile: 'minato',
    branch: 'chuo',
    name: '中央館',
    close: '20:00',
    wait: false, // Minato's online holds are official at once
    openDay: '2026-12-02 10:30',
    afterClosing: '2026-12-02 20:00',
    closedDay: '2026-12-06 10:30', // a Sunday: closed
  },
])('R-WALK-1 walk-in advice at 予約申込 ($profile)', (c) => {
  const before = libraryProfile();
  let h: ChatHarness;
  const sato = () => h.user(70);
  beforeAll(async () => {
    installProfile(loadProfileFile(bundledProfilePath(c.profile)));
    h = await chatHarness();
    await h.login(sato(), SATO, 'Sk4r8Tz2');
    await onlyOnShelfAt(h, '坊っちゃん', c.branch);
  });
  afterAll(async () => {
    await h?.close();
    installProfile(before);
  });

  const reserveStart = async () => {
    const found = await h.say(sato(), '坊っちゃん');
    const r = await h.tap(sato(), buttonData(found, '予約申込')!);
    await h.say(sato(), 'やめる');
    return wordsOf(r);
  };

  it(`R-WALK-1: open today with a copy on the shelf: said before the branch question (${c.profile})`, async () => {
    h.now = at(c.openDay);
    const t = await reserveStart();
    expect(t).toContain(`${c.name}の棚にあります・本日${c.close}まで。来館すれば今日借りられます。`);
    expect(t.indexOf('来館すれば')).toBeLessThan(t.indexOf('受取館を選んでください'));
    if (c.wait) expect(t).toContain('インターネット予約は次の開館日の朝に正式になります');
    else expect(t).not.toContain('インターネット予約は');
  });

  it(`R-WALK-1: after closing time or on a closing day no advice, the question as before (${c.profile})`, async () => {
    for (const when of [c.afterClosing, c.closedDay]) {
      h.now = at(when);
      const t = await reserveStart();
      expect(t).not.toContain('来館すれば今日借りられます');
      expect(t).toContain('受取館を選んでください');
    }
  });
});

describe.each(['kamagaya', 'minato'])('読みたいリスト and the hold manager on the %s profile', (profile) => {
  const before = libraryProfile();
  let h: ChatHarness;
  const sato = () => h.user(72);
  beforeAll(async () => {
    installProfile(loadProfileFile(bundledProfilePath(profile)));
    h = await chatHarness(at('2026-12-02 11:00'));
    await h.login(sato(), SATO, 'Sk4r8Tz2');
  });
  afterAll(async () => {
    await h?.close();
    installProfile(before);
  });

  it(`R-WISH-2, R-WISH-3: the profile's branches listed; a cancel offers the saved title (${profile})`, async () => {
    const branch = libraryProfile().branches[0]!;
    await onlyOnShelfAt(h, '坊っちゃん', branch.code);
    await h.tap(sato(), buttonData(await h.say(sato(), '坊っちゃん'), '読みたい')!);
    const list = wordsOf(await h.say(sato(), '読みたいリスト'));
    expect(list).toContain(`${branch.name}の棚にあります`);
    const status = await h.say(sato(), 'ご利用状況');
    const ask = await h.tap(sato(), buttonData(status, '取消する')!);
    await h.tap(sato(), buttonData(ask, '取消する')!);
    const patron = await findPatronByCard(h.db, SATO);
    const offer = await h.db
      .selectFrom('notices')
      .select(['kind', 'payload'])
      .where('patron_id', '=', patron!.id)
      .where('kind', '=', 'wish_offer')
      .executeTakeFirstOrThrow();
    expect(offer.payload).toMatchObject({ title: '坊っちゃん' });
    const card = noticeReply({ kind: offer.kind, loanId: null, payload: offer.payload }, (x) => x)!;
    const branches = await h.tap(sato(), buttonData([card], '予約申込')!);
    expect(wordsOf(branches)).toContain('受取館を選んでください');
  });
});

describe('R-SER-1 the next volume (the installed profile: 本館 and 14 days under Kamagaya)', () => {
  let h: ChatHarness;
  const hanako = () => h.user(71);
  beforeAll(async () => {
    h = await chatHarness(at('2026-12-02 11:00'));
    await h.login(hanako(), HANAKO, 'hanako2026lib');
  });
  afterAll(async () => h?.close());

  const offers = async () => {
    const patron = await findPatronByCard(h.db, HANAKO);
    return h.db
      .selectFrom('notices')
      .select(['kind', 'payload', 'loan_id'])
      .where('patron_id', '=', patron!.id)
      .where('kind', '=', 'series_offer')
      .execute();
  };

  it('R-SER-1: borrowing 上 at the counter offers 下 as a one-tap hold (a LINE card), once per loan', async () => {
    await onlyOnShelfAt(h, 'ノルウェイの森 上', here.branch(0).code);
    const item = await h.db
      .selectFrom('items')
      .innerJoin('bibs', 'bibs.id', 'items.bib_id')
      .select('items.barcode')
      .where('bibs.title', '=', 'ノルウェイの森 上')
      .executeTakeFirstOrThrow();
    const r = await checkout(
      h.db,
      { cardNumber: HANAKO, itemBarcode: item.barcode, loanPeriodDays: here.profile.loans.periodDays },
      h.now,
    );
    expect(r.ok).toBe(true);
    const rows = await offers();
    expect(rows).toHaveLength(1);
    const card = noticeReply({ kind: 'series_offer', loanId: rows[0]!.loan_id, payload: rows[0]!.payload }, (x) => x)!;
    expect(wordsOf([card])).toContain('『ノルウェイの森 下』');
    expect(wordsOf([card])).toContain('『ノルウェイの森 上』の続きです');
    // The tap is the reservation flow: its rules, its questions, its confirmation; nothing placed yet.
    const holds = (await patronOverview(h.db, HANAKO))!.holds.length;
    const branches = await h.tap(hanako(), buttonData([card], '予約申込')!);
    expect(wordsOf(branches)).toContain('『ノルウェイの森 下』を予約します');
    expect((await patronOverview(h.db, HANAKO))!.holds.length).toBe(holds);
    await h.say(hanako(), 'やめる');
  });

  it('R-SER-1: no offer for the last volume, nor for a title that is not a volume', async () => {
    await onlyOnShelfAt(h, 'ノルウェイの森 下', here.branch(0).code);
    await onlyOnShelfAt(h, '雪国', here.branch(0).code);
    for (const title of ['ノルウェイの森 下', '雪国']) {
      const item = await h.db
        .selectFrom('items')
        .innerJoin('bibs', 'bibs.id', 'items.bib_id')
        .select('items.barcode')
        .where('bibs.title', '=', title)
        .executeTakeFirstOrThrow();
      expect(
        (
          await checkout(
            h.db,
            { cardNumber: HANAKO, itemBarcode: item.barcode, loanPeriodDays: here.profile.loans.periodDays },
            h.now,
          )
        ).ok,
      ).toBe(true);
    }
    expect(await offers()).toHaveLength(1);
  });
});
