// 読みたいリスト, the hold manager's offers, walk-in advice at 予約申込 and the next volume of a work
// (issue 26). Branch names and hours come from the library profile through the callers.

export const wishList = {
  /** The button on a search result and a title's detail. */
  saveButton: '読みたい',
  listButton: '読みたいリスト',
  removeButton: '削除',
  reserveButton: '予約申込',
  saved: (title: string, count: number, cap: number) =>
    `『${title}』を読みたいリストに入れました（${count}/${cap}冊）。\n「読みたいリスト」と送ると、いまの所蔵状況と一緒に見られます。`,
  /** A second tap of 読みたい (or an older button): nothing changes, and it says where the title is. */
  savedAlready: (title: string) =>
    `『${title}』はすでに読みたいリストに入っています。リストは「読みたいリスト」と送ると見られます。`,
  removed: (title: string) =>
    `『${title}』を読みたいリストから削除しました。もう一度入れるには、検索結果の「読みたい」を押してください。`,
  removedAlready: 'この資料はすでに読みたいリストにありません。いまのリストは「読みたいリスト」と送ると見られます。',
  empty: (cap: number) =>
    '読みたいリストには、まだ資料がありません。\n' +
    `書名などを送って検索し、気になる資料の「読みたい」を押すと、ここに入ります（${cap}冊まで）。`,
  header: (count: number, cap: number, from: number, to: number) =>
    `読みたいリスト：${count}/${cap}冊` + (count > to - from + 1 ? `（${from}〜${to}冊目）` : ''),
  cardHeading: (n: number, count: number) => `読みたいリスト ${n}/${count}`,
  availabilityLabel: '所蔵状況',
  holdsLabel: '予約件数',
  holds: (n: number) => `${n}件`,
  onShelf: (branches: readonly string[]) => `${branches.join('・')}の棚にあります`,
  out: '貸出中',
  notLendable: '館内閲覧のみ',
  /** R-WISH-2: the title is on the shelf at the branch the patron usually collects from. */
  atUsualBranch: (branch: string) => `いつもの受取館（${branch}）の棚にあります。来館すればすぐに借りられます。`,
  /** Why no 予約申込 on a saved title: short, the reserve flow says the rest when tapped. */
  notReservable: {
    ALREADY_HOLDING_TITLE: 'ご予約中です。状態は「ご利用状況」で確認できます。',
    TITLE_ON_LOAN_TO_PATRON: 'いまお借りになっています。',
    HOLD_LIMIT_REACHED: '予約の上限に達しています。予約が受け取られるか取り消されると、予約できるようになります。',
    other: 'この資料は予約できません。理由は「詳細を見る」でご確認ください。',
  },
  detailButton: '詳細を見る',
} as const;

/** What the library offers unasked: a button that starts the reservation, never a hold placed. */
export const offerMessages = {
  wish: {
    heading: '予約の枠が空きました',
    cardHeading: '予約の枠が\n空きました',
    alt: (title: string) => `予約の枠が空きました。読みたいリストの『${title}』を予約できます`,
    note:
      '読みたいリストのいちばん上の資料です。「予約申込」を押すと、受取館を選んで予約できます。' +
      '押さなければ予約はされません。',
    atUsualBranch: (branch: string) => `いま${branch}の棚にあります。来館すればすぐに借りられます。`,
  },
  series: {
    heading: '続きの巻があります',
    cardHeading: '続きの巻が\nあります',
    alt: (title: string) => `続きの巻『${title}』を予約できます`,
    note: (previous: string) =>
      `『${previous}』の続きです。「予約申込」を押すと、受取館を選んで予約できます。押さなければ予約はされません。`,
  },
  reserveButton: '予約申込',
} as const;

/**
 * R-WALK-1: before the branch question of 予約申込. The last sentence only where online holds wait
 * for the next opening day (the profile's holds.promotion.waitForNextOpeningDay).
 */
export const walkInAdvice = (a: {
  branchName: string;
  close: string;
  others: readonly string[];
  holdsWait: boolean;
}): string =>
  `${a.branchName}の棚にあります・本日${a.close}まで。` +
  (a.others.length > 0 ? `（${a.others.join('・')}の棚にもあります）` : '') +
  '来館すれば今日借りられます。' +
  (a.holdsWait ? 'インターネット予約は次の開館日の朝に正式になります。' : '');
