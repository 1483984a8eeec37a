import { refuse, type Refusal } from './refusals.js';

/** R-MAIL-1: an address is registered with its type, PC or mobile (携帯). */
export type EmailType = 'pc' | 'mobile';

const MAX_ADDRESS = 254;
// Deliberately plain: one @, a dot in the domain, no spaces. Japanese carriers' historical
// addresses with consecutive dots in the local part (e.g. "taro..x@docomo.ne.jp") stay accepted.
const SHAPE =
  /^[^\s@"<>()[\],;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function emailAddressRefusal(address: string): Refusal | null {
  if (address.length > MAX_ADDRESS || !SHAPE.test(address)) return refuse('EMAIL_ADDRESS_INVALID');
  return null;
}
