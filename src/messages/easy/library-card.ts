// 利用者カード in LINE (docs/library-card.md): the card's barcode for the counter's scanner.

import { formatDateTimeEasy } from './format.js';

export const libraryCard = {
  title: '利用者（りようしゃ）カード',
  holderLabel: '名前（なまえ）',
  numberLabel: 'カードの 番号（ばんごう）',
  holder: (name: string) => `${name} さん`,
  /** Only ever given the masked number (domain/library-card.ts maskedCardNumber). */
  altText: (maskedNumber: string) => `利用者（りようしゃ）カード（${maskedNumber}）`,
  brightness: '画面（がめん）を 明（あか）るく して ください。カウンターで この バーコードを 読（よ）みます。',
  validUntil: (until: Date) =>
    `この バーコードは ${formatDateTimeEasy(until)}まで 見（み）せられます。` +
    'その あとは、もう 一度（いちど）「利用者（りようしゃ）カード」と 送（おく）って ください。',
  needsLogin: '利用者（りようしゃ）カードの バーコードを 出（だ）すには、ログインが いります。',
  unavailable:
    'いまは 利用者（りようしゃ）カードの バーコードを 出（だ）せません。' +
    'カウンターでは、もっている 利用者（りようしゃ）カードを 見（み）せて ください。',
  button: '利用者（りようしゃ）カード',
} as const;
