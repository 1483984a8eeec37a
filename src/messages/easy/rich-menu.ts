// The rich menus' words in やさしい日本語 (richmenus/logged-in-easy.json, logged-out-easy.json): each
// tile sends its word when tapped, so each word is one of KEYWORDS (./chat.ts) for the same intent.
// A picture has no furigana, so the words are kana or first-grade kanji; ログイン and ヘルプ stay.
// Spaces between words, as やさしい日本語 is written, are where a label may wrap on its tile.

/** Checked against RichMenuWords in ../rich-menu-words.ts, which gathers every language's. */
export const RICH_MENU = {
  chatBarText: 'メニュー',
  tiles: {
    search: '本を さがす',
    status: 'りよう じょうきょう',
    login: 'ログイン',
    logout: 'ログアウト',
    passwordChange: 'パスワード へんこう',
    emailRegistration: 'メール とうろく',
    services: 'かくしゅ サービス',
    help: 'ヘルプ',
    libraryCard: 'りようしゃ カード',
  },
} as const;
