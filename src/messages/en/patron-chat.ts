// The logged-in services in the chat, in English: login, status, reserve, renew, cancel, logout.

import { branchName } from '../local-names.js';
import { formatDateEn } from './format.js';
import { lib } from './library.js';
import { NO_CARD_YET, PASSWORD_AT_COUNTER } from './phrases.js';

const NOT_IN_CHAT = '(Please do not type your password in the LINE chat.)';
const NEVER_USED = '(we neither search for nor show what you send)';

export const patronChat = {
  loginNeeded: 'Please log in with your library card (利用者カード) number and password first. Tap "Log in" below.',
  loginPrompt:
    'Tap "Log in" below to open the library\'s log-in page, then enter your library card (利用者カード) ' +
    `number and password.\n${NOT_IN_CHAT}\n` +
    NO_CARD_YET +
    ' ' +
    PASSWORD_AT_COUNTER,
  loginUnavailable: 'We cannot accept log-ins right now. Please try again later.',
  passwordInChat:
    `Please do not send your password in the chat ${NEVER_USED}. ` +
    'You log in on the library page that the "Log in" button opens.',
  passwordInChatLoggedIn:
    `Please do not send your password in the chat ${NEVER_USED}. ` +
    'If you sent your real password, please change it with "Change password".',
  alreadyLoggedIn: 'You are already logged in. To log in with another library card, please "Log out" first.',
  loggedIn:
    'You are logged in. You can now place holds (予約), check your account, renew loans (延長) and cancel holds.\n' +
    'You can log out at any time by sending "log out" or from the menu.',
  /** After login, for a patron who may not reserve (R-ELIG-2). */
  loggedInNoReserve: (reason: string) =>
    `You are logged in.\n${reason}\nYou can log out at any time by sending "log out" or from the menu.`,
  loggedInLead: 'You are logged in.',
  /** Renew / Cancel hold tapped before the login: offered again. */
  continueAction: (button: string) => `Continue with "${button}", which you tapped before logging in?`,
  continueReservation: (title: string) =>
    title
      ? `Continue the hold on "${title}" that you chose before logging in?`
      : 'Continue the hold on the item you chose before logging in?',
  linkFailed: 'We could not log you in. Please try again with "Log in".',
  notLoggedIn: 'You are not logged in.',
  logoutConfirm: 'Log out? After logging out, you will need to log in again to check your account or place holds.',
  loggedOut: 'You are logged out. Thank you for using the library.',
  cancelled: 'Stopped.',
  statusHeader: (name: string, loans: number, holds: number, limit: number) =>
    `My account: ${name}\nOn loan (貸出中): ${loans}\nHolds (予約): ${holds}/${limit}`,
  statusHeaderNoReserve: (name: string, loans: number, holds: number) =>
    `My account: ${name}\nOn loan (貸出中): ${loans}` + (holds > 0 ? `\nHolds (予約): ${holds}` : ''),
  noLoans: 'You have no items on loan (貸出中).',
  noHolds: 'You have no items on hold (予約).',
  loansPage: (total: number, from: number, to: number) => `Showing loans ${from}–${to} of ${total}.`,
  dueDateLabel: 'Due date',
  overdue: 'Past the due date',
  loanStateLabel: 'Status',
  loanCardHeading: (n: number, of: number) => `On loan ${n}/${of}`,
  holdCardHeading: (n: number, of: number) => `On hold ${n}/${of}`,
  holdStateLabel: 'Status',
  /** R-RES-7, in the guide's words: shown on a hold at 1位. */
  firstInLineNote:
    '* "#1 in line" (1位) does not mean you can borrow it yet. ' +
    'When it is ready, the status becomes "Ready" (受取り可).',
  pickupBranchLabel: 'Pickup branch',
  pickupDeadlineLabel: 'Pick up by',
  chooseBranch: (title: string) => `Placing a hold on "${title}".\nPlease choose your pickup branch (受取館).`,
  chooseBranchQuestion: 'Please choose your pickup branch (受取館).',
  chooseContact: 'How should we tell you when the item is ready?',
  reservationWaits: (title: string, question: string) =>
    `You are placing a hold on "${title}". ${question}\nTo stop, tap "Stop".`,
  sendQuestion: 'Please check the details and tap "Send".',
  actionWaits: (button: string) =>
    `We are waiting for you to confirm "${button}". If it is right, tap "${button}". To stop, tap "Stop".`,
  emailNotRegistered: 'To be contacted by e-mail, please register your e-mail address first ("Register email").',
  contactNotOffered: (method: string) =>
    `${lib.name} does not send notices by ${method} when an item is ready. Please choose one of the ways below.`,
  accepted: (title: string, branch: string, contact: string) =>
    `Hold received\n"${title}"\nPickup branch (受取館): ${branchName(branch)}\nContact: ${contact}\n` +
    (lib.holdsWait
      ? 'Status: Requested (依頼中)\nOn the morning of the next opening day it becomes an official hold and gets ' +
        'a place in line. You can check it in "My account".'
      : 'It is an official hold now. You can check your place in line in "My account".'),
  renewConfirm: (title: string, due: string, newDue: string, shortens: boolean) =>
    `Renew (延長) "${title}"?\n` +
    `Current due date: ${formatDateEn(due)}\nNew due date: ${formatDateEn(newDue)}` +
    (shortens ? `\n* A renewal runs ${lib.renewalPeriod}, so the due date becomes earlier than now.` : ''),
  renewed: (title: string, newDue: string) => `Renewed.\n"${title}"\nNew due date: ${formatDateEn(newDue)}`,
  cancelConfirm: (title: string, branch: string) =>
    `Cancel this hold?\n"${title}"\nPickup branch (受取館): ${branchName(branch)}`,
  cancelDone: 'The hold has been cancelled.',
  notYours: 'We could not find this item. Please choose again from "My account".',
  buttons: {
    login: 'Log in',
    logout: 'Log out',
    status: 'My account',
    reserve: 'Reserve',
    send: 'Send',
    renew: 'Renew',
    cancelHold: 'Cancel hold',
    stop: 'Stop',
  },
} as const;

