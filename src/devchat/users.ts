import { demoPatrons } from '../seed/demo/patrons.js';

/** A LINE user of the chat page, and the demo patron card it is meant to log in with. */
export interface DevChatUser {
  lineUserId: string;
  /** e.g. "鎌ケ谷 太郎 (2000000001 / k7Tm2qX9)": the card and password to type on the login page. */
  label: string;
  /** The language of this user's (pretend) LINE app: the bot's first answer follows it. */
  language: string;
}

/**
 * The demo patrons worth trying first: every service; an e-mail contact; one hold left; the hold
 * limit reached; a non-resident (status and renewal only); a child not yet of school age. The page
 * shows the demo passwords on purpose: they are printed in the README as well, and exist only in
 * the demo library.
 */
const CARDS = ['2000000001', '2000000002', '2000000003', '2000000004', '2000000007', '2000000008', '2000000005'];

/** The last user's phone is set to English: the bot answers them in English from the first word. */
const LANGUAGE_OF_CARD: Readonly<Record<string, string>> = { '2000000005': 'en-US' };

/** LINE user ids are U + 32 hex digits; these are fixed so that a restart keeps each user's login. */
const lineUserIdFor = (n: number) => `Udc${n.toString(16).padStart(30, '0')}`;

export const DEV_CHAT_USERS: readonly DevChatUser[] = CARDS.flatMap((card, i) => {
  const p = demoPatrons.find((d) => d.cardNumber === card);
  if (!p) return [];
  const language = LANGUAGE_OF_CARD[card] ?? 'ja';
  const label = `${p.name} (${card} / ${p.password ?? '—'})${language === 'ja' ? '' : ` — LINE: ${language}`}`;
  return [{ lineUserId: lineUserIdFor(i + 1), label, language }];
});

export const isDevChatUser = (id: unknown): id is string =>
  typeof id === 'string' && DEV_CHAT_USERS.some((u) => u.lineUserId === id);

/** The language of a chat-page user's LINE app (LINE's profile API as the page fakes it). */
export const devChatUserLanguage = (id: string): string | undefined =>
  DEV_CHAT_USERS.find((u) => u.lineUserId === id)?.language;
