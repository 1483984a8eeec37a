// Phrases shared by more than one area (a refusal and a page say the same thing the same way).

/** R-PW-1, R-PW-4: passwords are issued in person, after an identity check. */
export const AT_COUNTER_WITH_ID =
  'ご本人が本館または分館のカウンターにお越しになり、利用者カードと本人確認書類（運転免許証・保険証・学生証など）をお示しのうえ、';

/**
 * The guide: 「利用者カード」をお持ちでない方は、図書館利用者登録申込書とあわせてお申し出ください. Said
 * wherever a card is asked for (greeting, ヘルプ, the login prompt and page), so nobody is left there.
 */
export const NO_CARD_YET =
  '利用者カードをお持ちでない方は、本館・分館のカウンターで、図書館利用者登録申込書とあわせてお申し出ください。';

/** R-PW-1 in one sentence: where a password comes from, and what to bring. */
export const PASSWORD_AT_COUNTER =
  'パスワードは、利用者カードと本人確認書類（運転免許証・保険証・学生証など）をお持ちのうえ、' +
  '本館・分館のカウンターで発行します。';
