// THE table of やさしい日本語 (Easy Japanese), as municipalities write it for foreign residents and
// as first-grade pupils read it: short sentences, common words, です・ます, kanji only for key words
// and then with their reading (予約（よやく）). Same keys as `ja`; the staff console stays Japanese.

import { cardWords } from './card-words.js';
import { languageChoice } from './language.js';
import type { Messages } from '../table.js';
import { accountPages } from './account-pages.js';
import { botMessages, CHOICE_WORDS, chat, KEYWORDS, pagesChat, STOP_WHILE_WAITING } from './chat.js';
import { doneAlready } from './done-already.js';
import { formatDateEasy, formatDateTimeEasy } from './format.js';
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

/** Not in the table (ja's is not either): conversation/search-phrases.ts reads the lists itself. */
export { SEARCH_PHRASES };

/** The やさしい日本語 table. */
export const easy = {
  cardWords,
  languageChoice,
  formatDate: formatDateEasy,
  formatDateTime: formatDateTimeEasy,
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
