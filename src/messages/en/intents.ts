// Everyday phrases that name what the bot can do ("how do I reserve", "when is it due", "opening
// hours" …) and the answers they get. A phrase counts only when it is the whole message
// (conversation/intents.ts), so a title that contains one ("Reserve Judgement") is still searched.

import { LOCK_MS, MAX_FAILURES } from '../../domain/lockout.js';
import { formatDateEn } from './format.js';
import { lib } from './library.js';
import { calendarAnswer, hoursAnswer } from './library-days.js';
import { AT_COUNTER_WITH_ID, atCounterWithId } from './phrases.js';

/**
 * Each intent and the phrases that name it. Matched folded (NFKC, lower case, without spaces) and
 * without trailing marks and INTENT_ENDINGS ("renew please" → renew). 'cancel' alone is the stop
 * keyword and is never listed here; 'cancel hold' is.
 */
export const INTENT_PHRASES = {
  reserveHow: [
    'reserve',
    'how to reserve',
    'how do i reserve',
    'how can i reserve',
    'how do i place a hold',
    'how to place a hold',
    'place a hold',
    'reserve a book',
    'make a reservation',
    'i want to reserve',
    "i'd like to reserve",
  ],
  status: [
    'my loans',
    'my holds',
    'my reservations',
    'my books',
    'check my account',
    'account status',
    'loan status',
    'hold status',
    'what have i borrowed',
  ],
  renew: [
    'renew',
    'how to renew',
    'how do i renew',
    'renew my books',
    'renew my loans',
    'renew a book',
    'extend my loan',
    'extend the loan',
    'extend loan',
  ],
  dueDates: [
    'due date',
    'due dates',
    'return date',
    'when is it due',
    'when is my book due',
    'when are my books due',
    'when do i return',
    'when do i have to return',
    'when should i return',
    'when do i need to return',
  ],
  cancelHold: [
    'cancel hold',
    'cancel a hold',
    'cancel my hold',
    'cancel reservation',
    'cancel a reservation',
    'cancel my reservation',
    'how to cancel',
    'how do i cancel',
  ],
  hours: [
    'opening hours',
    'hours',
    'open hours',
    'library hours',
    'opening times',
    'opening days',
    'closed days',
    'closing days',
    'when are you open',
    'when is the library open',
    'is the library open',
    'is the library open today',
    'are you open',
    'are you open today',
    'open today',
    'what time do you open',
    'what time do you close',
    'closing time',
    'phone number',
    'library phone number',
  ],
  libraryCard: [
    'card',
    'my card',
    'library card',
    'my library card',
    'barcode',
    'card number',
    'show my card',
    'show card',
    'show barcode',
    'show my barcode',
  ],
  calendar: ['calendar', 'library calendar', 'closed this month', 'closing calendar', 'holiday calendar'],
  passwordForgotten: [
    'password',
    'forgot password',
    'forgot my password',
    'i forgot my password',
    "i've forgotten my password",
    'forgotten password',
    'lost password',
    'lost my password',
    'reset password',
    'reset my password',
    'password reset',
    'new password',
    'get a password',
    'no password',
    "i don't have a password",
    'i dont have a password',
  ],
  loginTrouble: [
    "can't log in",
    'cant log in',
    'cannot log in',
    "can't login",
    'cannot login',
    "i can't log in",
    'login failed',
    'login error',
    'login problem',
    'locked out',
    'account locked',
  ],
  passwordChange: ['change my password', 'how to change password', 'update password', 'update my password'],
  emailRegistration: [
    'register my email',
    'register email address',
    'email registration',
    'e-mail registration',
    'change email',
    'change my email',
    'change email address',
    'update email',
  ],
  wishList: ['wish list', 'wishlist', 'my wish list', 'my wishlist', 'want to read', 'reading list', 'to-read list'],
  thanks: ['thanks', 'thank you', 'thanks a lot', 'thank you very much', 'many thanks', 'thx'],
  hello: ['hello', 'hi', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening'],
} as const;

/** Endings a phrase may carry ("renew please", "hours?"), tried in every order; folded, so no spaces. */
export const INTENT_ENDINGS = ['thankyou', 'please', 'thanks', 'plz', 'pls'] as const;

/** What each intent answers (the status-based ones add a line above My account). */
export const intentAnswers = {
  reserveHow: (loggedIn: boolean) =>
    [
      '[How to place a hold (予約) on LINE]',
      '1. Send a title, author or other words to search the catalog.',
      '2. Tap "Reserve" on a search result (you can also reserve from "Details").',
      '3. Choose your pickup branch (受取館) and how we contact you, check the summary and tap "Send".',
      loggedIn
        ? 'You are logged in, so you can reserve straight from a search.'
        : 'To reserve, please log in with your library card (利用者カード) number and password ' +
          '(tapping "Reserve" shows a log-in button).',
      `Holds are for ${lib.people} who live, work or study in the city. You can have ${lib.holdLimitRule}. ` +
        'You can check your holds in "My account".',
    ].join('\n'),
  /** "reserve" from a logged-in patron who may not reserve (R-ELIG-2): why, instead of how. */
  reserveRefused: (reason: string) =>
    `[Holds on LINE]\nThe library card you are logged in with cannot place holds (予約).\n${reason}`,
  renew: (renewable: number) =>
    renewable > 0
      ? `To renew (延長) a loan, tap "Renew" on it below (the new due date is ${lib.renewalPeriod}).`
      : 'None of your loans can be renewed (延長) now. The reason is shown on each loan below.',
  /** Overdue loans first, then the next due date and the loans due that day; every loan below. */
  dueDates: (p: { overdue: number; next?: { dueDate: string; title: string; sameDay: number } }) =>
    [
      ...(p.overdue > 0
        ? [
            `${p.overdue === 1 ? '1 item is' : `${p.overdue} items are`} past the due date. ` +
              'Please return them as soon as possible.',
          ]
        : []),
      ...(p.next
        ? [
            `Your next due date is ${formatDateEn(p.next.dueDate)} ("${p.next.title}"` +
              `${p.next.sameDay > 1 ? ` and ${p.next.sameDay - 1} more` : ''}).`,
          ]
        : []),
      'The due dates of all your loans are below.',
    ].join('\n'),
  cancelHold:
    'To cancel a hold, tap "Cancel hold" on it below. ' +
    'A hold that is ready for pickup (受取り可) cannot be cancelled on LINE: please phone your pickup branch (受取館).',
  /** Where the renew / due date / cancel answer needs the patron's own data first. */
  needsLogin: {
    renew: 'You renew (延長) a loan from your loans in "My account".',
    dueDates: 'You can see your due dates in "My account".',
    cancelHold: 'You cancel a hold from your holds in "My account".',
    status: '',
  },
  hours: hoursAnswer,
  calendar: calendarAnswer,
  get passwordForgotten(): string {
    return (
      'The library cannot see your password, so we cannot tell it to you or issue a new one on LINE or online.\n' +
      `${AT_COUNTER_WITH_ID}apply there. We will print a new initial password ` +
      `(${lib.initialPasswordLength} letters and digits) on a receipt.\n` +
      `If you ${lib.ageRule ? `are ${lib.ageRule} and ` : ''}do not have a password yet, the steps are the same. ` +
      'You can use the initial password as it is, or change it with "Change password".'
    );
  },
  loginTrouble: (loggedIn: boolean) =>
    [
      ...(loggedIn ? ['This LINE account is already logged in.'] : []),
      'If you cannot log in, please check the following:',
      '- Did you enter your library card (利用者カード) number exactly as printed on the card?',
      '- Passwords are case-sensitive. If you changed your password, did you enter the new one?',
      `- After ${MAX_FAILURES} wrong tries in a row, you cannot log in for ${LOCK_MS / 60_000} minutes. ` +
        'Please wait and try again.',
      `If you have forgotten your password, ${atCounterWithId()}apply for a new password.`,
      'Users of the services for people with disabilities (障がい者サービス) cannot register a password. ' +
        'Please ask at the counter if you have any questions.',
    ].join('\n'),
  thanks:
    "You're welcome. Thank you for using the library.\n" +
    'If there is anything else, send a title or other words, or choose from the menu below.',
  get hello(): string {
    return (
      `Hello. This is the LINE official account of ${lib.accountName}.\n` +
      'Send a title, author or other words to search the catalog. ' +
      'For holds and your account, please use the menu below.'
    );
  },
  buttons: {
    /** Sends the same words as a title search, for a patron who meant the book. */
    searchAsTitle: 'Search as title',
    passwordChange: 'Change password',
    login: 'Log in',
  },
} as const;
