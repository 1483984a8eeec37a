import { currentLanguage } from '../../lib/language.js';
import { botMessages, chat, patronChat } from '../../messages/current.js';
import type { Flow } from '../flow.js';
import { text } from '../reply.js';
import { menuFor } from './common.js';

/** Follow greeting and ヘルプ: what the account can do, and what needs a password. */
export const helpFlow: Flow = {
  name: 'help',
  states: {},
  steps: {
    // The quick replies follow the login state: a logged-in patron is not offered ログイン.
    // A follower whose LINE is not in Japanese gets the menu in their language at once; in
    // Japanese the channel's default menu is already the right one.
    greet: (ctx) => ({
      replies: [text(botMessages.greeting, menuFor(ctx))],
      ...(currentLanguage() === 'ja' ? {} : { effects: [{ kind: 'showMenu' as const }] }),
    }),
    show: (ctx) => ({ replies: [text(chat.help, menuFor(ctx))] }),
    comingSoon: (ctx) => ({ replies: [text(chat.comingSoon, menuFor(ctx))] }),
    /** やめる: whatever was in progress ends (the router resets the state for keywords). */
    stop: (ctx) => ({ replies: [text(patronChat.cancelled, menuFor(ctx))] }),
  },
};
