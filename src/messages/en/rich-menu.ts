// The rich menus' words in English (richmenus/logged-in-en.json, logged-out-en.json): each tile
// sends its word when tapped, so each word is one of KEYWORDS (./chat.ts) for the same intent.

/** Checked against RichMenuWords in ../rich-menu-words.ts, which gathers every language's. */
export const RICH_MENU = {
  chatBarText: 'Menu',
  tiles: {
    search: 'Search',
    status: 'My account',
    login: 'Log in',
    logout: 'Log out',
    passwordChange: 'Change password',
    emailRegistration: 'Register email',
    services: 'Other services',
    help: 'Help',
    libraryCard: 'Library card',
  },
} as const;
