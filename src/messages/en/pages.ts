// The patron pages' shared words and the login page, in English.

import { capitalised, lib } from './library.js';
import { AT_COUNTER_WITH_ID, NO_CARD_YET } from './phrases.js';

const BACK_TO_LINE_LOGIN = 'go back to the LINE chat and send "log in", or tap "Log in" in the menu';

export const pages = {
  get libraryName(): string {
    return lib.name;
  },
  serviceName: 'LINE service',
  required: (label: string) => `Please enter your ${label.toLowerCase()}.`,
  errorHeading: 'Please check what you entered',
  closeAndReturn: 'Please close this page and go back to the LINE chat.',
  login: {
    title: 'Log in',
    lead:
      'Enter your library card (利用者カード) number and password, then press "Log in". ' +
      'This links your LINE account to your library card, so you can place holds (予約), check your account ' +
      'and renew loans (延長) on LINE.',
    cardNumberLabel: 'Library card number',
    cardNumberHint: 'The number printed on your library card (利用者カード).',
    passwordLabel: 'Password',
    get passwordHint(): string {
      return (
        `The initial password the library gave you (${lib.initialPasswordLength} letters and digits), ` +
        'or the password you changed it to.'
      );
    },
    submit: 'Log in',
    privacy: "Your card number and password are sent only to the library's server, never to LINE.",
    whoTitle: 'Who can log in',
    get who(): string[] {
      return [
        `${capitalised(lib.people)} registered with ${lib.name} who have a password.`,
        'Users of the services for people with disabilities (障がい者サービス) cannot register a password, ' +
          'so they cannot use this service.',
      ];
    },
    noCardTitle: 'If you have no library card',
    noCard: NO_CARD_YET,
    passwordTitle: 'If you have no password or have forgotten it',
    get passwordHelp(): string {
      return (
        `${AT_COUNTER_WITH_ID}apply for a password. We will give you an initial password ` +
        `(${lib.initialPasswordLength} letters and digits) on a receipt. ` +
        'The library cannot see your password either, so if you forget it, we issue a new one. ' +
        'It cannot be reissued online or on LINE.'
      );
    },
  },
  linkExpired: {
    title: 'This page has expired',
    body:
      'The log-in page stops working a while after you open it from LINE. ' +
      `Sorry, please ${BACK_TO_LINE_LOGIN} to open a new page.`,
  },
  loginAccepted: {
    title: 'Your log-in is already done',
    body:
      'We have received the log-in from this page. Please go back to the LINE chat. ' +
      'If the chat does not say "You are logged in", send "log in" and try again from the new page.',
  },
  loginRefused: {
    title: 'About using LINE',
    wayForward: 'If you have any questions, please ask at the library counter.',
  },
  forbidden: {
    title: 'This could not be accepted',
    body:
      'For your safety, we only accept forms sent from the page opened from the LINE chat. ' +
      'Please go back to the LINE chat, send "log in", and try again from the page that opens.',
  },
  failed: {
    title: 'We cannot process this right now',
    body:
      'Sorry, something went wrong while processing, so you are not logged in. ' +
      'Please wait a while, then send "log in" in the LINE chat and try again.',
  },
} as const;
