import { z } from 'zod';
import { patronChat } from '../../messages/current.js';
import { reading, type Flow } from '../flow.js';
import { text } from '../reply.js';
import { confirmAction, confirmationIsCurrent, expiredReply, loggedOutMenu, stopAction } from './common.js';

/** The question is asked; nothing to keep but the state's version, which the button carries. */
const confirmingState = z.object({});

/** ログアウト: confirm, unlink the card, switch the rich menu back, forget pending state. */
export const logoutFlow: Flow = {
  name: 'logout',
  states: { confirming: confirmingState },
  steps: {
    confirm(ctx) {
      if (!ctx.user.patronId) return { replies: [text(patronChat.notLoggedIn, loggedOutMenu())] };
      return {
        replies: [
          {
            kind: 'buttons',
            altText: patronChat.buttons.logout,
            text: patronChat.logoutConfirm,
            actions: [confirmAction(ctx, 'logout', 'do', patronChat.buttons.logout), stopAction()],
          },
        ],
        next: { step: 'confirming', data: {} },
      };
    },
    confirming: () => ({ replies: [expiredReply()] }),
    do: reading(confirmingState, (ctx) => {
      if (!confirmationIsCurrent(ctx)) return { replies: [expiredReply()], next: null };
      // The event found the patron logged in, but the answer is read logged out: ログイン is offered.
      return {
        replies: [text(patronChat.loggedOut, loggedOutMenu())],
        effects: [{ kind: 'unlinkAccount' }],
        next: null,
      };
    }),
  },
};
