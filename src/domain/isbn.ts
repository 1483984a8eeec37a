import { parse } from 'isbn3';

/**
 * The 13-digit form of an ISBN written as a library record or a patron gives it: ISBN-10 or
 * ISBN-13, with or without hyphens or spaces, full-width digits, an `ISBN` before it; undefined
 * for anything that is no valid ISBN (wrong check digit, a range no agency assigned). isbn3
 * checks the check digit and the group and publisher ranges, and converts 10 to 13 digits, so
 * both forms of one book meet in one key.
 */
export function isbn13Of(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const bare = text
    .normalize('NFKC')
    .replace(/^\s*isbn\s*(?:-1[03])?\s*:?\s*/i, '')
    .replace(/[\s\-‐‑‒–—−ー]/g, '');
  // A quick shape test first: most words are not ISBNs, and parse() is not free.
  if (!/^(?:\d{9}[\dXx]|\d{13})$/.test(bare)) return undefined;
  return parse(bare.toUpperCase())?.isbn13 ?? undefined;
}

/**
 * Whether a run of digits typed into the chat is a book's ISBN-13 (978/979, a valid check digit
 * and range). An ISBN-10 is not told apart from a 10-digit card number: one card number in
 * eleven passes its check.
 */
export function isIsbn13(s: string): boolean {
  return /^97[89]\d{10}$/.test(s) && isbn13Of(s) === s;
}
