// Issue 26 in English: changing the pickup branch, pausing a hold or giving it a need-by date
// (不要日: cancelled if not ready by then), renewing everything, the expected wait, the hold slots
// per channel, overdue notices and the reminder choices.

import type { HoldServiceRefusal } from '../../domain/hold-service-refusals.js';
import { branchName } from '../local-names.js';
import { formatDateEn, shortDateEn } from './format.js';

type Params = Readonly<Record<string, string | number>>;

const param = (p: Params, key: string): string | undefined => {
  const v = p[key];
  const s = v === undefined ? '' : String(v).trim();
  return s === '' ? undefined : s;
};

/** The branch to phone, with its number when the profile has one. */
const phoneBranch = (p: Params) => {
  const name = param(p, 'branchName');
  const branch = name === undefined ? 'your pickup branch (受取館)' : branchName(name);
  const phone = param(p, 'phone');
  return phone === undefined ? branch : `${branch} at ${phone}`;
};

/** R-RES-10..12: why not, and what to do instead. */
export const HOLD_SERVICE_REFUSALS: Record<HoldServiceRefusal, (p: Params) => string> = {
  HOLD_PICKUP_NOT_CHANGEABLE: (p) =>
    'The item for this hold is already being prepared for, or kept at, the pickup branch (受取館), ' +
    `so the pickup branch cannot be changed on LINE. To change it, please phone ${phoneBranch(p)}.`,
  HOLD_PICKUP_SAME_BRANCH: () =>
    'That is your current pickup branch (受取館). To change it, please choose a different one.',
  HOLD_NOT_PAUSABLE_TRAPPED: (p) =>
    'The item for this hold is already being prepared for, or kept at, the pickup branch (受取館), ' +
    'so you cannot pause the hold or set a need-by date (不要日). ' +
    `If you cannot pick it up, please phone ${phoneBranch(p)}.`,
  HOLD_PAUSE_DATE_OUT_OF_RANGE: (p) => {
    const from = param(p, 'from');
    const until = param(p, 'until');
    return from && until
      ? `That date cannot be chosen. Please choose a date from ${formatDateEn(from)} to ${formatDateEn(until)}.`
      : 'That date cannot be chosen. Please choose again from "My account".';
  },
  HOLD_NOT_SUSPENDED: () =>
    'This hold is not paused. When your turn comes, we will get the item ready for you. ' +
    'You can check its status in "My account".',
};

const CHANNEL_LABELS: Record<string, string> = { counter: 'counter', phone: 'phone', online: 'online' };

const dayBefore = (n: number) => (n === 1 ? '1 day before' : `${n} days before`);

