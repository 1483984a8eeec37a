// Phrases shared by more than one area (a refusal and a page say the same thing the same way).

/** R-PW-1, R-PW-4: passwords are issued in person, after an identity check. Ends mid-sentence. */
export const AT_COUNTER_WITH_ID =
  'Please come in person to the counter of the Main Library (本館) or a branch library (分館) with your ' +
  'library card (利用者カード) and an ID document (本人確認書類: driving licence, health insurance card, ' +
  'student ID, etc.) and ';

/** The guide: a patron without a card applies at the counter with the registration form. */
export const NO_CARD_YET =
  'If you do not have a library card (利用者カード) yet, please apply at the counter of the Main Library or ' +
  'a branch library with the library registration form (図書館利用者登録申込書).';

/** R-PW-1 in one sentence: where a password comes from, and what to bring. */
export const PASSWORD_AT_COUNTER =
  'Passwords are issued at the counter of the Main Library or a branch library: please bring your library card ' +
  'and an ID document (本人確認書類: driving licence, health insurance card, student ID, etc.).';

/** AT_COUNTER_WITH_ID inside a sentence ('If you have forgotten it, please come …'). */
export const atCounterWithId = () => AT_COUNTER_WITH_ID.replace(/^P/, 'p');
