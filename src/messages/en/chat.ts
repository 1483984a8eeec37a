// The conversation's own words in English: the greeting, the words that start a conversation,
// search and help, and the answers that open the patron pages.

import { branchName } from '../local-names.js';
import { formatDateEn } from './format.js';
import { capitalised, lib } from './library.js';
import { NO_CARD_YET } from './phrases.js';

export const botMessages = {
  get greeting(): string {
    return (
      `This is the LINE official account of ${lib.accountName}. Thank you for adding us as a friend.\n` +
      'Here you can search the catalog, place holds (予約), check your account, renew loans (延長) and cancel holds. ' +
      (lib.lineContact
        ? 'We will also tell you on LINE when a hold is ready for pickup.\n'
        : 'We will also remind you of the due dates of your loans.\n') +
      'Anyone can search the catalog. For holds and the other services, please log in with your ' +
      'library card (利用者カード) number and password. ' +
      NO_CARD_YET +
      ' Passwords are issued at the counter of the Main Library or a branch library.'
    );
  },
  holdReady: (p: { title: string; branchName: string; deadline: string }) =>
    `Your hold is ready for pickup (受取り可).\n"${p.title}"\nPickup branch (受取館): ${branchName(p.branchName)}\n` +
    `Pick up by: ${formatDateEn(p.deadline)}\nPlease bring your library card (利用者カード) and come by that date.`,
  holdExpired: (p: { branchName: string }) =>
    `The item we were keeping for you at ${branchName(p.branchName)} was not picked up by the deadline, ` +
    'so the hold has been cancelled. If you still want it, please place a new hold.',
} as const;

/**
 * Typed words (and rich-menu taps) that start a conversation. The router compares them exactly
 * (after NFKC), so the capitalised forms a phone's keyboard makes are listed too.
 */
export const KEYWORDS = {
  search: ['search', 'Search', 'catalog search', 'Catalog search'],
  status: ['my account', 'My account', 'status', 'Status'],
  login: ['log in', 'Log in', 'login', 'Login'],
  logout: ['log out', 'Log out', 'logout', 'Logout'],
  passwordChange: ['change password', 'Change password'],
  emailRegistration: ['register email', 'Register email', 'register e-mail', 'Register e-mail'],
  services: ['other services', 'Other services', 'account services', 'Account services'],
  help: ['help', 'Help', 'HELP'],
  stop: ['stop', 'Stop', 'cancel', 'Cancel'],
  renewAll: ['renew all', 'Renew all'],
  reminders: ['notification settings', 'Notification settings', 'reminder settings', 'Reminder settings'],
  libraryCard: ['library card', 'Library card'],
  addFamilyCard: ['add family card', 'Add family card'],
  switchCard: ['switch card', 'Switch card'],
  unlinkCard: ['unlink card', 'Unlink card'],
  language: ['Language', 'language', 'languages'],
} as const;

/**
 * While a question waits, these mean "stop" as well (matched folded: lower case, no spaces).
 * Only then: with nothing in progress they are searched, as a title may be just these words.
 */
export const STOP_WHILE_WAITING = [
  'stop',
  'cancel',
  'quit',
  'never mind',
  'nevermind',
  'forget it',
  'stop the hold',
  'cancel the hold',
  'cancel hold',
  'cancel reservation',
  'cancel the reservation',
  "don't reserve",
  'do not reserve',
  'no thanks',
  'no thank you',
] as const;

/** Typed answers that count as a tap on a choice (a question with buttons is waiting). */
export const CHOICE_WORDS = {
  contact: {
    none: ['No notice', 'no notice', 'none', 'no contact', 'not needed', 'no need'],
    email: ['E-mail', 'email', 'mail', 'by email', 'by e-mail'],
    line: ['LINE', 'line', 'by LINE'],
  },
  yes: ['yes', 'send', 'ok', 'okay', 'sure', 'yes please'],
  no: ['no'],
  /** What may follow a typed choice (email, please / LINE is fine), longest first. */
  endings: [' thank you', ', please', ' is fine', ' please', ' thanks', ' is ok'],
} as const;

