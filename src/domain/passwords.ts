// Password policy (R-PW-1, R-PW-2, R-PW-4). Pure rules only: hashing and
// comparing live in the services, and randomness is passed in.

import { eligibleFromDate, mayHavePassword } from './eligibility.js';
import type { PatronFacts } from './eligibility.js';
import { compareDates, type IsoDate } from './dates.js';
import { refuse } from './refusals.js';
import type { Refusal } from './refusals.js';

/**
 * The profile's passwords. Kamagaya: initial 8 alphanumerics (R-PW-1), new ones 6 or more (R-PW-2).
 * The guide sets no maximum; Kamagaya's 64 leaves room for any passphrase a patron types and keeps
 * hashing cost bounded (a 1 MB "password" must not reach the hasher).
 */
export interface PasswordRules {
  initialLength: number;
  minLength: number;
  maxLength: number;
}

/**
 * The initial password is printed on a receipt and typed in by hand, often by
 * children, so characters that look alike in print are left out: 0/O/o and
 * 1/l/I. 56 characters remain, about 46 bits for 8 of them; still 英数字.
 */
export const INITIAL_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Bytes at or above this are rejected: it is the largest multiple of the alphabet size <= 256. */
const ACCEPT_BELOW = 256 - (256 % INITIAL_PASSWORD_ALPHABET.length);

/** A broken random source (e.g. always 0xff) must fail loudly, not loop forever. */
const MAX_DRAWS = 64;

/**
 * R-PW-1: a fresh initial password. Rejection sampling keeps every character
 * equally likely (taking byte % 56 would favour the first 32 characters).
 * `randomBytes` is crypto.randomBytes or crypto.getRandomValues in production.
 */
export function generateInitialPassword(
  randomBytes: (n: number) => Uint8Array,
  rules: Pick<PasswordRules, 'initialLength'>,
): string {
  const length = rules.initialLength;
  let out = '';
  for (let draw = 0; draw < MAX_DRAWS && out.length < length; draw++) {
    // Ask for a little more than needed: about 12.5% of bytes are rejected.
    const bytes = randomBytes(2 * length);
    for (const b of bytes) {
      if (b >= ACCEPT_BELOW) continue;
      out += INITIAL_PASSWORD_ALPHABET[b % INITIAL_PASSWORD_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  if (out.length < length) throw new Error('random source gave no usable bytes');
  return out;
}

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/**
 * R-PW-2: whether a new password may be set. Length is checked first and
 * alone for overlong input, so a huge string is refused without scanning it.
 * The confirmation is compared last: a patron who typed a password that is
 * not allowed should hear why, not that the two entries differ.
 */
export function newPasswordRefusal(
  pw: string,
  confirm: string | undefined,
  rules: Pick<PasswordRules, 'minLength' | 'maxLength'>,
): Refusal | null {
  if (pw.length > rules.maxLength) return refuse('PASSWORD_TOO_LONG', { max: rules.maxLength });
  if (pw.length < rules.minLength) return refuse('PASSWORD_TOO_SHORT', { min: rules.minLength });
  if (!ALPHANUMERIC.test(pw)) return refuse('PASSWORD_NOT_ALPHANUMERIC');
  if (confirm !== undefined && confirm !== pw) return refuse('PASSWORD_CONFIRMATION_MISMATCH');
  return null;
}

export type PasswordIssueChannel = 'counter' | 'online';

/**
 * R-PW-1 and R-PW-4: an initial password, first or after a forgotten one, is
 * issued only at a counter of the main library or a branch, to the patron in
 * person after an identity check. There is no online reset: the library cannot
 * read passwords, and nothing online proves who is asking.
 * Only patrons who may have a password at all get one (R-ELIG-5, 小学生以上).
 */
export function initialPasswordIssueRefusal(
  p: Pick<PatronFacts, 'birthDate' | 'disabilityService'>,
  req: { channel: PasswordIssueChannel; identityChecked: boolean },
  today: IsoDate,
  minSchoolYear: number,
): Refusal | null {
  if (req.channel !== 'counter') return refuse('PASSWORD_ISSUED_AT_COUNTER_ONLY');
  if (!mayHavePassword(p)) return refuse('DISABILITY_SERVICE');
  const eligibleFrom = eligibleFromDate(p.birthDate, minSchoolYear);
  if (eligibleFrom !== null && compareDates(today, eligibleFrom) < 0) {
    return refuse('NOT_ELEMENTARY_AGE', { eligibleFrom });
  }
  if (!req.identityChecked) return refuse('IDENTITY_NOT_CHECKED');
  return null;
}
