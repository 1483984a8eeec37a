// ISBN-13 check digits: whether a run of digits typed into the chat is a book's number.

/**
 * 13 digits beginning 978 or 979, with a correct ISBN-13 check digit. (An ISBN-10 is not told
 * apart from a 10-digit card number: one card number in eleven passes its check.)
 */
export function isIsbn13(s: string): boolean {
  if (!/^97[89]\d{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(s[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(s[12]);
}
