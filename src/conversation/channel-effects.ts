// The effects that talk to the channel's account services (link tokens, rich menus), apart from
// the library's data, so a failure of LINE here is told apart from a database error.

import { errorText } from '../log.js';
import { rememberLinkToken, reusableLinkToken } from '../services/account-link.js';
import { currentLanguage, pageLanguageQuery } from '../lib/language.js';
import type { Executor } from '../db/executor.js';
import type { Logger } from '../log.js';
import type { LineAccount } from './ports.js';

/** What these effects need of the engine's dependencies (effects.ts EffectDeps has them). */
interface ChannelDeps {
  db: Executor;
  line: LineAccount;
  publicBaseUrl: string;
  log: Logger;
}

/**
 * The login page's address, or null when LINE would not issue a link token (the flow says to try
 * again). Only LINE's failure is answered that way: a database error propagates, so the event
 * waits in the inbox instead of being answered as if the patron had no token.
 */
export async function loginUrl(deps: ChannelDeps, lineUserId: string, now: Date): Promise<string | null> {
  let token = await reusableLinkToken(deps.db, lineUserId, now);
  if (token === undefined) {
    try {
      token = await deps.line.issueLinkToken(lineUserId);
    } catch (err) {
      deps.log.warn('link token not issued', { error: errorText(err) });
      return null;
    }
    await rememberLinkToken(deps.db, lineUserId, token, now);
  }
  return `${deps.publicBaseUrl}/login?linkToken=${encodeURIComponent(token)}${pageLanguageQuery('&')}`;
}

/**
 * The menu follows the login state, in the language the event runs in; a LINE hiccup here must
 * not undo the login itself.
 */
export async function switchMenu(
  deps: ChannelDeps,
  lineUserId: string,
  which: 'logged-in' | 'logged-out',
): Promise<void> {
  const language = currentLanguage();
  try {
    await deps.line.showRichMenu(lineUserId, which, language);
  } catch (err) {
    deps.log.warn('rich menu not switched', { which, language, error: errorText(err) });
  }
}
