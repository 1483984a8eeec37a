/**
 * Demo circulation: loans and holds, relative to the day the demo is seeded.
 * Copies are looked up by exact title and copy number (see `copy` in catalog.ts).
 *
 * Titles whose copies are all out (貸出：×): 街とその不確かな壁, 架空犯, 汝、星のごとく,
 * 火花, ふしぎ駄菓子屋銭天堂 1. A loan is overdue when checkedOutDaysAgo > 14 (the
 * loan period is 2 weeks).
 */
import { copy } from './catalog.js';
import type { DemoHold, DemoLoan } from './types.js';

const TARO = '2000000001'; // resident adult, initial password
const HANAKO = '2000000002'; // resident adult, e-mail registered
const SATO = '2000000003'; // 4 holds
const SUZUKI = '2000000004'; // 5 holds
const TAKAHASHI = '2000000005'; // worker
const TANAKA = '2000000006'; // student
const ITO = '2000000007'; // non-resident
const HINATA = '2000000008'; // born 2020-04-02, preschool
const KOTA = '2000000009'; // preschool
const HARUTO = '2000000010'; // born 2020-04-01, pupil
const SAKURA = '2000000011'; // pupil
const KATO = '2000000012'; // disability service
const JIRO = '2000000013'; // no password yet

const loan = (cardNumber: string, itemBarcode: string, checkedOutDaysAgo: number, renewals: 0 | 1 = 0): DemoLoan =>
  renewals ? { cardNumber, itemBarcode, checkedOutDaysAgo, renewals } : { cardNumber, itemBarcode, checkedOutDaysAgo };

export const demoLoans: DemoLoan[] = [
  loan(TARO, copy('こころ', 1), 25), // overdue
  loan(TARO, copy('街とその不確かな壁', 1), 10),
  loan(TARO, copy('成瀬は天下を取りにいく', 1), 5),
  loan(TARO, copy('となりのトトロ', 1), 3), // DVD: not renewable (R-LOAN-4)
  loan(TARO, copy('日本の歴史 1 神話から歴史へ', 1), 12),
  loan(TARO, copy('千葉県の歴史', 1), 12),
  loan(HANAKO, copy('架空犯', 3), 7),
  loan(HANAKO, copy('成瀬は天下を取りにいく', 3), 8),
  loan(HANAKO, copy('ももたろう', 1), 4), // kamishibai
  loan(HANAKO, copy('きょうの料理 2026年11月号', 1), 6), // back issue of a magazine
  loan(HANAKO, copy('一汁一菜でよいという提案', 1), 2),
  loan(SATO, copy('汝、星のごとく', 3), 9),
  loan(SATO, copy('思考の整理学', 1), 13),
  loan(SUZUKI, copy('嫌われる勇気 自己啓発の源流「アドラー」の教え', 1), 1),
  loan(SUZUKI, copy("るるぶ千葉 房総 '27", 1), 11),
  loan(TAKAHASHI, copy('街とその不確かな壁', 2), 6),
  loan(TAKAHASHI, copy('成瀬は天下を取りにいく', 2), 9),
  loan(TAKAHASHI, copy('三体', 1), 20), // overdue
  loan(TANAKA, copy('架空犯', 1), 3),
  loan(TANAKA, copy('バッテリー', 1), 7),
  loan(TANAKA, copy('夜は短し歩けよ乙女', 1), 7),
  loan(ITO, copy('街とその不確かな壁', 3), 4), // holds wait for this title: not renewable
  loan(ITO, copy('火花', 1), 5), // the only copy; 佐藤 holds it: not renewable
  loan(ITO, copy('容疑者Xの献身', 1), 30), // overdue
  loan(ITO, copy('サピエンス全史 上', 1), 18, 1), // renewed once, 10 days after checkout: due in 6 days
  loan(ITO, copy('汝、星のごとく', 1), 2),
  loan(HINATA, copy('ふしぎ駄菓子屋銭天堂 1', 2), 6),
  loan(HINATA, copy('ぐりとぐら', 2), 6),
  loan(KOTA, copy('ふしぎ駄菓子屋銭天堂 1', 3), 8),
  loan(KOTA, copy('はらぺこあおむし', 1), 8),
  loan(HARUTO, copy('ふしぎ駄菓子屋銭天堂 1', 1), 10),
  loan(HARUTO, copy('かいけつゾロリのドラゴンたいじ', 1), 10),
  loan(SAKURA, copy('ぐりとぐら', 1), 4),
  loan(SAKURA, copy('魔女の宅急便', 1), 4),
  loan(SAKURA, copy('ざんねんないきもの事典', 1), 16), // overdue
  loan(SAKURA, copy('角川まんが学習シリーズ 日本の歴史 1 国のはじまり', 1), 4),
  loan(KATO, copy('架空犯', 2), 5),
  loan(KATO, copy('朗読 こころ', 1), 5), // cassette tape
  loan(JIRO, copy('街とその不確かな壁', 4), 11),
  loan(JIRO, copy('汝、星のごとく', 2), 11),
  loan(JIRO, copy('白夜行', 1), 40), // overdue
];

const hold = (
  cardNumber: string,
  title: string,
  pickupBranch: DemoHold['pickupBranch'],
  channel: DemoHold['channel'],
  placedDaysAgo: number,
): DemoHold => ({ cardNumber, itemBarcodeOfTitle: copy(title), pickupBranch, channel, placedDaysAgo });

export const demoHolds: DemoHold[] = [
  // A queue of three on a popular title whose four copies are all out.
  hold(HANAKO, '街とその不確かな壁', 'honkan', 'counter', 12),
  hold(SATO, '街とその不確かな壁', 'tobu', 'phone', 9),
  hold(SUZUKI, '街とその不確かな壁', 'seibu', 'online', 5),
  // 佐藤: 4 holds in all.
  hold(SATO, '火花', 'tobu', 'online', 3),
  hold(SATO, '成瀬は天下を取りにいく', 'honkan', 'counter', 7),
  hold(SATO, '図書館戦争', 'tobu', 'online', 0), // placed today: still 依頼中
  // 鈴木: 5 holds in all.
  hold(SUZUKI, '架空犯', 'seibu', 'counter', 6),
  hold(SUZUKI, '汝、星のごとく', 'honkan', 'phone', 4),
  hold(SUZUKI, 'ハリー・ポッターと賢者の石', 'nanbu', 'online', 2),
  hold(SUZUKI, '銀河英雄伝説 1 黎明篇', 'seibu', 'online', 1),
  // Other patrons allowed to reserve.
  hold(HANAKO, '三体', 'honkan', 'online', 3),
  hold(TARO, '架空犯', 'honkan', 'online', 1),
  hold(TAKAHASHI, 'かがみの孤城', 'hokubu', 'counter', 2),
  hold(TANAKA, 'ビブリア古書堂の事件手帖 栞子さんと奇妙な客人たち', 'higashi-hatsutomi', 'online', 1),
  hold(SAKURA, 'ふしぎ駄菓子屋銭天堂 1', 'nanbu', 'counter', 3),
  hold(HARUTO, 'はらぺこあおむし', 'higashi-hatsutomi', 'online', 0),
];
