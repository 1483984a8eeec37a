import { patronChat } from '../../messages/ja/index.js';
import { reading, type Flow } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text } from '../reply.js';
import { expiredReply, loginButtonReply, loginWaitState, menuActions } from './common.js';

/**
 * ログイン: a button to the login page (LINE account link; the password never goes through the
 * chat). LINE's accountLink event then links the card and offers again what was waiting.
 */
export const loginFlow: Flow = {
  name: 'login',
  states: { wait: loginWaitState },
  steps: {
    start(ctx) {
      if (ctx.user.patronId) return { replies: [text(patronChat.alreadyLoggedIn, menuActions)] };
      return {
        replies: [],
        effects: [{ kind: 'issueLinkToken' }],
        then: 'loginButton',
        next: { step: 'wait', data: {} },
      };
    },
    /** A card number and password typed into the chat: not repeated; the login page instead. */
    passwordInChat(ctx) {
      if (ctx.user.patronId) return { replies: [text(patronChat.passwordInChatLoggedIn, menuActions)] };
      return {
        replies: [],
        effects: [{ kind: 'issueLinkToken' }],
        then: 'passwordButton',
        next: { step: 'wait', data: {} },
      };
    },
    passwordButton: (ctx) => ({ replies: [loginButtonReply(ctx, patronChat.passwordInChat)] }),
    loginButton: reading(loginWaitState, (ctx) => ({
      replies: [loginButtonReply(ctx, ctx.data?.pending ? patronChat.loginNeeded : '')],
    })),
    /** The login page is open; this state only keeps what to offer again after LINE links the account. */
    wait: () => ({ replies: [] }),
    linked: reading(loginWaitState, (ctx) => {
      if (ctx.input.kind !== 'accountLink') return { replies: [expiredReply()] };
      // A reservation waiting for the login names its title when offered again: read it now.
      const pending = ctx.data?.pending;
      const bibId = pending?.flow === 'reserve' ? (pending.args[0] ?? '') : '';
      return {
        replies: [],
        effects: [
          { kind: 'linkAccount', nonce: ctx.input.nonce },
          ...(bibId ? [{ kind: 'titleDetail' as const, bibId }] : []),
        ],
        then: 'afterLink',
        next: null,
      };
    }),
    afterLink: reading(loginWaitState, (ctx) => {
      const r = ctx.facts.linked;
      if (!r?.ok) return { replies: [text(patronChat.linkFailed, menuActions)] };
      const pending = ctx.data?.pending;
      const again = pending ? encodePostback(pending.flow, pending.step, ...pending.args) : undefined;
      if (!pending || !again) return { replies: [text(patronChat.loggedIn, menuActions)] };
      return {
        replies: [
          text(patronChat.loggedIn),
          {
            kind: 'buttons',
            altText: patronChat.buttons.reserve,
            text: patronChat.continueReservation(pending.title ?? ctx.facts.title?.title ?? ''),
            actions: [
              {
                kind: 'postback',
                label: patronChat.buttons.reserve,
                data: again,
                displayText: patronChat.buttons.reserve,
              },
            ],
          },
        ],
      };
    }),
    linkFailed: () => ({ replies: [text(patronChat.linkFailed, menuActions)] }),
  },
};
