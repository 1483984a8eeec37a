// The password change and e-mail registration pages, in English.

import { capitalised, lib } from './library.js';

const START_AGAIN_EMAIL =
  'To register again, send "register email" in the LINE chat, or use "Go to the e-mail change page" below ' +
  'to start from the beginning.';

const CHECK_AND_SEND = 'If it is correct, press "Send".';

/** R-PW-2..4, R-MAIL-1..3, R-ELIG-4: the pages' titles, labels, notes and buttons. */
export const accountPages = {
  cardNumberLabel: 'Library card number',
  cardNumberHint: 'The number printed on your library card (利用者カード).',
  currentPasswordLabel: 'Password',
  currentPasswordHint: 'Your current password (the initial password, or the one you changed it to).',
  change: 'Change',
  send: 'Send',
  startOver: 'Start over',
  hiddenPassword: '(not shown, for your safety)',
  forgotTitle: 'If you have forgotten your password',
  forbidden: {
    title: 'This could not be accepted',
    body:
      'For your safety, we only accept what is sent from the form on this page. ' +
      'Sorry, please open the page again and start from the beginning.',
  },
  formExpired: {
    title: 'The form has expired',
    body:
      'More than 30 minutes have passed since you opened the page, so for your safety it was not accepted. ' +
      'Nothing has been changed. Sorry, please start again from the beginning.',
  },
  resultGone: {
    title: 'The result cannot be shown',
    body:
      'The result can be shown for 24 hours after you sent the form, and that time has passed, ' +
      'or the link is not correct. If the change was completed, it stays as it is. ' +
      'To make a change again, please start from the beginning.',
  },
  failed: {
    title: 'We cannot process this right now',
    body: 'Sorry, something went wrong while processing, so nothing has been changed. Please try again later.',
  },
  password: {
    title: 'Change password',
    lead: 'Enter your library card number, your current password and a new password, then press "Change".',
    get initialNote(): string {
      return (
        `You can keep using the initial password the library gave you (${lib.initialPasswordLength} letters ` +
        'and digits) until you change it.'
      );
    },
    newPasswordLabel: 'New password',
    get newPasswordHint(): string {
      return (
        `Use half-width letters and digits: at least ${lib.minPasswordLength} ` + `(up to ${lib.maxPasswordLength}).`
      );
    },
    newPasswordConfirmLabel: 'New password (again)',
    newPasswordConfirmHint: 'Please enter the same password again, to check it.',
    confirmTitle: 'Confirm password change',
    confirmLead: `Your password will be changed as follows. ${CHECK_AND_SEND}`,
    doneTitle: 'Password changed',
    again: 'Your password has already been changed. The same form was sent again, but the change was made only once.',
    done: [
      'Your password has been changed. Please use the new password from your next log-in.',
      'If you are logged in on LINE, you can go on using it as before.',
      'The library cannot see your password either. Please take care not to forget it.',
    ],
  },
  email: {
    title: 'Change e-mail address',
    lead:
      'Enter your library card number, password and e-mail address, choose the type of address, ' +
      'then press "Change".',
    emailLabel: 'E-mail address',
    emailHint: 'We send notices here, such as when a hold is ready for pickup.',
    emailTypeLabel: 'Type of address',
    emailTypes: { pc: 'Computer', mobile: 'Mobile phone' },
    emailTypeRequired: 'Please choose the type of address.',
    whoTitle: 'Who can register',
    get who(): string {
      return (
        `${capitalised(lib.people)} who live, work or study in ${lib.municipality} and have a password ` +
        'can register an address.'
      );
    },
    confirmTitle: 'Confirm e-mail address change',
    confirmLead: `The following e-mail address will be registered. ${CHECK_AND_SEND}`,
    doneTitle: 'E-mail address change sent',
    again:
      'We have already received this request. The same form was sent again, but we sent the confirmation ' +
      'e-mail only once.',
    done: (address: string) => [
      `We have sent an e-mail titled "Please confirm your e-mail address" to ${address}.`,
      'Open the link in the e-mail and press "Confirm" (確定) on the page it shows to finish registering. ' +
        'The link works for 24 hours.',
      'Until you press "Confirm", your previous e-mail address stays in use (if you had none, none is registered).',
    ],
    senderTitle: 'If the e-mail does not arrive',
    refusedTitle: 'Your e-mail address cannot be registered',
    refusedWayForward: 'If you have any questions, please ask at the library counter.',
  },
  emailConfirm: {
    title: 'Confirm e-mail address',
    lead: 'The following e-mail address will be registered. If it is correct, press "Confirm".',
    submit: 'Confirm',
    doneTitle: 'E-mail address registered',
    again: 'Your e-mail address is already registered. The same form was sent again, but it was registered only once.',
    done: [
      'Your e-mail address has been registered.',
      'You can now choose "E-mail" as the contact for holds. The library will send notices to this address.',
    ],
    toForm: 'Go to the e-mail change page',
    unknown: {
      title: 'This link cannot be used',
      body:
        'The link is not correct, or may have been cut off. Please open the whole link written in the e-mail. ' +
        START_AGAIN_EMAIL,
    },
    expired: {
      title: 'This link has expired',
      body:
        'The confirmation link works only for 24 hours after you apply. Your e-mail address has not been ' +
        `registered. ${START_AGAIN_EMAIL}`,
    },
    used: {
      title: 'This link has already been used',
      body:
        'Registration with this link is already complete, or a newer request has replaced it. ' +
        'For a new request, please use the link in the latest e-mail. ' +
        START_AGAIN_EMAIL,
    },
  },
} as const;
