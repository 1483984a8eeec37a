// Reasons a patron's request is refused. A refusal is a value, not an exception:
// the domain says which rule said no, messages/ja/ says it in Japanese, and only
// the HTTP edge decides on status codes. Errors that are not the patron's doing
// (a misconfigured calendar, an impossible state change) are thrown instead.

import { HOLD_SERVICE_REFUSAL_CODES } from './hold-service-refusals.js';

export const REFUSAL_CODES = [
  // Who may use what (R-ELIG)
  'NOT_ELEMENTARY_AGE',
  'NO_PASSWORD',
  'DISABILITY_SERVICE',
  'NOT_RESIDENT',
  // What may be reserved (R-RES-1)
  'NOT_RESERVABLE_AV',
  'NOT_RESERVABLE_IN_LIBRARY_ONLY',
  'NOT_RESERVABLE_LATEST_ISSUE',
  'NOT_RESERVABLE_NO_COPIES',
  // Placing a hold (R-RES-2, R-RES-5, R-RES-6, decided rules)
  'HOLD_LIMIT_REACHED',
  'ALREADY_HOLDING_TITLE',
  'TITLE_ON_LOAN_TO_PATRON',
  'PICKUP_BRANCH_UNKNOWN',
  'EMAIL_CONTACT_NEEDS_CONFIRMED_EMAIL',
  'LINE_CONTACT_NEEDS_LINKED_ACCOUNT',
  'CONTACT_METHOD_NOT_OFFERED',
  // Renewal (R-LOAN-4)
  'NOT_RENEWABLE_OVERDUE',
  'NOT_RENEWABLE_HELD_FOR_OTHERS',
  'NOT_RENEWABLE_AV',
  'NOT_RENEWABLE_ALREADY_RENEWED',
  'NOT_RENEWABLE_MATERIAL',
  // Renewing would not move the due date (R-LOAN-6)
  'NOT_RENEWABLE_NOT_YET',
  // Cancelling (R-CAN-2)
  'HOLD_NOT_CANCELLABLE_READY',
  'HOLD_NOT_ACTIVE',
  // 読みたいリスト (R-WISH-1)
  'ALREADY_ON_WISH_LIST',
  'WISH_LIST_FULL',
  // Passwords (R-PW-1, R-PW-2, R-PW-4)
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_NOT_ALPHANUMERIC',
  'PASSWORD_CONFIRMATION_MISMATCH',
  'PASSWORD_ISSUED_AT_COUNTER_ONLY',
  'IDENTITY_NOT_CHECKED',
  // Counter work on copies (checkout, trapping)
  'ITEM_NOT_AVAILABLE',
  'ITEM_TRAPPED_FOR_OTHER_PATRON',
  'ITEM_ALREADY_ON_LOAN',
  // Signing in with card number and password (the same answer for every cause)
  'CREDENTIALS_INVALID',
  // Family cards: one LINE user links at most FAMILY_CARD_LIMIT cards (docs/family-cards.md)
  'FAMILY_CARD_LIMIT',
  // E-mail address registration (R-MAIL-1)
  'EMAIL_ADDRESS_INVALID',
  // Pickup change, suspension, 不要日 (R-RES-10..12: hold-service-refusals.ts)
  ...HOLD_SERVICE_REFUSAL_CODES,
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** Values a message needs (branchName, phone, limit, dueDate ...); never secrets. */
  params?: Record<string, string | number>;
}

export function refuse(code: RefusalCode, params?: Record<string, string | number>): Refusal {
  return params === undefined ? { code } : { code, params };
}

const CODE_SET: ReadonlySet<string> = new Set(REFUSAL_CODES);

/** For values read back from storage or postback data. */
export function isRefusalCode(s: string): s is RefusalCode {
  return CODE_SET.has(s);
}
