// Phrases shared by more than one area (a refusal and a page say the same thing the same way).

/** R-PW-1, R-PW-4: passwords are issued in person, after an identity check. */
export const AT_COUNTER_WITH_ID =
  'ご本人が本館または分館のカウンターにお越しになり、利用者カードと本人確認書類（運転免許証・保険証・学生証など）をお示しのうえ、';
