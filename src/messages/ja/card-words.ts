// The words of the chat's cards that are not sentences: a title's marks, alt texts, a button's echo.

export const cardWords = {
  /** What the patron's tap on 詳細を見る shows as their message. */
  detailDisplayText: (title: string) => `${title}の詳細`,
  /** A title inside a card's row. */
  quotedTitle: (title: string) => `『${title}』`,
  /** A labelled line of a mail or card text (受取期限：12月10日). */
  row: (label: string, value: string) => `${label}：${value}`,
  /** What the patron's tap on a wish-list entry's remove button shows as their message. */
  removeDisplayText: (title: string, button: string) => `${title}を${button}`,
  holdingsAltText: (title: string) => `${title}の所蔵`,
  marks: { kamishibai: '紙芝居', youngAdult: 'YA', largePrint: '大活字本' },
  publishedYear: (year: number) => `${year}年`,
  callNumber: (callNumber: string) => `請求記号 ${callNumber}`,
  reservationConfirmAltText: '予約確認',
  holdsAltText: (count: number) => `予約 ${count}件`,
  loansAltText: (count: number) => `貸出中 ${count}冊`,
};
