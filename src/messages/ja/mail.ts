// The library's mails (R-MAIL-2, R-MAIL-3).

import { formatDateTimeJa } from './format.js';
import { lib } from './library.js';

/** R-MAIL-3: library mail comes from this sender; a missed mail can let a hold expire. */
export const MAIL_SENDER_NOTICE = (sender: string) =>
  `図書館からのメールは ${sender} から送信されます。` +
  '迷惑メール対策などでメールの受信を制限されている場合は、このアドレスからのメールを受信できるよう設定してください。' +
  'メールが届かないと、予約資料の受取期限を過ぎてしまうことがあります。';

/**
 * The guide's 「図書館からのメールが届かない場合」, for the page that says the confirmation mail is on
 * its way: a mistyped address first (the patron can see it just above), then filters and blocks.
 */
export const MAIL_NOT_ARRIVING = {
  lead: '「メールアドレス変更確認のお知らせ」が届かないときは、次をご確認ください。',
  checks: (sender: string) => [
    '上のメールアドレスに入力ミスがないか。間違っていたときは、LINEのトーク画面で「メールアドレス登録」と送信し、' +
      '正しいアドレスでもう一度お申し込みください（間違ったアドレスあてのURLは使えなくなり、登録されることはありません）。',
    '図書館からのメールが、迷惑メールとして自動で削除されたり、迷惑メールのフォルダに振り分けられたりしていないか。',
    `メールの受信制限（パソコンからのメールの受信拒否、ドメイン指定受信など）をしていないか。している場合は、${sender} ` +
      'からのメールを受信できるよう設定してください（設定方法は、ご利用の通信会社にお尋ねください）。',
  ],
} as const;

/**
 * The library's mails (R-MAIL-2, R-MAIL-3): subjects and plain-text bodies; the HTML part is made
 * from the same lines.
 */
export const mailText = {
  confirmationSubject: 'メールアドレス変更確認のお知らせ',
  get confirmationLines(): string[] {
    return [
      `${lib.name}です。`,
      'メールアドレスの登録（変更）のお申し込みを受け付けました。',
      '次のURLを開き、表示されるページで「確定」を押すと、このメールアドレスが登録されます。',
      '※URLを開いて「確定」を押すまでは登録されません。',
    ];
  },
  confirmationAfterLink: (p: { expiresAt: Date }) => [
    `このURLの有効期限は ${formatDateTimeJa(p.expiresAt)} までです。一度だけお使いいただけます。`,
    'お心当たりのない場合は、このメールを破棄してください。メールアドレスは登録されません。',
  ],
  holdReadySubject: '予約資料のご用意ができました',
  holdExpiredSubject: '予約の取消のお知らせ（取置期間終了）',
  get signature(): string[] {
    return [lib.name, '※このメールは送信専用です。ご返信いただいてもお答えできません。'];
  },
} as const;
