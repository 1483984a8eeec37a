import { demoPatrons } from '../seed/demo/patrons.js';

/** A LINE user of the chat page, and the demo patron card it is meant to log in with. */
export interface DevChatUser {
  lineUserId: string;
  /** e.g. "鎌ケ谷 太郎 (2000000001 / k7Tm2qX9)": the card and password to type on the login page. */
  label: string;
}

/**
 * The demo patrons worth trying first: every service; an e-mail contact; one hold left; the hold
 * limit reached; a non-resident (status and renewal only); a child not yet of school age. The page
 * shows the demo passwords on purpose: they are printed in the README as well, and exist only in
 * the demo library.
 */
const CARDS = ['2000000001', '2000000002', '2000000003', '2000000004', '2000000007', '2000000008'];

/** LINE user ids are U + 32 hex digits; these are fixed so that a restart keeps each user's login. */
const lineUserIdFor = (n: number) => `Udc${n.toString(16).padStart(30, '0')}`;

export const DEV_CHAT_USERS: readonly DevChatUser[] = CARDS.flatMap((card, i) => {
  const p = demoPatrons.find((d) => d.cardNumber === card);
  return p ? [{ lineUserId: lineUserIdFor(i + 1), label: `${p.name} (${card} / ${p.password ?? '—'})` }] : [];
});

export const isDevChatUser = (id: unknown): id is string =>
  typeof id === 'string' && DEV_CHAT_USERS.some((u) => u.lineUserId === id);
