// The words of the chat's cards that are not sentences, in English.

export const cardWords = {
  detailDisplayText: (title: string) => `Details: ${title}`,
  /** A title inside a card's row. */
  quotedTitle: (title: string) => title,
  holdingsAltText: (title: string) => `Copies of ${title}`,
  marks: { kamishibai: 'Kamishibai (紙芝居)', youngAdult: 'YA', largePrint: 'Large print (大活字本)' },
  publishedYear: (year: number) => `${year}`,
  callNumber: (callNumber: string) => `Call no. (請求記号) ${callNumber}`,
  reservationConfirmAltText: 'Check your hold (予約確認)',
  holdsAltText: (count: number) => `Holds (予約): ${count}`,
  loansAltText: (count: number) => `On loan (貸出中): ${count}`,
};
