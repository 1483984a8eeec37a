// Refusals in English. Every sentence says why, then what the patron can do instead; the guide's
// Japanese term follows in brackets where the counter staff will hear it. A sentence must read
// well even when a param is missing: never "undefined" or a raw {placeholder}.

import { isRefusalCode, type Refusal, type RefusalCode } from '../../domain/refusals.js';
import { branchName } from '../local-names.js';
import { formatDateEn } from './format.js';
import { HOLD_SERVICE_REFUSALS } from './hold-services.js';
import { holdLimitRuleFor, lib } from './library.js';
import { AT_COUNTER_WITH_ID, atCounterWithId } from './phrases.js';

type Params = Readonly<Record<string, string | number>>;

function text(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function dateParam(p: Params, key: string): string | undefined {
  const s = text(p, key);
  return s === undefined ? undefined : formatDateEn(s);
}

const due = (d: string | undefined) => (d === undefined ? '' : ` (${d})`);
const items = (n: string) => (n === '1' ? '1 item' : `${n} items`);
const RETURN_BY_DUE = 'Please return it by the due date.';
const RETURN_THEM_BY_DUE = 'Please return them by the due date.';

const MESSAGES: Record<RefusalCode, (p: Params) => string> = {
  ...HOLD_SERVICE_REFUSALS,
  NOT_ELEMENTARY_AGE: (p) => {
    const from = dateParam(p, 'eligibleFrom');
    const when =
      lib.minSchoolYear === 1
        ? from === undefined
          ? 'once you start elementary school'
          : `from ${from}, when you start elementary school`
        : from === undefined
          ? 'once you reach that school year'
          : `from ${from}, when you reach that school year`;
    return (
      'Online services such as holds (予約) and checking your account are for people ' +
      `${lib.ageRule}. Please use them ${when}. Anyone can search the catalog.`
    );
  },
  NO_PASSWORD: () =>
    'You do not have a password yet, so you cannot use this service. ' +
    `${AT_COUNTER_WITH_ID}apply for a password. We will give you an initial password ` +
    `(${lib.initialPasswordLength} letters and digits) on a receipt.`,
  DISABILITY_SERVICE: () =>
    'Users of the services for people with disabilities (障がい者サービス) cannot register a password, so holds, ' +
    'checking your account and renewals are not available online or on LINE. ' +
    'Please ask at the library counter or by phone. You can still search the catalog.',
  NOT_RESIDENT: () =>
    `Holds (予約) and e-mail registration are for people who live, work or study in ${lib.municipality}. ` +
    'If you work or study in the city, please bring something that shows it (staff ID, student ID, etc.) and ' +
    'your library card (利用者カード) to the counter. You can still check your account and renew loans (延長).',
  NOT_RESERVABLE_AV: () =>
    'Audio-visual materials (CDs, DVDs, videotapes, cassette tapes) cannot be reserved (予約). ' +
    'Please borrow them at the library that has them, when they are on the shelf.',
  NOT_RESERVABLE_IN_LIBRARY_ONLY: () =>
    'This item is for library use only (館内閲覧のみ), so it cannot be reserved or borrowed. ' +
    'Please read it in the library that has it.',
  NOT_RESERVABLE_LATEST_ISSUE: () =>
    'The latest issue of a magazine cannot be reserved (予約); you can read it in the library. ' +
    'Please place a hold after the next issue comes out.',
  NOT_RESERVABLE_NO_COPIES: () =>
    `${lib.name} has no copy of this item, so it cannot be reserved (予約). ` +
    'If you would like it, please ask at the library counter.',
  HOLD_LIMIT_REACHED: (p) => {
    const limit = text(p, 'limit') ?? String(lib.holdLimit);
    return (
      `You can have ${holdLimitRuleFor(limit).replace(' on hold ', ' on hold (予約) ')}. ` +
      `Please place a new hold once you have fewer than ${items(limit)} on hold, after picking up or cancelling one.`
    );
  },
  ALREADY_HOLDING_TITLE: () => 'You already have a hold (予約) on this item. You can check its status in "My account".',
  TITLE_ON_LOAN_TO_PATRON: (p) => {
    const onLoan = 'You have this item on loan (貸出) now, so you cannot reserve it.';
    const renewal = text(p, 'renewal');
    if (renewal === 'possible')
      return `${onLoan} If you want to keep it longer, you can renew (延長) it with "Renew" in "My account".`;
    if (renewal?.startsWith('NOT_RENEWABLE_') && isRefusalCode(renewal)) return `${onLoan} ${MESSAGES[renewal](p)}`;
    return `${onLoan} You can see in "My account" whether it can be renewed (延長).`;
  },
  PICKUP_BRANCH_UNKNOWN: () =>
    'We could not recognise the pickup branch (受取館). Sorry, please choose one of the libraries shown again.',
  EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL: () =>
    '"E-mail" can be chosen only once your e-mail address is registered and confirmed (確定). ' +
    'Please choose "No notice", or first register your address and confirm it with the link in the e-mail we send.',
  CONTACT_METHOD_NOT_OFFERED: () =>
    'This library does not offer this way of contacting you. Please choose one of the ways shown.',
  LINE_CONTACT_NEEDS_LINKED_ACCOUNT: () =>
    '"LINE" can be chosen only once your LINE account is linked to your library card (利用者カード). ' +
    'Please choose "No notice" or "E-mail", or first link your library card.',
  NOT_RENEWABLE_OVERDUE: (p) => {
    const due = dateParam(p, 'dueDate');
    const what = due === undefined ? 'An item past its due date' : `An item past its due date (${due})`;
    return `${what} cannot be renewed (延長). Please return it to the library as soon as possible.`;
  },
  NOT_RENEWABLE_HELD_FOR_OTHERS: () =>
    `Someone else has reserved (予約) this item, so it cannot be renewed (延長). ${RETURN_BY_DUE}`,
  NOT_RENEWABLE_AV: () =>
    'Audio-visual materials (CDs, DVDs, videotapes, cassette tapes) cannot be renewed (延長). ' + RETURN_THEM_BY_DUE,
  NOT_RENEWABLE_ALREADY_RENEWED: () =>
    lib.renewalTimes === 0
      ? `Loans cannot be renewed (延長). ${RETURN_BY_DUE}`
      : `A loan can be renewed (延長) ${lib.renewalTimes === 1 ? 'once' : `${lib.renewalTimes} times`}. ` +
        `This item has already been renewed, so please return it by the due date.`,
  NOT_RENEWABLE_MATERIAL: () => `This kind of item cannot be renewed (延長). ${RETURN_BY_DUE}`,
  NOT_RENEWABLE_NOT_YET: (p) =>
    `Renewing today would not change your due date${due(dateParam(p, 'dueDate'))}, ` +
    'so we do not accept it today, to save your renewal. ' +
    `If you renew ${dateParam(p, 'from') ? `on ${dateParam(p, 'from')} or later` : 'from tomorrow on'}, ` +
    `the new due date will be ${lib.renewalPeriod}.`,
  HOLD_NOT_CANCELLABLE_READY: (p) => {
    const name = text(p, 'branchName');
    const branch = name === undefined ? 'your pickup branch (受取館)' : branchName(name);
    const phone = text(p, 'phone');
    const whom = phone === undefined ? branch : `${branch} at ${phone}`;
    return (
      'A hold that is ready for pickup (受取り可) cannot be cancelled on LINE or online. ' +
      `Sorry, to cancel it please phone ${whom}.`
    );
  },
  HOLD_NOT_ACTIVE: () =>
    'This hold has already ended (picked up, cancelled, or its pickup period is over), so it cannot be cancelled. ' +
    'Please check its latest status in "My account".',
  ALREADY_ON_WISH_LIST: () => 'This item is already on your wish list. Send "wish list" to see the list.',
  WISH_LIST_FULL: (p) =>
    `Your wish list can hold up to ${text(p, 'cap') ?? '100'} items. ` +
    'Please remove items you have read or no longer need from "wish list", then add it again.',
  PASSWORD_TOO_SHORT: (p) =>
    `The password is too short. Please use at least ${text(p, 'min') ?? lib.minPasswordLength} letters and digits.`,
  PASSWORD_TOO_LONG: (p) =>
    `The password is too long. Please use at most ${text(p, 'max') ?? lib.maxPasswordLength} letters and digits.`,
  PASSWORD_NOT_ALPHANUMERIC: () =>
    'A password may contain only half-width letters and digits. ' +
    'Please do not use symbols, spaces or full-width characters.',
  PASSWORD_CONFIRMATION_MISMATCH: () =>
    'The two passwords you entered do not match. Please enter the same password again.',
  PASSWORD_ISSUED_AT_COUNTER_ONLY: () =>
    'The library cannot see your password, so it cannot be reissued online or on LINE. ' +
    `${AT_COUNTER_WITH_ID}apply for a new one. We will issue a new initial password.`,
  IDENTITY_NOT_CHECKED: () =>
    'We need to check your identity before issuing a password. ' +
    'Please show an ID document (本人確認書類: driving licence, health insurance card, student ID, etc.) ' +
    'together with your library card (利用者カード).',
  ITEM_NOT_AVAILABLE: () => 'This item cannot be lent at the moment. Please ask at the counter for details.',
  ITEM_TRAPPED_FOR_OTHER_PATRON: () =>
    'This item is being kept for someone else who reserved it, so it cannot be lent. ' +
    'If you would like it, please place a hold (予約).',
  ITEM_ALREADY_ON_LOAN: () =>
    'This item is already on loan (貸出中). If you would like it, please place a hold (予約).',
  EMAIL_ADDRESS_INVALID: () =>
    'The e-mail address is not valid. Please enter it in half-width characters, including the "@".',
  // One sentence for an unknown card, a wrong password and a locked card (login enumeration).
  FAMILY_CARD_LIMIT: (p) =>
    `One LINE account can link up to ${text(p, 'limit') ?? '6'} library cards (利用者カード). ` +
    'To add another card, first unlink one with "unlink card" (カードの登録解除).',
  CREDENTIALS_INVALID: () =>
    'The library card (利用者カード) number or the password is wrong, or the card cannot be used for a while. ' +
    'Please check what you entered and try again. After repeated mistakes you cannot log in for 30 minutes. ' +
    `If you have forgotten your password, ${atCounterWithId()}apply for a new password.`,
};

/** The patron-facing sentence for a refusal. */
export function refusalMessage(r: Refusal): string {
  return MESSAGES[r.code](r.params ?? {});
}
