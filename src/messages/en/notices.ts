// What the library tells a patron unasked, in English. `alt` is what the phone's notification
// shows, so it names the title; `cardHeading` breaks the heading between phrases for a narrow card.

import { formatDateEn } from './format.js';
import { lib } from './library.js';

const BRING_CARD = 'Please bring your library card (利用者カード)';

export const noticeMessages = {
  titleLabel: 'Item',
  holdReady: {
    heading: 'Your hold is ready for pickup',
    cardHeading: 'Your hold is\nready for pickup',
    alt: (title: string) => `Your hold is ready for pickup: "${title}"`,
    note: `${BRING_CARD} and come to your pickup branch (受取館) by the pickup deadline.`,
  },
  holdExpired: {
    heading: 'Hold cancelled (pickup deadline passed)',
    cardHeading: 'Hold cancelled\n(pickup deadline passed)',
    alt: (title: string) => `Your hold was cancelled as the pickup deadline passed${title ? `: "${title}"` : ''}`,
    note:
      'The pickup deadline has passed, so we cancelled the hold we were keeping for you and passed the item ' +
      'to the next person. If you still want it, please place a new hold.',
  },
  pickupReminder: {
    heading: 'Pickup deadline coming soon',
    cardHeading: 'Pickup deadline\ncoming soon',
    alt: (title: string, deadline: string) => `Pickup deadline (${formatDateEn(deadline)}) coming soon: "${title}"`,
    note:
      'After the pickup deadline, the hold is cancelled and the item goes to the next person. ' +
      `${BRING_CARD} and come to your pickup branch (受取館) soon.`,
  },
  dueReminder: {
    heading: 'Due date coming soon',
    cardHeading: 'Due date\ncoming soon',
    alt: (title: string, due: string) => `Due date (${formatDateEn(due)}) coming soon: "${title}"`,
    get renewable(): string {
      return `You can renew (延長) this loan. Tap "Renew" to see the new due date (${lib.renewalPeriod}).`;
    },
    returnBy: 'Please return it to your nearest library by the due date.',
    get renewableByMail(): string {
      const times = lib.renewalTimes === 1 ? 'once' : `${lib.renewalTimes} times`;
      return `You can renew (延長) a loan ${times} with "Renew" in "My account" on LINE (${lib.renewalPeriod}).`;
    },
  },
  loanReserved: {
    heading: 'Someone has reserved your loan',
    cardHeading: 'Someone has\nreserved your loan',
    alt: (title: string) => `Someone has reserved (予約) an item you borrowed: "${title}"`,
    note:
      'Someone has reserved (予約) an item you borrowed, so it can no longer be renewed (延長). ' +
      'Please return it by the due date.',
  },
  // S-CAL-1: closed dates added after the date was promised (issue 29).
  dueDateMoved: {
    heading: 'Due date changed: special closure',
    cardHeading: 'Due date changed:\nspecial closure',
    alt: (title: string, to: string) =>
      `Due date changed to ${formatDateEn(to)} because of a special closure (臨時休館): "${title}"`,
    fromLabel: 'Before',
    note:
      'The due date fell on a special closure day (臨時休館日), so we moved it to the next opening day. ' +
      'Please return it by the new due date.',
  },
  pickupDeadlineMoved: {
    heading: 'Pickup deadline changed: special closure',
    cardHeading: 'Pickup deadline changed:\nspecial closure',
    alt: (title: string, to: string) =>
      `Pickup deadline changed to ${formatDateEn(to)} because of a special closure (臨時休館): "${title}"`,
    fromLabel: 'Before',
    note:
      'We extended the pickup deadline by the special closure days (臨時休館日). ' +
      `${BRING_CARD} and come to your pickup branch (受取館) by the new deadline.`,
  },
  emailConfirmed: {
    heading: 'Your e-mail address is registered',
    alt: 'Your e-mail address has been registered',
    addressLabel: 'E-mail address',
    note:
      'For holds with "E-mail" as the contact, we will tell you at this address when the item is ready. ' +
      'For holds with "LINE", we will keep telling you on LINE.',
  },
} as const;
