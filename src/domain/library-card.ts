// The library card shown in LINE (docs/library-card.md): what the barcode encodes and how the
// number is written in text. Pure: the profile's start/stop letters come in as arguments.

/** NW-7 (Codabar) start/stop letters. */
export type CodabarGuard = 'A' | 'B' | 'C' | 'D';

/** How long a card image's address works: LINE fetches the image when the message is shown. */
export const CARD_IMAGE_MINUTES = 10;

/** Codabar's data characters (digits and - $ : / . +); a card number of any other character cannot be drawn. */
const CODABAR_DATA = /^[0-9\-$:/.+]{1,40}$/;

/**
 * What the counter's scanner must read: the card number between the library's start and stop
 * letters, as printed on its plastic cards. undefined: the number cannot be written in Codabar.
 */
export function codabarText(
  cardNumber: string,
  guards: { start: CodabarGuard; stop: CodabarGuard },
): string | undefined {
  return CODABAR_DATA.test(cardNumber) ? `${guards.start}${cardNumber}${guards.stop}` : undefined;
}

/** The card number in any text a patron or a log sees: all but its last 4 characters hidden (＊). */
export function maskedCardNumber(cardNumber: string): string {
  return cardNumber.length <= 4 ? '****' : '*'.repeat(cardNumber.length - 4) + cardNumber.slice(-4);
}
