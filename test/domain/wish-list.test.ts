import { describe, expect, it } from 'vitest';
import { walkInAdvice } from '../../src/domain/walk-in.js';
import { nextVolume, volumeOf } from '../../src/domain/volumes.js';
import { holdManagerOffer, WISH_LIST_CAP, wishAvailability, wishListRefusal } from '../../src/domain/wish-list.js';
import { refuse } from '../../src/domain/refusals.js';
import { bundledProfilePath, loadProfileFile } from '../../src/profile/load.js';
import { KAMAGAYA, kamagayaCalendar } from '../helpers/profiles.js';
import { collectedTogether, holdBackUntil } from '../../src/domain/volume-holds.js';

const MINATO = loadProfileFile(bundledProfilePath('minato'));

const shelf = (branch: string) => ({ branch, status: 'available', inLibraryOnly: false });
const out = (branch: string) => ({ branch, status: 'on_loan', inLibraryOnly: false });
const reading = (branch: string) => ({ branch, status: 'available', inLibraryOnly: true });

describe('R-WISH-1 saving a title to 読みたいリスト', () => {
  it('R-WISH-1: a new title is saved while the list has room', () => {
    expect(wishListRefusal({ alreadySaved: false, saved: 0 })).toBeNull();
    expect(wishListRefusal({ alreadySaved: false, saved: WISH_LIST_CAP - 1 })).toBeNull();
  });
  it('R-WISH-1: the 101st title is refused with the cap, saying how to make room', () => {
    expect(WISH_LIST_CAP).toBe(100);
    expect(wishListRefusal({ alreadySaved: false, saved: 100 })).toEqual(refuse('WISH_LIST_FULL', { cap: 100 }));
  });
  it('R-WISH-1: a title saved again is told it is there, even when the list is full', () => {
    expect(wishListRefusal({ alreadySaved: true, saved: 3 })?.code).toBe('ALREADY_ON_WISH_LIST');
    expect(wishListRefusal({ alreadySaved: true, saved: 100 })?.code).toBe('ALREADY_ON_WISH_LIST');
  });
});

describe('R-WISH-2 availability of a saved title', () => {
  it('R-WISH-2: on the shelf: where, the usual branch first and said', () => {
    const a = wishAvailability([shelf('higashi'), out('honkan'), shelf('honkan')], 0, 'honkan');
    expect(a).toEqual({ kind: 'onShelf', branches: ['honkan', 'higashi'], atUsualBranch: true, holds: 0 });
    expect(wishAvailability([shelf('higashi')], 2, 'honkan')).toMatchObject({ atUsualBranch: false, holds: 2 });
    expect(wishAvailability([shelf('higashi')], 0, null)).toMatchObject({ atUsualBranch: false });
  });
  it('R-WISH-2: every lendable copy out is 貸出中 with the holds; only reading-room copies are not lendable', () => {
    expect(wishAvailability([out('honkan'), reading('honkan')], 3, 'honkan')).toEqual({ kind: 'out', holds: 3 });
    expect(wishAvailability([reading('honkan')], 0, 'honkan')).toEqual({ kind: 'notLendable', holds: 0 });
    expect(wishAvailability([], 0, null)).toEqual({ kind: 'notLendable', holds: 0 });
  });
  it("R-WISH-2: a magazine's latest issue on the shelf is read there, not on the shelf to borrow", () => {
    expect(wishAvailability([shelf('honkan')], 0, 'honkan', true).kind).toBe('notLendable');
  });
});

describe('R-WISH-3 the hold manager', () => {
  const free = { reserve: null, countedHolds: 4 };
  it('R-WISH-3: the first saved title the patron may reserve now is offered', () => {
    const list = [
      { bibId: '1', refusal: refuse('ALREADY_HOLDING_TITLE') },
      { bibId: '2', refusal: refuse('NOT_RESERVABLE_AV') },
      { bibId: '3', refusal: null },
      { bibId: '4', refusal: null },
    ];
    expect(holdManagerOffer(list, free, KAMAGAYA.holds)).toBe('3');
  });
  it('R-WISH-3: nothing is offered at the cap, to a patron who may not reserve, or with nothing reservable', () => {
    const list = [{ bibId: '1', refusal: null }];
    expect(holdManagerOffer(list, { reserve: null, countedHolds: 5 }, KAMAGAYA.holds)).toBeNull();
    expect(holdManagerOffer(list, { reserve: refuse('NOT_RESIDENT'), countedHolds: 0 }, KAMAGAYA.holds)).toBeNull();
    expect(holdManagerOffer([{ bibId: '1', refusal: refuse('NOT_RESERVABLE_AV') }], free, KAMAGAYA.holds)).toBeNull();
    expect(holdManagerOffer([], free, KAMAGAYA.holds)).toBeNull();
  });
  it("R-WISH-3: the cap is the profile's (Minato's limit)", () => {
    const list = [{ bibId: '1', refusal: null }];
    const limit = MINATO.holds.limit;
    expect(holdManagerOffer(list, { reserve: null, countedHolds: limit - 1 }, MINATO.holds)).toBe('1');
    expect(holdManagerOffer(list, { reserve: null, countedHolds: limit }, MINATO.holds)).toBeNull();
  });
});