/** Conversation wording: search, help, and the words on buttons. */
export const chat = {
  get help(): string {
    return helpLines().join('\n');
  },
  searchGuide:
    'Please send the title, author, publisher or other words of what you are looking for.\n' +
    'To search one field, start with "title:", "author:", "publisher:" or "class:" ' +
    '(e.g. author:Miyabe class:913). You can also choose with the buttons below.',
  askField: (fieldLabel: string) => `Please type the ${fieldLabel.toLowerCase()} to search for.`,
  fieldLabels: { title: 'Title', author: 'Author', publisher: 'Publisher', classification: 'Class number' } as Record<
    string,
    string
  >,
  /** `q` null: the words may be a card number or a password, so they are not shown back. */
  noHits: (q: string | null, close: readonly string[] = []) =>
    [
      q === null
        ? 'Nothing in the catalog matches the words you sent.\n' +
          'They look like a library card number or a password, so we do not show them here. ' +
          'Please never send your password in the chat. You log in on the library page that ' +
          '"Log in" opens (if you have sent it, please change it with "Change password").\n' +
          'If you are looking for an item, please try the following.'
        : `Nothing in the catalog matches "${q}". Please try the following.`,
      ...(close.length > 0
        ? [`- Did you mean: ${close.map((t) => `"${t}"`).join(', ')} (search them with the buttons below)`]
        : []),
      '- Use fewer words (part of the title only, the author only, etc.)',
      '- Try other words (another spelling, or the Japanese title in hiragana, katakana or kanji)',
      '- Search one field ("title:…", "author:…")',
      'You can also choose a field under "Search" below. For how to use this account, see "Help".',
    ].join('\n'),
  emptyQuery: 'Please type the words to search for.',
  resultHeader: (q: string, total: number, capped: boolean, from: number, to: number) =>
    `Results for "${q}": ${capped ? '1000 or more' : total} (${from}–${to})\n` +
    'Choose an item to see which libraries hold it and whether it is on loan.',
  /** After the results of "reserve …" that found several titles. */
  reserveWhich: 'Please tap "Reserve" on the item you want to place a hold (予約) on.',
  tooMany: '1000 or more items were found. Please add words, or narrow the search with "title:", "author:" etc.',
  titleNotFound: 'We could not find this item. Please search again.',
  holdCount: (n: number) => `Holds (予約): ${n}`,
  notReservable: (reason: string) => `This item cannot be reserved (予約). ${reason}`,
  /** Said once per result list instead of a Reserve button on every card (R-ELIG-2). */
  reserveNotOffered: (reason: string) =>
    `The library card you are logged in with cannot place holds, so "Reserve" is not shown. ${reason}`,
  expired: 'This action has timed out. Sorry, please start again from the beginning, using the menu below.',
  unknownInput:
    'Sorry, we did not understand. Send a title or other words to search the catalog. ' +
    'For how to use this account, see "Help".',
  comingSoon: 'This service is not ready yet. Please use the library website or ask at the counter.',
  buttons: {
    detail: 'Details',
    next: 'Next 10',
    prev: 'Previous 10',
    search: 'Search',
    help: 'Help',
    reserve: 'Reserve',
    byTitle: 'By title',
    byAuthor: 'By author',
    byPublisher: 'By publisher',
    kamishibai: 'Find kamishibai',
    ya: 'YA (teens)',
  },
} as const;

/** The chat's answers to Change password, Register email and Other services: buttons that open the pages. */
export const pagesChat = {
  get password(): string {
    return (
      'You change your password on the library page. ' +
      'Tap "Change password" below to open it, then enter your library card (利用者カード) number, your current ' +
      `password and a new password (at least ${lib.minPasswordLength} letters and digits).\n` +
      '(Please do not type your password in the LINE chat.)'
    );
  },
  get email(): string {
    return (
      'You register your e-mail address on the library page. Tap "Register email" below to open it. ' +
      'After registering, open the link in the e-mail we send you and tap "Confirm" (確定); ' +
      'you can then choose "E-mail" as the way we contact you about holds. ' +
      'If the e-mail does not arrive, please check the address for typing mistakes and your spam settings, ' +
      'then apply again with the correct address.\n' +
      `(For ${lib.people} who live, work or study in the city.)`
    );
  },
  menu:
    'Other services\n' +
    'You change your password and register your e-mail address on the library page. Please choose below.',
  /** Register email from a card that may not register one (R-ELIG-4): why, no button. */
  emailRefused: (reason: string) =>
    `The library card you are logged in with cannot register an e-mail address.\n${reason}`,
  /** Other services for that card: the password page only, and why not the e-mail one. */
  menuNoEmail: (reason: string) =>
    'Other services\n' +
    'You change your password on the library page. Please use the button below.\n' +
    `The library card you are logged in with cannot register an e-mail address. ${reason}`,
  buttons: { password: 'Change password', email: 'Register email' },
} as const;

/** Help: what the account does, with the library's own name, limits and periods. */
function helpLines(): string[] {
  return [
    `[What you can do with ${lib.name} on LINE]`,
    '■ Catalog search: open to everyone. Send a title, author or other words to search. ' +
      'You can also search one field, e.g. "author:Natsume", "publisher:Shinchosha" or "class:C" (kamishibai).',
    '■ Holds (予約), checking your account, renewing loans (延長) and cancelling holds: ' +
      'please log in with your library card (利用者カード) number and password' +
      `${lib.ageRule ? ` (for ${lib.people})` : ''}. ` +
      NO_CARD_YET +
      ' Passwords are issued at the counter of the Main Library or a branch library: please bring your ' +
      'library card and an ID document (本人確認書類).',
    `■ Holds: ${capitalised(lib.holdLimitRule)}.` +
      (lib.holdsWait
        ? ' A hold placed on LINE is first "requested" (依頼中) and becomes an official hold on the morning ' +
          'of the next opening day.'
        : ''),
    `■ Items ready for you are kept at your pickup branch (受取館) for ${lib.shelfPeriod}.`,
    '■ Library card: while logged in, send "library card" to show a barcode the counter can scan.',
    '■ Family cards: while logged in, send "add family card" to add a family member\'s card with that card\'s own ' +
      'password (up to 6 cards).',
    '■ Language: send "Language" to switch to Japanese or Easy Japanese.',
    '■ Search kamishibai with "class:C" (their call numbers start with "P"). ' +
      'Items with "YA" in the call number are for junior high and high school students.',
    '■ Audio-visual materials (CDs, DVDs, etc.), library-use-only items and the latest issue of a magazine ' +
      'cannot be reserved.',
  ];
}
