/**
 * Words that look like a card number sent with a password ("2000000008 Hn2c8Rw4"): a run of 8–14
 * digits (library card numbers) and, beside it, a word of 6 or more letters and digits that has
 * both. Such words are never searched (a search answer repeats its words) nor shown back.
 * A title search with a number (an ISBN and a Japanese title, a year) does not match: its other
 * words are not a mix of Latin letters and digits.
 */
export function looksLikeCredentials(text: string): boolean {
  const words = text.normalize('NFKC').trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  const card = words.some((w) => /^\d{8,14}$/.test(w));
  const password = words.some((w) => /^[\x21-\x7e]{6,64}$/.test(w) && /[A-Za-z]/.test(w) && /\d/.test(w));
  return card && password;
}
