// What the library tells a patron unasked, in やさしい日本語: a heading, the facts, and what to do.
// `cardHeading` is broken between its phrases for a phone about 11 characters wide (ja/notices.ts), and
// written in kana: readings would not fit.

import { formatDateEasy } from './format.js';
import { lib } from './library.js';

const BRING_CARD = '利用者（りようしゃ）カードを 持（も）って';
const NEXT_PERSON = '本（ほん）は つぎの 人（ひと）に わたします';
const STATUS = '「ご利用状況（りようじょうきょう）」';

export const noticeMessages = {
  titleLabel: '本（ほん）',
  holdReady: {
    heading: '予約（よやく）した 本（ほん）の 用意（ようい）が できました',
    cardHeading: 'よやくした ほんの\nよういが できました',
    alt: (title: string) => `予約（よやく）した 本（ほん）の 用意（ようい）が できました『${title}』`,
    note: `${BRING_CARD}、うけとりの しめきりまでに 受取館（うけとりかん）に 来（き）て ください。`,
  },
  holdExpired: {
    heading: '予約（よやく）を とりけしました（うけとりの しめきりが すぎました）',
    cardHeading: 'よやくを\nとりけしました',
    alt: (title: string) =>
      `うけとりの しめきりが すぎたので、予約（よやく）を とりけしました${title ? `『${title}』` : ''}`,
    note:
      'うけとりの しめきりが すぎました。だから、とって おいた 予約（よやく）を とりけしました。' +
      `${NEXT_PERSON}。ほしい ときは、もう 一度（いちど） 予約（よやく）して ください。`,
  },
  pickupReminder: {
    heading: 'うけとりの しめきりが 近（ちか）く なりました',
    cardHeading: 'うけとりの しめきりが\nちかく なりました',
    alt: (title: string, deadline: string) =>
      `うけとりの しめきり（${formatDateEasy(deadline)}）が 近（ちか）く なりました『${title}』`,
    note:
      `しめきりが すぎると、予約（よやく）は とりけしに なります。${NEXT_PERSON}。` +
      `${BRING_CARD}、はやめに 受取館（うけとりかん）に 来（き）て ください。`,
  },
  dueReminder: {
    heading: 'かえす 日（ひ）が 近（ちか）く なりました',
    cardHeading: 'かえす ひが\nちかく なりました',
    alt: (title: string, due: string) =>
      `かえす 日（ひ）（${formatDateEasy(due)}）が 近（ちか）く なりました『${title}』`,
    get renewable(): string {
      return (
        '延長（えんちょう）が できます。「えんちょうする」を 押（お）すと、新（あたら）しい かえす 日（ひ）が 見（み）られます' +
        `（${lib.renewalPeriod}）。`
      );
    },
    returnBy: 'かえす 日（ひ）までに、近（ちか）くの 図書館（としょかん）に かえして ください。',
    get renewableByMail(): string {
      return (
        `LINEの ${STATUS}の「えんちょうする」から、${lib.renewalTimes}回（かい） 延長（えんちょう）できます` +
        `（${lib.renewalPeriod}）。`
      );
    },
  },
  loanReserved: {
    heading: 'つぎの 人（ひと）が 予約（よやく）しました',
    cardHeading: 'つぎの ひとが\nよやくしました',
    alt: (title: string) => `かりている 本（ほん）を、つぎの 人（ひと）が 予約（よやく）しました『${title}』`,
    note:
      'かりている 本（ほん）を、つぎの 人（ひと）が 予約（よやく）しました。だから、延長（えんちょう）は できなく なりました。' +
      'かえす 日（ひ）までに かえして ください。',
  },
  // S-CAL-1: closed dates added after the date was promised (issue 29).
  dueDateMoved: {
    heading: '図書館（としょかん）が 休（やす）みに なるので、かえす 日（ひ）が かわりました',
    cardHeading: 'やすみに なるので\nかえす ひが\nかわりました',
    alt: (title: string, to: string) =>
      `図書館（としょかん）が 休（やす）みに なるので、かえす 日（ひ）が ${formatDateEasy(to)}に かわりました『${title}』`,
    fromLabel: 'まえの 日（ひ）',
    note:
      'かえす 日（ひ）に、図書館（としょかん）が 休（やす）みに なりました（臨時休館（りんじきゅうかん））。' +
      'だから、かえす 日（ひ）を つぎの 開館日（かいかんび）に しました。新（あたら）しい かえす 日（ひ）までに かえして ください。',
  },
  pickupDeadlineMoved: {
    heading: '図書館（としょかん）が 休（やす）みに なるので、うけとりの しめきりが かわりました',
    cardHeading: 'やすみに なるので\nしめきりが\nかわりました',
    alt: (title: string, to: string) =>
      `図書館（としょかん）が 休（やす）みに なるので、うけとりの しめきりが ${formatDateEasy(to)}に かわりました『${title}』`,
    fromLabel: 'まえの 日（ひ）',
    note:
      '図書館（としょかん）が 休（やす）みに なった 日（ひ）の 分（ぶん）、うけとりの しめきりを のばしました' +
      '（臨時休館（りんじきゅうかん））。' +
      `${BRING_CARD}、新（あたら）しい しめきりまでに 受取館（うけとりかん）に 来（き）て ください。`,
  },
  emailConfirmed: {
    heading: 'メールアドレスを 登録（とうろく）しました',
    alt: 'メールアドレスの 登録（とうろく）が おわりました',
    addressLabel: 'メールアドレス',
    note:
      'れんらくに「E-mail」を えらんだ 予約（よやく）は、用意（ようい）が できたら この メールアドレスに おしらせします。' +
      '「LINE」を えらんだ 予約（よやく）は、いままでと おなじ ように LINEで おしらせします。',
  },
} as const;
