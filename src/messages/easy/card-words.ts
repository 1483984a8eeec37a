// The words of the chat's cards that are not sentences, in やさしい日本語.

export const cardWords = {
  detailDisplayText: (title: string) => `${title}の くわしい こと`,
  /** A title inside a card's row. */
  quotedTitle: (title: string) => `『${title}』`,
  /** A labelled line of a mail or card text (受取期限：12月10日). */
  row: (label: string, value: string) => `${label}：${value}`,
  /** What the patron's tap on a wish-list entry's remove button shows as their message. */
  removeDisplayText: (title: string, button: string) => `${title}を ${button}`,
  holdingsAltText: (title: string) => `${title}が ある 図書館（としょかん）`,
  marks: { kamishibai: '紙芝居（かみしばい）', youngAdult: 'YA', largePrint: '大活字本（だいかつじぼん）' },
  publishedYear: (year: number) => `${year}年（ねん）`,
  callNumber: (callNumber: string) => `請求記号（せいきゅうきごう） ${callNumber}`,
  reservationConfirmAltText: '予約（よやく）の かくにん',
  holdsAltText: (count: number) => `予約（よやく） ${count}けん`,
  loansAltText: (count: number) => `かりている 本（ほん） ${count}冊（さつ）`,
};
