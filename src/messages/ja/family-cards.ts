// Family cards (docs/family-cards.md): one LINE account manages the household's cards.

export const familyCards = {
  /** How a card holder is called: the given name (domain/family-cards.ts) and さん. */
  holder: (name: string) => `${name}さん`,
  /** A quick reply and button label per card (LINE: 20 characters at most, so the name is cut). */
  cardButton: (holder: string) => `${holder}のカード`,
  addButton: '家族のカードを追加',
  unlinkAllButton: 'すべてのカード',
  addLead: '追加するご家族の利用者カードの番号とパスワードで、ログインしてください。',
  added: (holder: string) =>
    `${holder}のカードを追加しました。いまは${holder}のカードで手続きします。` +
    'ほかのカードに切り替えるときは、下のボタンを押してください。',
  /** A first line of every confirmation when the LINE account has several cards. */
  actingFor: (holder: string) => `${holder}のカードで手続きします。`,
  reservingFor: (holder: string) => `${holder}のカードで予約します。`,
  active: (holder: string) => `いまは${holder}のカードで手続きします。`,
  switched: (holder: string) => `${holder}のカードに切り替えました。`,
  chooseCard: 'どのカードで手続きしますか？',
  unlinkQuestion: '登録を解除するカードを選んでください。ログアウトすると、すべてのカードの登録が解除されます。',
  unlinked: (holder: string) => `${holder}のカードの登録を解除しました。`,
  unlinkedAll: 'すべてのカードの登録を解除しました（ログアウトしました）。',
  statusHeader: (cards: number) => `ご家族のご利用状況（カード${cards}枚）`,
  holderLine: (holder: string, loans: number, holds: number) => `■ ${holder}：貸出中 ${loans}冊／予約 ${holds}件`,
  holderRefused: (holder: string, reason: string) => `■ ${holder}：${reason}`,
  activeMark: '（手続き中のカード）',
  /** Loans and holds that do not fit in one answer (LINE sends five messages at most). */
  moreElsewhere: 'ほかの資料は、カードを切り替えてから「ご利用状況」でご覧ください。',
  cardHeading: (holder: string, heading: string) => `${holder}｜${heading}`,
  /** Above a notice when the LINE account has several cards: whose card it is about. */
  noticeFor: (holder: string) => `${holder}のカードのお知らせ`,
  noticeAltText: (label: string, altText: string) => `${label}：${altText}`,
  cardMovedAlt: '利用者カードの登録が解除されました',
  cardMoved: (holder: string) =>
    `${holder}の利用者カードが、別のLINEアカウントから登録されました。` +
    'そのため、このLINEアカウントでのこのカードの登録は解除されました。' +
    'お心当たりがない場合は、パスワードを変更し、図書館にお問い合わせください。',
} as const;