/** The chat's words for the new hold and loan services. */
export const holdServices = {
  buttons: {
    changePickup: 'Change pickup',
    change: 'Change',
    suspend: 'Pause',
    resume: 'Resume',
    notNeeded: 'Need-by date',
    set: 'Set',
    renewAll: 'Renew all',
    renewAllDo: 'Renew',
    reminders: 'Reminders',
  },
  /** R-RES-14: 'Holds (予約): 4/5 (counter 1, online 3)'. */
  holdSlots: (used: number, limit: number, byChannel: readonly { channel: string; count: number }[]) =>
    `Holds (予約): ${used}/${limit}` +
    (byChannel.length > 0
      ? ` (${byChannel.map((c) => `${CHANNEL_LABELS[c.channel] ?? c.channel} ${c.count}`).join(', ')})`
      : ''),
  // R-RES-13: always labelled an estimate.
  waitLabel: 'Estimated wait',
  waitRange: (fromWeeks: number, toWeeks: number) =>
    fromWeeks <= 0
      ? `within ${toWeeks} week${toWeeks === 1 ? '' : 's'} (estimate)`
      : fromWeeks === toWeeks
        ? `about ${toWeeks} week${toWeeks === 1 ? '' : 's'} (estimate)`
        : `about ${fromWeeks}–${toWeeks} weeks (estimate)`,
  waitNote:
    '* The estimated wait is based on the number of copies, your place in line and the loan period. ' +
    'It changes when items come back early or late.',
  suspendedLabel: 'Paused',
  suspendedUntil: (date: string) => `until ${formatDateEn(date)}`,
  notNeededLabel: 'Need-by date (不要日)',
  notNeededAfter: (date: string) => `not needed after ${formatDateEn(date)}`,
  // R-RES-10
  chooseNewBranch: (title: string, current: string) =>
    `Changing the pickup branch (受取館) of "${title}" (now: ${branchName(current)}).\n` +
    'Please choose the new pickup branch. Your place in line stays the same.',
  pickupConfirm: (title: string, from: string, to: string) =>
    `Change the pickup branch (受取館)?\n"${title}"\n${branchName(from)} → ${branchName(to)}\n` +
    'Your place in line does not change.',
  pickupDone: (title: string, to: string) =>
    `The pickup branch has been changed.\n"${title}"\nPickup branch (受取館): ${branchName(to)}`,
  pickupAlready: (title: string, to: string) =>
    `The pickup branch (受取館) of this hold is already ${branchName(to)}.\n"${title}"`,
  // R-RES-11, R-RES-12
  choosePause: (title: string) =>
    `You can pause the hold on "${title}", or set a need-by date (不要日): if the item is not ready by then, ` +
    'the hold is cancelled.\n' +
    'While paused, you keep your place in line and the hold still counts towards your limit. ' +
    'It resumes by itself at the end of the pause.\nPlease choose.',
  suspendChoice: (date: string) => `Pause to ${shortDateEn(date)}`,
  notNeededChoice: (date: string) => `Need by ${shortDateEn(date)}`,
  suspendConfirm: (title: string, date: string) =>
    `Pause this hold until ${formatDateEn(date)}?\n"${title}"\n` +
    'If your turn comes while it is paused, the item goes to the next person and you keep your place. ' +
    'The hold resumes by itself the next day.',
  notNeededConfirm: (title: string, date: string) =>
    `Set a need-by date (不要日) for this hold?\n"${title}"\n` +
    `If the item is not ready by ${formatDateEn(date)}, we will cancel the hold and let you know.`,
  suspendDone: (title: string, date: string) =>
    `The hold is paused.\n"${title}"\nIt is paused until ${formatDateEn(date)} and resumes by itself the next day. ` +
    'To resume earlier, tap "Resume" in "My account".',
  notNeededDone: (title: string, date: string) =>
    `The need-by date (不要日) is set.\n"${title}"\n` +
    `If the item is not ready by ${formatDateEn(date)}, we will cancel the hold and let you know.`,
  suspendAlready: (title: string, date: string) =>
    `This hold is already paused until ${formatDateEn(date)}.\n"${title}"`,
  notNeededAlready: (title: string, date: string) =>
    `The need-by date (不要日) of this hold is already ${formatDateEn(date)}.\n"${title}"`,
  resumeConfirm: (title: string, until: string) =>
    `End the pause (until ${formatDateEn(until)}) and resume the hold?\n"${title}"`,
  resumeDone: (title: string) => `The hold has resumed.\n"${title}"\nWe will get it ready when your turn comes.`,
  resumeAlready: (title: string) => `This hold has already resumed.\n"${title}"`,
  /** Other words while a choice waits. */
  choiceWaits: 'Please choose with the buttons below. To stop, tap "Stop".',
  // R-LOAN-5
  renewAllConfirm: (rows: readonly string[], count: number) =>
    `Renew (延長) all the loans that can be renewed? (${count === 1 ? '1 item' : `${count} items`})\n` +
    rows.join('\n'),
  renewAllRow: (title: string, newDue: string) => `- "${title}" → ${formatDateEn(newDue)}`,
  renewAllNotRow: (title: string, reason: string) => `- "${title}" cannot be renewed: ${reason}`,
  renewAllNoLoans: 'You have no loans (貸出).',
  renewAllNoReason: 'It cannot be renewed now.',
  renewAllNone: (rows: readonly string[]) => `None of your loans can be renewed (延長) now.\n${rows.join('\n')}`,
  renewAllDone: (rows: readonly string[]) => `Renewal results:\n${rows.join('\n')}`,
  renewAllDoneRow: (title: string, newDue: string) => `- "${title}" renewed. New due date: ${formatDateEn(newDue)}`,
  renewAllAlready: (rows: readonly string[]) => `These loans have already been renewed.\n${rows.join('\n')}`,
  renewAllDueRow: (title: string, due: string) => `- "${title}" due: ${formatDateEn(due)}`,
  // R-NOTE-2
  remindersNow: (dueDays: number, pickup: boolean) =>
    `Your reminder settings\nDue date reminder: ${dueDays === 0 ? 'off' : dayBefore(dueDays)}\n` +
    `Pickup deadline reminder: ${pickup ? 'on' : 'off'}\nPlease choose what to change.`,
  dueChoice: (days: number) => (days === 0 ? 'No due reminder' : `${dayBefore(days)} due`),
  pickupChoice: (on: boolean) => (on ? 'Pickup reminder on' : 'Pickup reminder off'),
  remindersDone: (dueDays: number, pickup: boolean) =>
    `Your reminder settings have been changed.\nDue date reminder: ${dueDays === 0 ? 'off' : dayBefore(dueDays)}\n` +
    `Pickup deadline reminder: ${pickup ? 'on' : 'off'}`,
} as const;

/** Notices of issue 26 (LINE card and mail say the same). */
export const holdServiceNotices = {
  holdNotNeeded: {
    heading: 'Hold cancelled (need-by date passed)',
    cardHeading: 'Hold cancelled\n(need-by date passed)',
    alt: (title: string) => `Your hold was cancelled as its need-by date passed${title ? `: "${title}"` : ''}`,
    dateLabel: 'Need-by date (不要日)',
    note:
      'We could not get the item ready by the need-by date (不要日) you set, so the hold has been cancelled. ' +
      'If you still want it, please place a new hold.',
  },
  overdue: {
    heading: 'Past the due date',
    cardHeading: 'Past the\ndue date',
    alt: (title: string) => `An item you borrowed is past its due date: "${title}"`,
    note:
      'An item you borrowed is past its due date, and other people may be waiting for it. ' +
      'Please return it to your nearest library as soon as possible. ' +
      'If you have already returned it, please ignore this notice.',
  },
} as const;
