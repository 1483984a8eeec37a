// THE table of patron-facing Japanese: refusals, hold states, the chat, notices, mails and pages.
// Wording follows the library's own guide (利用者カード, 本人確認書類, 受取館, 受取り可 ...).
// Each area has its own file; this one gathers them into `ja`, whose shape is the type every
// other language's table must have (../table.ts), and re-exports the named pieces callers use.

import { cardWords } from './card-words.js';
import { languageChoice } from './language.js';
import { accountPages } from './account-pages.js';
import { botMessages, CHOICE_WORDS, chat, KEYWORDS, pagesChat, STOP_WHILE_WAITING } from './chat.js';
import { doneAlready } from './done-already.js';
import { formatDateJa, formatDateTimeJa } from './format.js';
import { holdServiceNotices, holdServices } from './hold-services.js';
import { INTENT_ENDINGS, INTENT_PHRASES, intentAnswers } from './intents.js';
import {
  availabilityLabel,
  COPY_STATE_LABELS,
  contactLabel,
  holdStatusLabel,
  materialLabel,
  TITLE_AVAILABILITY_LABELS,
} from './labels.js';
import { MAIL_NOT_ARRIVING, MAIL_SENDER_NOTICE, mailText } from './mail.js';
import { familyCards } from './family-cards.js';
import { libraryCard } from './library-card.js';
import { noticeMessages } from './notices.js';
import { pages } from './pages.js';
import { patronChat, reservationConfirmationText } from './patron-chat.js';
import { refusalMessage } from './refusals.js';
import { SEARCH_PHRASES } from './search-phrases.js';
import { offerMessages, walkInAdvice, wishList } from './wish-list.js';

export {
  accountPages,
  availabilityLabel,
  botMessages,
  CHOICE_WORDS,
  COPY_STATE_LABELS,
  chat,
  contactLabel,
  doneAlready,
  formatDateJa,
  formatDateTimeJa,
  holdServiceNotices,
  holdServices,
  holdStatusLabel,
  INTENT_ENDINGS,
  INTENT_PHRASES,
  intentAnswers,
  familyCards,
  KEYWORDS,
  libraryCard,
  MAIL_NOT_ARRIVING,
  MAIL_SENDER_NOTICE,
  mailText,
  materialLabel,
  noticeMessages,
  offerMessages,
  pages,
  pagesChat,
  patronChat,
  refusalMessage,
  reservationConfirmationText,
  STOP_WHILE_WAITING,
  SEARCH_PHRASES,
  TITLE_AVAILABILITY_LABELS,
  walkInAdvice,
  wishList,
};

/** The Japanese table. Its keys name what a text is for, not the language it is in. */
export const ja = {
  cardWords,
  languageChoice,
  formatDate: formatDateJa,
  formatDateTime: formatDateTimeJa,
  refusalMessage,
  holdStatusLabel,
  availabilityLabel,
  titleAvailabilityLabels: TITLE_AVAILABILITY_LABELS,
  copyStateLabels: COPY_STATE_LABELS,
  materialLabel,
  contactLabel,
  keywords: KEYWORDS,
  stopWhileWaiting: STOP_WHILE_WAITING,
  choiceWords: CHOICE_WORDS,
  intentPhrases: INTENT_PHRASES,
  intentEndings: INTENT_ENDINGS,
  intentAnswers,
  botMessages,
  chat,
  pagesChat,
  patronChat,
  holdServices,
  holdServiceNotices,
  doneAlready,
  reservationConfirmationText,
  noticeMessages,
  mailSenderNotice: MAIL_SENDER_NOTICE,
  mailNotArriving: MAIL_NOT_ARRIVING,
  mailText,
  pages,
  accountPages,
  wishList,
  offerMessages,
  walkInAdvice,
  libraryCard,
  familyCards,
} as const;
