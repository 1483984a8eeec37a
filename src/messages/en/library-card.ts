// The library card (利用者カード) in LINE (docs/library-card.md): the barcode for the counter's scanner.

import { formatDateTimeEn } from './format.js';

export const libraryCard = {
  title: 'Library card (利用者カード)',
  holderLabel: 'Name',
  numberLabel: 'Card number',
  holder: (name: string) => name,
  /** Only ever given the masked number (domain/library-card.ts maskedCardNumber). */
  altText: (maskedNumber: string) => `Library card (${maskedNumber})`,
  brightness: 'Please turn up your screen brightness. The counter staff will scan this barcode.',
  validUntil: (until: Date) =>
    `This barcode can be shown until ${formatDateTimeEn(until)}. After that, please send "library card" again.`,
  needsLogin: 'Please log in to show the barcode of your library card (利用者カード).',
  unavailable:
    'We cannot show your library card barcode right now. At the counter, please show your plastic library card.',
  button: 'Library card',
} as const;
