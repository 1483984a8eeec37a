// The library's mails in やさしい日本語 (R-MAIL-2, R-MAIL-3).

import { formatDateTimeEasy } from './format.js';
import { lib } from './library.js';

/** R-MAIL-3: library mail comes from this sender; a missed mail can let a hold expire. */
export const MAIL_SENDER_NOTICE = (sender: string) =>
  `図書館（としょかん）からの メールは、${sender} から 送（おく）ります。` +
  'めいわくメールを 止（と）める せっていを して いる 人（ひと）は、この アドレスからの メールを うけとれるように して ください。' +
  'メールが とどかないと、予約（よやく）した 本（ほん）の うけとりの しめきりが すぎて しまう ことが あります。';

/** What to check when the confirmation mail does not come: a mistyped address first. */
export const MAIL_NOT_ARRIVING = {
  lead: '「メールアドレス変更確認（へんこうかくにん）のお知（し）らせ」が とどかない ときは、つぎを 見（み）て ください。',
  checks: (sender: string) => [
    '上（うえ）の メールアドレスが まちがって いないか。' +
      'まちがって いた ときは、LINEの トークで「メールアドレスとうろく」と 送（おく）って ください。' +
      'そして、正（ただ）しい アドレスで もう 一度（いちど） して ください。' +
      'まちがった アドレスに 送（おく）った URLは つかえなく なります。登録（とうろく）も されません。',
    '図書館（としょかん）からの メールが、めいわくメールとして 消（け）されて いないか。' +
      'めいわくメールの フォルダに 入（はい）って いないか。',
    'メールを うけとらない せっていを して いないか（パソコンからの メールを うけとらない、など）。' +
      `して いる ときは、${sender} からの メールを うけとれるように して ください。` +
      'せっていの しかたは、スマートフォンの 会社（かいしゃ）に 聞（き）いて ください。',
  ],
} as const;

/** Subjects and plain-text bodies; the HTML part is made from the same lines. */
export const mailText = {
  confirmationSubject: 'メールアドレス変更確認（へんこうかくにん）のお知（し）らせ',
  get confirmationLines(): string[] {
    return [
      `${lib.name}です。`,
      'メールアドレスの 登録（とうろく）（へんこう）を うけつけました。',
      'つぎの URLを 開（ひら）いて ください。出（で）た ページで「確定（かくてい）」を 押（お）すと、この メールアドレスが 登録（とうろく）されます。',
      '※URLを 開（ひら）いて「確定（かくてい）」を 押（お）すまでは、登録（とうろく）されません。',
    ];
  },
  confirmationAfterLink: (p: { expiresAt: Date }) => [
    `この URLは ${formatDateTimeEasy(p.expiresAt)}まで つかえます。1回（かい）だけ つかえます。`,
    'この メールに 心（こころ）あたりが ない ときは、メールを 消（け）して ください。メールアドレスは 登録（とうろく）されません。',
  ],
  holdReadySubject: '予約（よやく）した 本（ほん）の 用意（ようい）が できました',
  holdExpiredSubject: '予約（よやく）を とりけしました（とって おく 日（ひ）が おわりました）',
  get signature(): string[] {
    return [
      lib.name,
      '※この メールには 返事（へんじ）が できません。返事（へんじ）を しても、答（こた）えられません。',
    ];
  },
} as const;
