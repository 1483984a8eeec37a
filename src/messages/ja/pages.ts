// The patron pages' shared words and the login page.

import { lib } from './library.js';
import { AT_COUNTER_WITH_ID, NO_CARD_YET } from './phrases.js';

/**
 * The patron pages (login now; password change and e-mail registration later): page titles, field
 * labels, notes. The words on buttons are the library's own (CONTRACT.md: `ログイン`, `変更`, `送信`).
 */
export const pages = {
  get libraryName(): string {
    return lib.name;
  },
  serviceName: 'LINEサービス',
  required: (label: string) => `${label}を入力してください。`,
  errorHeading: '入力内容をご確認ください',
  closeAndReturn: 'このページを閉じて、LINEのトーク画面にお戻りください。',
  login: {
    title: 'ログイン',
    lead:
      '利用者カードの番号とパスワードを入力して「ログイン」を押してください。' +
      'このLINEアカウントと利用者カードが連携され、LINEで予約・ご利用状況の確認・貸出期間の延長ができるようになります。',
    cardNumberLabel: '利用者カード番号',
    cardNumberHint: '利用者カードに書かれている番号です。',
    passwordLabel: 'パスワード',
    get passwordHint(): string {
      return `図書館で発行した英数字${lib.initialPasswordLength}桁の初期パスワード、または変更後のパスワードです。`;
    },
    submit: 'ログイン',
    privacy: 'カード番号とパスワードは図書館のサーバーにだけ送られ、LINEには送られません。',
    whoTitle: 'ログインできる方',
    get who(): string[] {
      return [
        `${lib.name}に利用登録があり、パスワードをお持ちの${lib.ageRule}の方`,
        '障がい者サービスにご登録の方はパスワードを登録できないため、ご利用いただけません。',
      ];
    },
    noCardTitle: '利用者カードをお持ちでない方',
    noCard: NO_CARD_YET,
    passwordTitle: 'パスワードをお持ちでない方・お忘れの方',
    get passwordHelp(): string {
      return (
        `${AT_COUNTER_WITH_ID}パスワードの発行をお申し込みください。英数字${lib.initialPasswordLength}桁の初期パスワードをレシートでお渡しします。` +
        'パスワードは図書館でも確認できないため、お忘れの場合も新しいパスワードの発行になります。' +
        'インターネットやLINEでは再発行できません。'
      );
    },
  },
  linkExpired: {
    title: 'このページは有効期限が切れています',
    body:
      'ログイン用のページは、LINEで開いてからしばらくすると使えなくなります。' +
      'お手数ですが、LINEのトーク画面に戻って「ログイン」と送信するか、メニューの「ログイン」を押して、' +
      '新しいページを開いてください。',
  },
  loginAccepted: {
    title: 'ログインの手続きは済んでいます',
    body:
      'このページからのログインは受け付けました。LINEのトーク画面にお戻りください。' +
      'トーク画面に「ログインしました」と表示されていないときは、「ログイン」と送信して、新しいページからもう一度お試しください。',
  },
  loginRefused: {
    title: 'LINEでのご利用について',
    wayForward: 'ご不明な点は、図書館のカウンターでお尋ねください。',
  },
  forbidden: {
    title: 'この操作は受け付けられませんでした',
    body:
      '安全のため、LINEのトーク画面から開いたページ以外からの送信は受け付けていません。' +
      'LINEのトーク画面に戻って「ログイン」と送信し、表示されたページからあらためてお試しください。',
  },
  failed: {
    title: 'ただいま処理できません',
    body:
      '申し訳ありません。処理の途中で問題が起きたため、ログインは完了していません。' +
      'しばらくしてから、LINEのトーク画面で「ログイン」と送信して、あらためてお試しください。',
  },
} as const;
