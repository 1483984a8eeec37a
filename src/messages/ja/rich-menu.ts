// The rich menus' words in Japanese: richmenus/logged-in.json and logged-out.json send these
// (written by hand before the other languages; scripts/richmenu-json.ts reads them to know which
// intent each tile of those files is).

/** Checked against RichMenuWords in ../rich-menu-words.ts, which gathers every language's. */
export const RICH_MENU = {
  chatBarText: 'メニュー',
  tiles: {
    search: '蔵書検索',
    status: 'ご利用状況',
    login: 'ログイン',
    logout: 'ログアウト',
    passwordChange: 'パスワード変更',
    emailRegistration: 'メールアドレス登録',
    services: '各種サービス',
    help: 'ヘルプ',
    libraryCard: '利用者カード',
  },
} as const;
