// Sentences said in more than one place (a refusal and a page say them the same way).

/** R-PW-1, R-PW-4: passwords are given in person, after an identity check. Whole sentences. */
export const AT_COUNTER_WITH_ID =
  '本人（ほんにん）が、本館（ほんかん）か 分館（ぶんかん）の カウンターに 来（き）て ください。' +
  '利用者（りようしゃ）カードと 本人確認書類（ほんにんかくにんしょるい）を 見（み）せて ください。' +
  '本人確認書類（ほんにんかくにんしょるい）は、運転免許証（うんてんめんきょしょう）・保険証（ほけんしょう）・' +
  '学生証（がくせいしょう）などです。';

/** No card yet: where to ask, and the form (its name as the counter says it). */
export const NO_CARD_YET =
  '利用者（りようしゃ）カードが ない 人（ひと）は、本館（ほんかん）か 分館（ぶんかん）の カウンターで 言（い）って ください。' +
  '「図書館利用者登録申込書（としょかん りようしゃ とうろく もうしこみしょ）」という 紙（かみ）を 書（か）きます。';

/** R-PW-1 in short: where a password comes from, and what to bring. */
export const PASSWORD_AT_COUNTER =
  'パスワードは、本館（ほんかん）か 分館（ぶんかん）の カウンターで 出（だ）します。' +
  '利用者（りようしゃ）カードと 本人確認書類（ほんにんかくにんしょるい）を 持（も）って 来（き）て ください。' +
  '本人確認書類（ほんにんかくにんしょるい）は、運転免許証（うんてんめんきょしょう）・保険証（ほけんしょう）・' +
  '学生証（がくせいしょう）などです。';