describe('R-WALK-1 walk-in advice at 予約申込', () => {
  const branches = [
    { code: 'honkan', name: '本館', hoursToday: { open: '09:30', close: '19:00' } },
    { code: 'higashi', name: '東部分館', hoursToday: { open: '09:30', close: '17:00' } },
    { code: 'kita', name: '北部分館', hoursToday: null },
  ];
  it('R-WALK-1: a copy on the shelf of a branch open today: that branch and its closing time', () => {
    expect(walkInAdvice([shelf('honkan')], branches, '10:00')).toEqual({
      branchName: '本館',
      close: '19:00',
      others: [],
    });
  });
  it('R-WALK-1: the usual branch first, the others named', () => {
    expect(walkInAdvice([shelf('honkan'), shelf('higashi')], branches, '10:00', 'higashi')).toEqual({
      branchName: '東部分館',
      close: '17:00',
      others: ['本館'],
    });
  });
  it('R-WALK-1: no advice for a branch closed today, one closed already, copies out or for the reading room', () => {
    expect(walkInAdvice([shelf('kita')], branches, '10:00')).toBeNull();
    expect(walkInAdvice([shelf('higashi')], branches, '17:00')).toBeNull();
    expect(walkInAdvice([out('honkan')], branches, '10:00')).toBeNull();
    expect(walkInAdvice([reading('honkan')], branches, '10:00')).toBeNull();
    expect(walkInAdvice([shelf('honkan')], branches, '10:00', null, true)).toBeNull();
  });
});

describe('R-SER-1 volumes of a work', () => {
  it('R-SER-1: the volume a title names, as the catalog writes it', () => {
    expect(volumeOf('ノルウェイの森 上')).toEqual({ stem: 'ノルウェイの森', volume: 1 });
    expect(volumeOf('ノルウェイの森 下')).toEqual({ stem: 'ノルウェイの森', volume: 3 });
    expect(volumeOf('海辺のカフカ（上）')).toEqual({ stem: '海辺のカフカ', volume: 1 });
    expect(volumeOf('1Q84 BOOK1 4月-6月')).toEqual({ stem: '1q84', volume: 1 });
    expect(volumeOf('ハリー・ポッター 第2巻')).toEqual({ stem: 'ハリー・ポッター', volume: 2 });
    expect(volumeOf('Chronicle vol.3')).toEqual({ stem: 'chronicle', volume: 3 });
    expect(volumeOf('ワンピース 12')).toEqual({ stem: 'ワンピース', volume: 12 });
    expect(volumeOf('三国志（２）')).toEqual({ stem: '三国志', volume: 2 });
  });
  it('R-SER-1: a title that is not a volume is none', () => {
    for (const t of ['こころ', '坊っちゃん', '上', '1984', '天気の子', '下町ロケット']) expect(volumeOf(t)).toBeNull();
  });
  it('R-SER-1: the next volume is the same work by the same author, the smallest above (上 → 下 without 中)', () => {
    const all = [
      { bibId: '1', title: 'ノルウェイの森 上', author: '村上春樹' },
      { bibId: '2', title: 'ノルウェイの森 下', author: '村上春樹' },
      { bibId: '3', title: 'ノルウェイの森 下', author: '別の人' },
      { bibId: '4', title: 'ノルウェイの森のはなし 下', author: '村上春樹' },
    ];
    expect(nextVolume({ title: 'ノルウェイの森 上', author: '村上春樹' }, all)?.bibId).toBe('2');
    expect(nextVolume({ title: 'ノルウェイの森 下', author: '村上春樹' }, all)).toBeNull();
    const books = [
      { bibId: '7', title: '1Q84 BOOK3 10月-12月', author: '村上春樹' },
      { bibId: '6', title: '1Q84 BOOK2 7月-9月', author: '村上春樹' },
    ];
    expect(nextVolume({ title: '1Q84 BOOK1 4月-6月', author: '村上春樹' }, books)?.bibId).toBe('6');
    expect(nextVolume({ title: 'こころ', author: '夏目漱石' }, books)).toBeNull();
  });
});

describe('R-SER-2 volumes placed together are collected together', () => {
  const hold = (title: string, extra: Partial<{ author: string; pickupBranch: string; requestedOn: string }> = {}) => ({
    title,
    author: '村上春樹',
    pickupBranch: 'honkan',
    requestedOn: '2026-12-02',
    ...extra,
  });
  it('R-SER-2: 上 and 下 of one work, same branch, placed the same day, are together', () => {
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('ノルウェイの森 下'))).toBe(true);
  });
  it('R-SER-2: not together: another day, another branch, another author, another work, the same volume', () => {
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('ノルウェイの森 下', { requestedOn: '2026-12-03' }))).toBe(
      false,
    );
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('ノルウェイの森 下', { pickupBranch: 'tobu' }))).toBe(
      false,
    );
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('ノルウェイの森 下', { author: '別人' }))).toBe(false);
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('海辺のカフカ 下'))).toBe(false);
    expect(collectedTogether(hold('ノルウェイの森 上'), hold('ノルウェイの森 上'))).toBe(false);
    expect(collectedTogether(hold('こころ'), hold('こころ'))).toBe(false);
  });
  it('R-SER-2: a ready volume waits at most until half the shelf period is left (Kamagaya: 7 → 3 opening days)', () => {
    const cal = kamagayaCalendar(2026, 2027);
    // Secured Friday 4 Dec: Sat 5, Sun 6, (Mon 7 closed), Tue 8.
    expect(holdBackUntil(cal, '2026-12-04', KAMAGAYA.holds.shelfOpeningDays)).toBe('2026-12-08');
    expect(holdBackUntil(cal, '2026-12-04', 1)).toBe('2026-12-04');
  });
});
