// The English table: the same keys as the Japanese one (../ja/index.ts), in natural, short, polite
// English. The guide's Japanese terms the counter staff will hear (受取館, 予約, 受取り可 …) follow in
// brackets; names of the library and its branches come from the profile (../local-names.ts). The
// staff console stays Japanese, so there is no console.ts here.

import { cardWords } from './card-words.js';
import { languageChoice } from './language.js';
import type { Messages } from '../table.js';
import { accountPages } from './account-pages.js';
import { botMessages, CHOICE_WORDS, chat, KEYWORDS, pagesChat, STOP_WHILE_WAITING } from './chat.js';
import { doneAlready } from './done-already.js';
import { formatDateEn, formatDateTimeEn } from './format.js';
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
import { familyCards } from './family-cards.js';
import { libraryCard } from './library-card.js';
import { MAIL_NOT_ARRIVING, MAIL_SENDER_NOTICE, mailText } from './mail.js';
import { noticeMessages } from './notices.js';
import { pages } from './pages.js';
import { patronChat, reservationConfirmationText } from './patron-chat.js';
import { refusalMessage } from './refusals.js';
import { SEARCH_PHRASES } from './search-phrases.js';
import { offerMessages, walkInAdvice, wishList } from './wish-list.js';

/** Not in the table (nor is ja's): the English words around a search, for conversation/search-phrases.ts. */
export { SEARCH_PHRASES };

/** The English table. */
export const en = {
  cardWords,
  languageChoice,
  formatDate: formatDateEn,
  formatDateTime: formatDateTimeEn,
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
} as const satisfies Messages;
