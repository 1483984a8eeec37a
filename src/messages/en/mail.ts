// The library's mails in English (R-MAIL-2, R-MAIL-3).

import { formatDateTimeEn } from './format.js';
import { lib } from './library.js';

/** R-MAIL-3: library mail comes from this sender; a missed mail can let a hold expire. */
export const MAIL_SENDER_NOTICE = (sender: string) =>
  `E-mails from the library are sent from ${sender}. ` +
  'If you limit the e-mails you receive (for example against spam), please allow e-mails from this address. ' +
  'If our e-mails do not reach you, you may miss the pickup deadline of a hold.';

/** The guide's "if the library's e-mail does not arrive", for the page that says the mail is on its way. */
export const MAIL_NOT_ARRIVING = {
  lead: 'If the e-mail "Please confirm your e-mail address" does not arrive, please check the following.',
  checks: (sender: string) => [
    'Is the e-mail address above typed correctly? If not, send "register email" in the LINE chat and apply ' +
      'again with the correct address (the link sent to the wrong address stops working, and nothing is registered).',
    "Was the library's e-mail deleted as spam automatically, or moved to a spam folder?",
    'Do you block e-mails (from computers, or from all but chosen domains)? ' +
      `If so, please allow e-mails from ${sender} (your mobile phone company can tell you how).`,
  ],
} as const;

/** Subjects and plain-text bodies; the HTML part is made from the same lines. */
export const mailText = {
  confirmationSubject: 'Please confirm your e-mail address',
  get confirmationLines(): string[] {
    return [
      `This is ${lib.name}.`,
      'We have received your request to register (change) your e-mail address.',
      'Open the link below and tap "Confirm" (確定) on the page it shows to register this e-mail address.',
      '* The address is not registered until you open the link and tap "Confirm".',
    ];
  },
  confirmationAfterLink: (p: { expiresAt: Date }) => [
    `This link works until ${formatDateTimeEn(p.expiresAt)} (Japan time), and only once.`,
    'If you did not ask for this, please delete this e-mail. The address will not be registered.',
  ],
  holdReadySubject: 'Your hold is ready for pickup',
  holdExpiredSubject: 'Your hold has been cancelled (pickup period over)',
  get signature(): string[] {
    return [lib.name, '* This e-mail is sent from a send-only address. We cannot answer replies.'];
  },
} as const;
