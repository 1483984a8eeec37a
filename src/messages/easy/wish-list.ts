// 読みたいリスト, the hold manager's offers, walk-in advice at 予約申込 and the next volume of a work,
// in やさしい日本語. listButton is also the words its button sends: they are an intent phrase.

import { branchName } from '../local-names.js';

const LIST = '「読（よ）みたい リスト」';
const SEND_LIST = 'リストは「よみたいリスト」と 送（おく）ると 見（み）られます。';
const OFFER_ONLY =
  '「よやくする」を 押（お）すと、受取館（うけとりかん）を えらんで 予約（よやく）できます。押（お）さなければ、予約（よやく）は しません。';
const names = (branches: readonly string[]) => branches.map(branchName).join('・');

export const wishList = {
  saveButton: 'よみたい',
  listButton: 'よみたいリスト',
  removeButton: 'けす',
  reserveButton: 'よやくする',
  saved: (title: string, count: number, cap: number) =>
    `『${title}』を ${LIST}に 入（い）れました（${count}/${cap}冊（さつ））。\n` +
    '「よみたいリスト」と 送（おく）ると、いま 図書館（としょかん）に あるかと いっしょに 見（み）られます。',
  savedAlready: (title: string) => `『${title}』は もう ${LIST}に 入（はい）って います。${SEND_LIST}`,
  removed: (title: string) =>
    `『${title}』を ${LIST}から けしました。もう 一度（いちど） 入（い）れる ときは、さがした 本（ほん）の「よみたい」を 押（お）して ください。`,
  removedAlready: `この 本（ほん）は もう ${LIST}に ありません。いまの ${SEND_LIST}`,
  empty: (cap: number) =>
    `${LIST}には、まだ 本（ほん）が ありません。\n` +
    '本（ほん）の 名前（なまえ）などを 送（おく）って さがして ください。' +
    `読（よ）みたい 本（ほん）の「よみたい」を 押（お）すと、ここに 入（はい）ります（${cap}冊（さつ）まで）。`,
  header: (count: number, cap: number, from: number, to: number) =>
    `読（よ）みたい リスト：${count}/${cap}冊（さつ）` +
    (count > to - from + 1 ? `（${from}〜${to}冊目（さつめ））` : ''),
  cardHeading: (n: number, count: number) => `読（よ）みたい リスト ${n}/${count}`,
  availabilityLabel: 'ある ところ',
  holdsLabel: '予約（よやく）',
  holds: (n: number) => `${n}けん`,
  onShelf: (branches: readonly string[]) => `${names(branches)}の たなに あります`,
  out: 'ほかの 人（ひと）が かりて います',
  notLendable: '図書館（としょかん）の 中（なか）で 読（よ）むだけ',
  /** R-WISH-2: on the shelf at the branch the patron usually collects from. */
  atUsualBranch: (branch: string) =>
    `いつもの 受取館（うけとりかん）（${branchName(branch)}）の たなに あります。図書館（としょかん）に 来（く）れば、すぐ かりられます。`,
  notReservable: {
    ALREADY_HOLDING_TITLE: `予約（よやく）して います。ようすは「ご利用状況（りようじょうきょう）」で 見（み）られます。`,
    TITLE_ON_LOAN_TO_PATRON: 'いま あなたが かりて います。',
    HOLD_LIMIT_REACHED:
      '予約（よやく）は もう いっぱいです。予約（よやく）した 本（ほん）を うけとるか、とりけすと、予約（よやく）できる ように なります。',
    other: 'この 本（ほん）は 予約（よやく）できません。わけは「くわしく 見（み）る」で 見（み）て ください。',
  },
  detailButton: 'くわしく 見（み）る',
} as const;

/** What the library offers unasked: a button that starts the reservation, never a hold placed. */
export const offerMessages = {
  wish: {
    heading: '予約（よやく）が できる ように なりました',
    cardHeading: 'よやくが できる\nように なりました',
    alt: (title: string) => `予約（よやく）が できる ように なりました。${LIST}の『${title}』を 予約（よやく）できます`,
    note: `${LIST}の いちばん 上（うえ）の 本（ほん）です。${OFFER_ONLY}`,
    atUsualBranch: (branch: string) =>
      `いま ${branchName(branch)}の たなに あります。図書館（としょかん）に 来（く）れば、すぐ かりられます。`,
  },
  series: {
    heading: 'つづきの 本（ほん）が あります',
    cardHeading: 'つづきの ほんが\nあります',
    alt: (title: string) => `つづきの 本（ほん）『${title}』を 予約（よやく）できます`,
    note: (previous: string) => `『${previous}』の つづきです。${OFFER_ONLY}`,
  },
  reserveButton: 'よやくする',
} as const;

/** R-WALK-1: before the branch question of 予約申込. */
export const walkInAdvice = (a: {
  branchName: string;
  close: string;
  others: readonly string[];
  holdsWait: boolean;
}): string =>
  `${branchName(a.branchName)}の たなに あります。今日（きょう）は ${a.close}まで 開（あ）いて います。` +
  (a.others.length > 0 ? `（${names(a.others)}の たなにも あります）` : '') +
  '図書館（としょかん）に 来（く）れば、今日（きょう） かりられます。' +
  (a.holdsWait
    ? 'インターネットの 予約（よやく）は、つぎの 開館日（かいかんび）の 朝（あさ）に 本当（ほんとう）の 予約（よやく）に なります。'
    : '');
