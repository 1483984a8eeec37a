import { isIsbn13 } from '../domain/isbn.js';

const wordsOf = (text: string) => text.normalize('NFKC').trim().split(/\s+/);
/** A library card number: 8–14 digits, and not a book's ISBN-13 (searched for its title). */
const cardLike = (w: string) => /^\d{8,14}$/.test(w) && !isIsbn13(w);
/** A password: 6 or more printable ASCII characters, with both letters and digits (R-PW-1, R-PW-2). */
const passwordLike = (w: string) => /^[\x21-\x7e]{6,64}$/.test(w) && /[A-Za-z]/.test(w) && /\d/.test(w);

/**
 * Words that look like a card number sent with a password ("2000000008 Hn2c8Rw4"): a run of 8–14
 * digits (library card numbers) and, beside it, a word of 6 or more letters and digits that has
 * both. Such words are never searched (a search answer repeats its words) nor shown back.
 * A title search with a number (an ISBN and a Japanese title, a year) does not match: its other
 * words are not a mix of Latin letters and digits.
 */
export function looksLikeCredentials(text: string): boolean {
  const words = wordsOf(text);
  if (words.length < 2 || words.length > 4) return false;
  return words.some(cardLike) && words.some(passwordLike);
}

/**
 * Words with a part that may be a card number or a password on its own: a patron who sends the two
 * in separate messages, or within a sentence (カード番号は2000000001です). Searched all the same, as
 * an ISBN or a model name (iPhone15) may be meant, but a search that finds nothing does not show
 * them back.
 */
export function mayBeCredential(text: string): boolean {
  return text
    .normalize('NFKC')
    .split(/[^\x21-\x7e]+/)
    .some((w) => cardLike(w) || passwordLike(w));
}
