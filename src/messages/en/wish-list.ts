// The wish list (読みたいリスト), the library's offers, walk-in advice before a hold and the next
// volume of a work (issue 26), in English. Branch names reach here as the profile's Japanese names.

import { branchName } from '../local-names.js';

const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);

export const wishList = {
  saveButton: 'Want to read',
  listButton: 'Wish list',
  removeButton: 'Remove',
  reserveButton: 'Reserve',
  saved: (title: string, count: number, cap: number) =>
    `"${title}" is now on your wish list (${count}/${cap}).\n` +
    'Send "wish list" to see it, with where each item is now.',
  savedAlready: (title: string) => `"${title}" is already on your wish list. Send "wish list" to see the list.`,
  removed: (title: string) =>
    `"${title}" has been removed from your wish list. To add it again, tap "Want to read" on a search result.`,
  removedAlready: 'This item is no longer on your wish list. Send "wish list" to see the list as it is now.',
  empty: (cap: number) =>
    'Your wish list is empty.\n' +
    `Search by sending a title or other words, and tap "Want to read" on an item to add it here (up to ${items(cap)}).`,
  header: (count: number, cap: number, from: number, to: number) =>
    `Wish list: ${count}/${cap}` + (count > to - from + 1 ? ` (${from}–${to})` : ''),
  cardHeading: (n: number, count: number) => `Wish list ${n}/${count}`,
  availabilityLabel: 'Availability',
  holdsLabel: 'Holds',
  holds: (n: number) => String(n),
  onShelf: (branches: readonly string[]) => `On the shelf at ${branches.map(branchName).join(', ')}`,
  out: 'On loan',
  notLendable: 'Library use only',
  /** R-WISH-2: the title is on the shelf at the branch the patron usually collects from. */
  atUsualBranch: (branch: string) =>
    `On the shelf at ${branchName(branch)}, your usual pickup branch. Come in and you can borrow it right away.`,
  notReservable: {
    ALREADY_HOLDING_TITLE: 'You have a hold on it. See its status in "My account".',
    TITLE_ON_LOAN_TO_PATRON: 'You have it on loan now.',
    HOLD_LIMIT_REACHED: 'You have reached your hold limit. You can reserve it once a hold is picked up or cancelled.',
    other: 'This item cannot be reserved. See "Details" for why.',
  },
  detailButton: 'Details',
} as const;

/** What the library offers unasked: a button that starts the reservation, never a hold placed. */
export const offerMessages = {
  wish: {
    heading: 'A hold slot is free',
    cardHeading: 'A hold slot\nis free',
    alt: (title: string) => `A hold slot is free: you can reserve "${title}" from your wish list`,
    note:
      'This is the top item on your wish list. Tap "Reserve" to choose a pickup branch and place a hold. ' +
      'Nothing is reserved unless you tap it.',
    atUsualBranch: (branch: string) =>
      `It is on the shelf at ${branchName(branch)} now. Come in and you can borrow it right away.`,
  },
  series: {
    heading: 'The next volume is available',
    cardHeading: 'The next volume\nis available',
    alt: (title: string) => `You can reserve the next volume, "${title}"`,
    note: (previous: string) =>
      `This follows "${previous}". Tap "Reserve" to choose a pickup branch and place a hold. ` +
      'Nothing is reserved unless you tap it.',
  },
  reserveButton: 'Reserve',
} as const;

/** R-WALK-1: before the branch question of Reserve. */
export const walkInAdvice = (a: {
  branchName: string;
  close: string;
  others: readonly string[];
  holdsWait: boolean;
}): string =>
  `On the shelf at ${branchName(a.branchName)}, open today until ${a.close}.` +
  (a.others.length > 0 ? ` (Also on the shelf at ${a.others.map(branchName).join(', ')}.)` : '') +
  ' Come in and you can borrow it today.' +
  (a.holdsWait ? ' An online hold becomes official on the morning of the next opening day.' : '');