/**
 * R-RES-5: what the patron confirms before Send, including R-RES-3 (when the hold becomes
 * official), R-RES-4 (a walk-in patron may borrow it first) and R-RES-8 (the shelf period).
 */
export function reservationConfirmationText(p: {
  title: string;
  branchName: string;
  contactLabel: string;
  officialDate: string;
  noNotice?: boolean;
  holdsAhead?: number;
}): string {
  return [
    'Please check your hold (予約)',
    `"${p.title}"`,
    `Pickup branch (受取館): ${branchName(p.branchName)}`,
    `Contact: ${p.contactLabel}`,
    ...(p.noNotice
      ? [
          'You chose "No notice", so we will not tell you when it is ready. ' +
            'Please check in "My account" whether it has become "Ready" (受取り可).',
        ]
      : []),
    ...(lib.holdsWait
      ? [
          'This hold is first "requested" (依頼中) and becomes an official hold on the morning of ' +
            `${formatDateEn(p.officialDate)}.`,
        ]
      : []),
    ...(p.holdsAhead === undefined ? [] : [queuePlace(p.holdsAhead)]),
    ...(lib.holdsWait
      ? ['Even if the search shows it as available, someone who comes to the library before then may borrow it.']
      : []),
    `When it is ready, we will keep it at your pickup branch for ${lib.shelfPeriod}.`,
    'If everything is correct, please tap "Send".',
  ].join('\n');
}

/** R-RES-3, R-RES-7: the expected place in the queue, as an estimate. */
function queuePlace(ahead: number): string {
  const now =
    ahead === 0
      ? 'There are no other holds on this item now.'
      : `There ${ahead === 1 ? 'is 1 hold' : `are ${ahead} holds`} ahead of you on this item now.`;
  return (
    `${now} Once official, your hold should be #${ahead + 1} in line (${ahead + 1}位) ` +
    '(behind any holds taken at the counter or by phone before then).'
  );
}
