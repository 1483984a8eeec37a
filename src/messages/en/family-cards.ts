// Family cards (docs/family-cards.md): one LINE account manages the household's cards.

export const familyCards = {
  holder: (name: string) => name,
  cardButton: (holder: string) => `${holder}'s card`,
  addButton: 'Add family card',
  unlinkAllButton: 'All cards',
  addLead: 'Log in with the number and password of the family member’s library card (利用者カード) to add.',
  added: (holder: string) =>
    `${holder}'s card was added. You are now using ${holder}'s card. ` +
    'To switch to another card, tap a button below.',
  actingFor: (holder: string) => `Using ${holder}'s card.`,
  reservingFor: (holder: string) => `Reserving with ${holder}'s card.`,
  active: (holder: string) => `You are using ${holder}'s card.`,
  switched: (holder: string) => `Switched to ${holder}'s card.`,
  chooseCard: 'Which card do you want to use?',
  unlinkQuestion: 'Choose the card to unlink. Logging out (ログアウト) unlinks every card.',
  unlinked: (holder: string) => `${holder}'s card was unlinked.`,
  unlinkedAll: 'All cards were unlinked (you are logged out).',
  statusHeader: (cards: number) => `Your family's account (${cards} cards)`,
  holderLine: (holder: string, loans: number, holds: number) => `■ ${holder}: ${loans} on loan / ${holds} on hold`,
  holderRefused: (holder: string, reason: string) => `■ ${holder}: ${reason}`,
  activeMark: ' (card in use)',
  moreElsewhere: 'To see the other items, switch cards and open "My account" (ご利用状況).',
  cardHeading: (holder: string, heading: string) => `${holder} | ${heading}`,
  noticeFor: (holder: string) => `For ${holder}'s card`,
  noticeAltText: (label: string, altText: string) => `${label}: ${altText}`,
  cardMovedAlt: 'A library card was unlinked',
  cardMoved: (holder: string) =>
    `${holder}'s library card (利用者カード) was linked from another LINE account, ` +
    'so it is no longer linked to this LINE account. ' +
    'If you did not expect this, change the password and contact the library.',
} as const;
