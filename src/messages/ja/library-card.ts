// 利用者カード in LINE (docs/library-card.md): the card's barcode for the counter's scanner.

import { formatDateTimeJa } from './format.js';

export const libraryCard = {
  title: '利用者カード',
  holderLabel: 'お名前',
  numberLabel: 'カード番号',
  holder: (name: string) => `${name} さん`,
  /** Only ever given the masked number (domain/library-card.ts maskedCardNumber). */
  altText: (maskedNumber: string) => `利用者カード（${maskedNumber}）`,
  brightness: '画面を明るくしてください。カウンターでこのバーコードを読み取ります。',
  validUntil: (until: Date) =>
    `このバーコードは${formatDateTimeJa(until)}まで表示できます。その後は、もう一度「利用者カード」と送ってください。`,
  needsLogin: '利用者カードのバーコードを表示するには、ログインが必要です。',
  unavailable:
    'ただいま利用者カードのバーコードを表示できません。カウンターでは、お手持ちの利用者カードをお見せください。',
  button: '利用者カード',
} as const;
