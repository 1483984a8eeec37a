// What the library tells a patron unasked.

import { formatDateJa } from './format.js';
import { lib } from './library.js';

/**
 * What the library tells a patron unasked (LINE pushes; a mail may use the same sentences): each
 * notice is a heading, the facts, and a sentence saying what to do. `alt` is what the phone's
 * notification shows, so it names the title. `cardHeading` is the heading on the LINE card, broken
 * between its phrases: a phone 360 px wide has room for about 11 characters a line there, and
 * without the break the card would break it inside a word (「ご用意しまし／た」).
 */
export const noticeMessages = {
  titleLabel: '資料',
  holdReady: {
    heading: 'ご予約の資料をご用意しました',
    cardHeading: 'ご予約の資料を\nご用意しました',
    alt: (title: string) => `ご予約の資料をご用意しました『${title}』`,
    note: '利用者カードをお持ちのうえ、受取期限までに受取館へお越しください。',
  },
  holdExpired: {
    heading: '予約を取り消しました（受取期限切れ）',
    cardHeading: '予約を取り消しました\n（受取期限切れ）',
    alt: (title: string) => `受取期限を過ぎたため予約を取り消しました${title ? `『${title}』` : ''}`,
    note:
      '受取期限を過ぎたため、お取り置きしていた予約を取り消し、資料は次の方にお回ししました。' +
      'ご希望の場合は、あらためて予約をお申し込みください。',
  },
  pickupReminder: {
    heading: '受取期限が近づいています',
    cardHeading: '受取期限が\n近づいています',
    alt: (title: string, deadline: string) => `受取期限（${formatDateJa(deadline)}）が近づいています『${title}』`,
    note:
      '受取期限を過ぎると予約は取り消され、資料は次の方にお回しします。' +
      '利用者カードをお持ちのうえ、お早めに受取館へお越しください。',
  },
  dueReminder: {
    heading: '返却予定日が近づいています',
    cardHeading: '返却予定日が\n近づいています',
    alt: (title: string, due: string) => `返却予定日（${formatDateJa(due)}）が近づいています『${title}』`,
    get renewable(): string {
      return `貸出期間を延長できます。「延長する」を押すと、延長後の返却予定日（${lib.renewalPeriod}）を確認できます。`;
    },
    returnBy: '返却予定日までに、お近くの図書館へご返却ください。',
    get renewableByMail(): string {
      return `貸出期間は、LINEの「ご利用状況」の「延長する」から${lib.renewalTimes}回延長できます（${lib.renewalPeriod}）。`;
    },
  },
  loanReserved: {
    heading: '次の方の予約が入りました',
    cardHeading: '次の方の予約が\n入りました',
    alt: (title: string) => `お借りの資料に次の方の予約が入りました『${title}』`,
    note:
      'お借りの資料に次の方の予約が入ったため、貸出期間の延長はできなくなりました。' +
      '返却予定日までにご返却ください。',
  },
  // S-CAL-1: closed dates added after the date was promised (issue 29).
  dueDateMoved: {
    heading: '臨時休館のため返却予定日が変わりました',
    cardHeading: '臨時休館のため\n返却予定日が変わりました',
    alt: (title: string, to: string) => `臨時休館のため返却予定日が${formatDateJa(to)}に変わりました『${title}』`,
    fromLabel: '変更前',
    note: '臨時休館日と重なったため、返却予定日を次の開館日に延ばしました。新しい返却予定日までにご返却ください。',
  },
  pickupDeadlineMoved: {
    heading: '臨時休館のため受取期限が変わりました',
    cardHeading: '臨時休館のため\n受取期限が変わりました',
    alt: (title: string, to: string) => `臨時休館のため受取期限が${formatDateJa(to)}に変わりました『${title}』`,
    fromLabel: '変更前',
    note: '臨時休館日の分、受取期限を延ばしました。利用者カードをお持ちのうえ、新しい受取期限までに受取館へお越しください。',
  },
  emailConfirmed: {
    heading: 'メールアドレスを登録しました',
    alt: 'メールアドレスの登録が完了しました',
    addressLabel: 'メールアドレス',
    note:
      '予約の連絡方法で「E-mail」を選んだ予約は、ご用意ができたときにこのメールアドレスへお知らせします。' +
      '「LINE」を選んだ予約は、これまでどおりLINEでお知らせします。',
  },
} as const;
