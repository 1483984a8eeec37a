// The password change and e-mail registration pages.

import { lib } from './library.js';

const START_AGAIN_EMAIL =
  'もう一度登録するときは、LINEのトーク画面で「メールアドレス登録」と送信するか、' +
  '下の「メールアドレス変更のページへ」から、はじめからお手続きください。';

/**
 * The password change and e-mail registration pages (R-PW-2..4, R-MAIL-1..3, R-ELIG-4). Page titles
 * follow the library's guide (パスワード変更確認, メールアドレス変更確定完了 …); buttons are the
 * CONTRACT's words (`変更`, `送信`, `確定`).
 */
export const accountPages = {
  cardNumberLabel: '利用者カード番号',
  cardNumberHint: '利用者カードに書かれている番号です。',
  currentPasswordLabel: 'パスワード',
  currentPasswordHint: '現在のパスワードです（初期パスワード、または変更後のパスワード）。',
  change: '変更',
  send: '送信',
  startOver: '入力しなおす',
  hiddenPassword: '（安全のため表示しません）',
  forgotTitle: 'パスワードをお忘れの方',
  forbidden: {
    title: 'この操作は受け付けられませんでした',
    body:
      '安全のため、このページの入力画面から送られたもの以外は受け付けていません。' +
      'お手数ですが、ページを開きなおして、はじめから入力してください。',
  },
  formExpired: {
    title: '入力の有効時間が過ぎました',
    body:
      'ページを開いてから30分以上たったため、安全のため受け付けられませんでした。手続きは完了していません。' +
      'お手数ですが、はじめから入力しなおしてください。',
  },
  resultGone: {
    title: '手続きの結果を表示できません',
    body:
      '結果を表示できる期間（お手続きから24時間）が過ぎたか、URLが正しくありません。' +
      'お手続きが完了していれば、その内容はそのままです。あらためてお手続きするときは、はじめから入力してください。',
  },
  failed: {
    title: 'ただいま処理できません',
    body:
      '申し訳ありません。処理の途中で問題が起きたため、手続きは完了していません。' +
      'しばらくしてから、あらためてお試しください。',
  },
  password: {
    title: 'パスワード変更',
    lead: '利用者カード番号、現在のパスワード、新しいパスワードを入力して「変更」を押してください。',
    get initialNote(): string {
      return `図書館で発行した初期パスワード（英数字${lib.initialPasswordLength}桁）は、変更するまでそのままお使いいただけます。`;
    },
    newPasswordLabel: '新しいパスワード',
    get newPasswordHint(): string {
      return `半角の英字と数字で${lib.minPasswordLength}文字以上（${lib.maxPasswordLength}文字まで）にしてください。`;
    },
    newPasswordConfirmLabel: '新しいパスワード（確認）',
    newPasswordConfirmHint: '確認のため、同じパスワードをもう一度入力してください。',
    confirmTitle: 'パスワード変更確認',
    confirmLead: '次の内容でパスワードを変更します。内容が正しければ「送信」を押してください。',
    doneTitle: 'パスワード変更完了',
    again: 'パスワードは変更済みです。同じ内容がもう一度送信されましたが、変更は一度だけ行われています。',
    done: [
      'パスワードを変更しました。次回のログインから、新しいパスワードをお使いください。',
      'LINEでログイン中の方は、そのまま続けてご利用いただけます。',
      'パスワードは図書館でも確認できません。忘れないようにご注意ください。',
    ],
  },
  email: {
    title: 'メールアドレス変更',
    lead: '利用者カード番号、パスワード、メールアドレスを入力し、アドレスの種類を選んで「変更」を押してください。',
    emailLabel: 'メールアドレス',
    emailHint: '予約資料のご用意ができたときのお知らせなどをお送りします。',
    emailTypeLabel: 'アドレスの種類',
    emailTypes: { pc: 'パソコン', mobile: '携帯電話' },
    emailTypeRequired: 'アドレスの種類を選んでください。',
    whoTitle: 'ご利用になれる方',
    get who(): string {
      return `${lib.municipality}内に在住・在勤・在学で、パスワードをお持ちの${lib.ageRule}の方がご登録いただけます。`;
    },
    confirmTitle: 'メールアドレス変更確認',
    confirmLead: '次のメールアドレスを登録します。内容が正しければ「送信」を押してください。',
    doneTitle: 'メールアドレス変更完了',
    again:
      'このお申し込みは受け付け済みです。同じ内容がもう一度送信されましたが、確認のメールは一度だけお送りしています。',
    done: (address: string) => [
      `${address} あてに「メールアドレス変更確認のお知らせ」というメールをお送りしました。`,
      'メールに書かれているURLを開き、表示されるページで「確定」を押すと登録が完了します。URLの有効期限は24時間です。',
      '「確定」を押すまでは、これまでのメールアドレスが使われます（まだ登録がない場合は、未登録のままです）。',
    ],
    senderTitle: 'メールが届かないときは',
    refusedTitle: 'メールアドレスを登録できません',
    refusedWayForward: 'ご不明な点は、図書館のカウンターでお尋ねください。',
  },
  emailConfirm: {
    title: 'メールアドレス変更確定',
    lead: '次のメールアドレスを登録します。内容が正しければ「確定」を押してください。',
    submit: '確定',
    doneTitle: 'メールアドレス変更確定完了',
    again: 'メールアドレスの登録は完了しています。同じ内容がもう一度送信されましたが、登録は一度だけ行われています。',
    done: [
      'メールアドレスの登録が完了しました。',
      'これからは、予約の連絡方法で「E-mail」を選べます。図書館からのお知らせは、このメールアドレスにお送りします。',
    ],
    toForm: 'メールアドレス変更のページへ',
    unknown: {
      title: 'このURLは使えません',
      body:
        'URLが正しくないか、途中で切れている可能性があります。メールに書かれているURLを、最後まで全部開いてください。' +
        START_AGAIN_EMAIL,
    },
    expired: {
      title: 'このURLは有効期限が切れています',
      body:
        'メールアドレス変更確認のURLは、お申し込みから24時間だけ使えます。メールアドレスは登録されていません。' +
        START_AGAIN_EMAIL,
    },
    used: {
      title: 'このURLはすでに使われています',
      body:
        'このURLでの登録はすでに完了しているか、あとから新しいお申し込みがあったため使えなくなりました。' +
        '新しいお申し込みのときは、最後に届いたメールのURLをお使いください。' +
        START_AGAIN_EMAIL,
    },
  },
} as const;
