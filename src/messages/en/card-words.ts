// The words of the chat's cards that are not sentences, in English.

export const cardWords = {
  detailDisplayText: (title: string) => `Details: ${title}`,
  /** A title inside a card's row. */
  quotedTitle: (title: string) => title,
  /** A labelled line of a mail or card text (受取期限：12月10日). */
  row: (label: string, value: string) => `${label}: ${value}`,
  /** What the patron's tap on a wish-list entry's remove button shows as their message. */
  removeDisplayText: (title: string, button: string) => `${button}: ${title}`,
  holdingsAltText: (title: string) => `Copies of ${title}`,
  marks: { kamishibai: 'Kamishibai (紙芝居)', youngAdult: 'YA', largePrint: 'Large print (大活字本)' },
  publishedYear: (year: number) => `${year}`,
  callNumber: (callNumber: string) => `Call no. (請求記号) ${callNumber}`,
  reservationConfirmAltText: 'Check your hold (予約確認)',
  holdsAltText: (count: number) => `Holds (予約): ${count}`,
  loansAltText: (count: number) => `On loan (貸出中): ${count}`,
};
