// The staff console's words (issue 29): what librarians read at the counter. Patron-facing
// sentences stay in the other files; the receipt, which the patron takes home, is here because
// the console prints it.

import { lib } from './library.js';

const ROLE_WORDS = { librarian: '司書', admin: '管理者' } as const;
const AREA_WORDS = {
  patrons: '利用者',
  holds: '予約',
  loans: '貸出',
  calendar: '休館日',
  today: '本日の作業',
  staff: '職員アカウント',
  announcements: 'お知らせ配信',
} as const;
const NOTICE_KIND_WORDS: Record<string, string> = {
  hold_ready: '予約資料のご用意',
  hold_expired: '取置期限切れ',
  pickup_reminder: '受取期限のお知らせ',
  due_reminder: '返却期限のお知らせ',
  loan_reserved: '貸出中資料に予約',
  due_date_moved: '返却予定日の変更（臨時休館）',
  pickup_deadline_moved: '受取期限の変更（臨時休館）',
  email_confirmation: 'メールアドレス確認',
  email_confirmed: 'メールアドレス登録完了',
};
const NOTICE_STATUS_WORDS = {
  pending: '送信待ち',
  sent: '送信済み',
  failed: '送信失敗',
  dropped: '送信取りやめ',
} as const;

export const consoleWords = {
  get title(): string {
    return `${lib.name} 職員用画面`;
  },
  roleLabel: (role: keyof typeof ROLE_WORDS) => ROLE_WORDS[role],
  areaLabel: (area: keyof typeof AREA_WORDS) => AREA_WORDS[area],
  noticeKindLabel: (kind: string) => NOTICE_KIND_WORDS[kind] ?? kind,
  noticeStatusLabel: (s: keyof typeof NOTICE_STATUS_WORDS) => NOTICE_STATUS_WORDS[s],
  nav: {
    patrons: '利用者検索',
    today: '本日の作業',
    calendar: '休館日',
    staff: '職員アカウント',
    announcements: 'お知らせ配信',
  },
  signedInAs: (name: string, role: keyof typeof ROLE_WORDS) => `${name}（${ROLE_WORDS[role]}）`,
  logout: 'ログアウト',
  login: {
    title: '職員ログイン',
    lead: '職員用のアカウント名とパスワードを入力してください。',
    nameLabel: 'アカウント名',
    passwordLabel: 'パスワード',
    submit: 'ログイン',
    invalid: 'アカウント名またはパスワードが違います。',
    required: (label: string) => `${label}を入力してください。`,
    locked: (until: string) =>
      `ログインの失敗が続いたため、このアカウント名は${until}までログインできません。` +
      'お急ぎの場合は管理者にパスワードの再設定を依頼してください。',
    expired: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
    loggedOut: 'ログアウトしました。',
  },
  forbidden: {
    title: 'この画面は使えません',
    body: (area: keyof typeof AREA_WORDS, need: keyof typeof ROLE_WORDS, have: keyof typeof ROLE_WORDS) =>
      `「${AREA_WORDS[area]}」は${ROLE_WORDS[need]}の権限が必要です。` +
      `あなたのアカウントは${ROLE_WORDS[have]}です。必要な場合は管理者に依頼してください。`,
    back: '利用者検索に戻る',
  },
  csrf: {
    title: 'この操作は受け付けられませんでした',
    body: '安全のため、この画面から送られたもの以外は受け付けていません。画面を開きなおして、もう一度操作してください。',
  },
  failed: {
    title: '処理できませんでした',
    body: 'システムの不具合で処理できませんでした。操作は行われていません。しばらくしてからもう一度お試しください。',
  },
  notFound: { title: '見つかりません', body: 'お探しの画面はありません。' },
  search: {
    title: '利用者検索',
    label: '利用者カード番号または氏名',
    submit: '検索',
    none: (q: string) => `「${q}」に当てはまる利用者はいません。カード番号は全桁、氏名は一部でも探せます。`,
    many: (n: number) => `${n}人見つかりました。`,
    tooMany: (n: number) => `${n}人以上見つかりました。もう少し詳しく入力してください。`,
    columns: { card: 'カード番号', name: '氏名', birth: '生年月日' },
  },
  patron: {
    cardNumber: 'カード番号',
    name: '氏名',
    birthDate: '生年月日',
    residency: '区分',
    residencyWords: { resident: '市内在住', worker: '市内在勤', student: '市内在学', none: '市外' } as Record<
      string,
      string
    >,
    line: 'LINE連携',
    lineLinked: (since: string) => `連携中（${since}から）`,
    lineNotLinked: '連携していません',
    email: 'メールアドレス',
    emailConfirmed: (address: string) => `${address}（確認済み）`,
    emailUnconfirmed: (address: string) => `${address}（未確認：確認メールの操作待ち）`,
    emailNone: '登録なし',
    password: 'パスワード',
    passwordInitial: '初期パスワードのまま',
    passwordChanged: '利用者が変更済み',
    passwordNone: '未発行',
    loans: '貸出中の資料',
    loanColumns: { title: '書名', barcode: '資料番号', due: '返却期限', renewals: '延長' },
    noLoans: '貸出中の資料はありません。',
    holds: '予約',
    holdColumns: { title: '書名', status: '状態', branch: '受取館', deadline: '取置期限', contact: '連絡方法' },
    noHolds: '予約はありません。',
    notices: '送った通知（新しいものから最大20件）',
    noticeColumns: { at: '作成', kind: '種類', channel: '経路', status: '状態', error: '失敗の理由' },
    channelWords: { line: 'LINE', email: 'メール' } as Record<string, string>,
    noNotices: '通知は送っていません。',
  },
  desk: {
    checkoutTitle: '貸出',
    checkinTitle: '返却',
    holdTitle: '窓口予約',
    barcodeLabel: '資料番号',
    bibLabel: '書誌番号',
    branchLabel: '受取館',
    checkinBranchLabel: '返却を受けた館',
    channelLabel: '受付',
    channelWords: { counter: '窓口', phone: '電話' } as Record<string, string>,
    checkout: '貸出する',
    checkin: '返却する',
    placeHold: '予約する',
    checkedOut: '貸出を受け付けました。返却期限は貸出中の資料の一覧のとおりです。',
    checkedIn: '返却を受け付けました。',
    checkedInTrapped: '返却を受け付けました。この資料は予約者の取置に回してください（本日の作業に出ています）。',
    holdPlaced: '予約を受け付けました。',
    passwordTitle: '初期パスワードの発行',
    passwordLead:
      '本人確認書類と利用者カードを確認してから発行してください。発行すると今のパスワードは使えなくなります。',
    identityChecked: '本人確認書類で本人であることを確認しました',
    issuePassword: '初期パスワードを発行する',
    unlinkTitle: 'LINE連携の解除',
    unlinkLead: 'この利用者のLINEとの連携を解除します。LINEでは再度ログインが必要になります。',
    unlink: '連携を解除する',
    unlinked: 'LINE連携を解除しました。',
    notLinked: 'この利用者はLINEと連携していません。',
    badInput: (field: string) => `${field}の入力が正しくありません。`,
  },
  receipt: {
    title: '初期パスワード発行票',
    lead: 'この画面は一度しか表示されません。印刷して利用者にお渡しください。',
    print: 'ブラウザの印刷機能（Ctrl+P、タブレットは共有メニューの「プリント」）で印刷してください。',
    issuedAt: '発行日時',
    get password(): string {
      return `初期パスワード（英数字${lib.initialPasswordLength}桁）`;
    },
    get note(): string {
      return (
        'このままでもお使いいただけますが、LINEの「パスワード変更」やご自宅のパソコン、' +
        `スマートフォン、館内の検索機（OPAC）から新しいパスワード（英数字${lib.minPasswordLength}桁以上）に変更できます。` +
        'パスワードは図書館では確認できません。お忘れの場合は本人確認書類と利用者カードをお持ちください。'
      );
    },
    back: '利用者の画面に戻る',
    alreadyIssued:
      'この発行の操作はすでに行われたか、その後に別の発行がありました。二重の発行を防ぐため、何もしていません。' +
      'もう一度発行する場合は、この画面から操作してください。',
  },
  today: {
    title: (day: string) => `本日の作業（${day}）`,
    pullTitle: (branch: string) => `書架から取り出す予約資料：${branch}`,
    pullNone: '書架から取り出す予約資料はありません。',
    pullColumns: { callNumber: '請求記号', barcode: '資料番号', title: '書名', to: '行き先', card: '利用者' },
    pullTo: (status: 'in_transit' | 'ready', pickup: string) =>
      status === 'ready' ? `この館の予約棚へ` : `${pickup}へ回送`,
    expiringTitle: '本日が取置期限の予約',
    expiringNone: '本日が取置期限の予約はありません。',
    expiringColumns: { branch: '受取館', title: '書名', card: 'カード番号', name: '氏名' },
    failedTitle: '送れなかった通知',
    failedNone: '送れなかった通知はありません。',
    failedColumns: { at: '作成', kind: '種類', channel: '経路', card: '利用者', error: '理由', retry: '' },
    retry: 'もう一度送る',
    retried: '通知を送信待ちに戻しました。数分以内に送られます。',
    retryGone: 'この通知はすでに送信待ちか送信済みです。',
    inboxTitle: 'LINEの受信の滞り',
    inbox: (pending: number, oldest: string | null) =>
      pending === 0
        ? '滞っているメッセージはありません。'
        : `未処理のメッセージが${pending}件あります${oldest ? `（最も古いもの：${oldest}受信）` : ''}。`,
  },
  calendar: {
    title: '休館日',
    branchLabel: '館',
    show: '表示',
    listTitle: (branch: string) => `${branch}の臨時休館日（今日以降）`,
    listNone: '臨時休館日は登録されていません（定休日と年末年始は館の設定によります）。',
    reopen: '取り消す',
    addTitle: '臨時休館日の追加',
    fromLabel: '開始日',
    toLabel: '終了日（1日だけなら空欄）',
    preview: '影響を確認する',
    previewTitle: (from: string, to: string, branch: string) =>
      from === to ? `${branch} ${from}を休館日にすると` : `${branch} ${from}〜${to}を休館日にすると`,
    movesNone: '返却期限・取置期限が動く利用者はいません。',
    movesLead: (n: number) => `次の${n}件の期限が動きます。休館日にすると、期限は自動で延びます。`,
    movesColumns: { kind: '種類', card: 'カード番号', name: '氏名', title: '書名', from: '今の期限', to: '新しい期限' },
    moveKind: { due: '返却期限', pickup: '取置期限' } as Record<string, string>,
    confirm: '休館日にする',
    notify: '期限が動く利用者に、LINEまたはメールで新しい期限を知らせる',
    closed: (n: number, moved: number, notified: number) =>
      `休館日を${n}日追加しました。期限が動いた貸出・予約は${moved}件です。` +
      (notified > 0 ? `うち${notified}件を利用者に知らせます。` : ''),
    reopened: '臨時休館日を取り消しました。すでに延ばした期限は元に戻しません。',
    badDates: '日付を正しく入力してください（終了日は開始日から62日以内）。',
  },
  announcements: {
    title: 'お知らせ配信',
    composeTitle: 'お知らせを書く',
    bodyLabel: '本文（LINEのトークに届きます）',
    audienceLabel: '送り先',
    audienceAll: 'LINE連携中のすべての利用者',
    audienceBranch: (branch: string) => `いつもの受取館が${branch}の利用者`,
    write: 'プレビューへ',
    listTitle: 'これまでのお知らせ',
    listNone: 'まだありません。',
    columns: { at: '作成', by: '作成者', to: '送り先', count: '人数', status: '状態' },
    statusWords: { ready: '未送信', sending: '送信中（途中で止まっています）', done: '送信済み' } as Record<
      string,
      string
    >,
    previewTitle: 'プレビュー（LINEでの表示）',
    recipients: (n: number) => `送り先：${n}人`,
    messages: (n: number) => `使うメッセージ数：${n}通（1人に1通）`,
    quota: (used: number, limit: number | null) =>
      limit === null
        ? `今月の送信数：${used}通（上限なし）`
        : `今月の送信数：${used}通／上限${limit}通（残り${Math.max(0, limit - used)}通）`,
    quotaUnknown: '今月の送信数を確認できませんでした（LINEが応答しません）。',
    noLine: 'LINEのチャネルが設定されていないため、送信できません（LINE_CHANNEL_ACCESS_TOKEN）。',
    send: (n: number) => `${n}人に送信する`,
    resume: (n: number) => `残りの${n}人に送信を再開する`,
    progress: (sent: number, total: number, failed: number) =>
      `送信済み ${sent}人／${total}人` + (failed > 0 ? `（送れなかった ${failed}人）` : ''),
    batches: (done: number, total: number) => `${total}回に分けて送信（${done}回済み）`,
    done: '送信が終わりました。',
    /** `error` is the adapter's ('LINE answered 500', 'LINE did not answer'): said in Japanese by its status. */
    stopped: (error: string) => {
      const status = /\b(\d{3})\b/.exec(error)?.[1];
      const why = status ? `LINEがエラー（${status}）を返しました` : 'LINEが応答しませんでした';
      return `途中で止まりました（${why}）。送れていない分は「送信を再開する」で送れます。同じ人に二重に届くことはありません。`;
    },
    overQuota: (n: number) => `今月の上限を${n}通超えるため送信しませんでした。送り先を絞るか、来月に送ってください。`,
    invalidBody: '本文を1〜5000文字で入力してください。',
    zero: '送り先の利用者がいません。',
  },
  accounts: {
    title: '職員アカウント',
    columns: { name: 'アカウント名', role: '権限', state: '状態', since: '作成日' },
    active: '有効',
    disabled: (at: string) => `停止（${at}）`,
    disable: '停止する',
    addTitle: 'アカウントの追加',
    nameLabel: 'アカウント名（半角英小文字・数字）',
    roleLabel: '権限',
    add: '追加する',
    added: (name: string) =>
      `${name} を追加しました。次のパスワードを本人に伝えてください（この画面でしか表示されません）。`,
    disabledDone: (name: string) => `${name} を停止しました。ログイン中の画面もログアウトされます。`,
    self: '自分のアカウントは停止できません。',
    nameInvalid: 'アカウント名は半角英小文字・数字と「.」「_」「-」の2〜32文字で入力してください。',
    nameTaken: (name: string) => `${name} はすでにあります。別の名前にしてください。`,
    unknown: (name: string) => `${name} というアカウントはありません。`,
  },
  failure: {
    notFound: (what: string) => `${what}が見つかりません。番号をお確かめください。`,
    conflict: (message: string) => `処理できませんでした：${message}`,
  },
} as const;

export type ConsoleWords = typeof consoleWords;
