import { patronChat } from '../../messages/ja/index.js';
import type { Flow } from '../flow.js';
import { text } from '../reply.js';
import { confirmAction, confirmationIsCurrent, expiredReply, menuActions, stopAction } from './common.js';

/** ログアウト: confirm, unlink the card, switch the rich menu back, forget pending state. */
export const logoutFlow: Flow = {
  name: 'logout',
  steps: {
    confirm(ctx) {
      if (!ctx.user.patronId) return { replies: [text(patronChat.notLoggedIn, menuActions)] };
      return {
        replies: [
          {
            kind: 'buttons',
            altText: patronChat.buttons.logout,
            text: patronChat.logoutConfirm,
            actions: [confirmAction(ctx, 'logout', 'do', patronChat.buttons.logout), stopAction],
          },
        ],
        next: { step: 'confirming', data: {} },
      };
    },
    confirming: () => ({ replies: [expiredReply()] }),
    do(ctx) {
      if (!confirmationIsCurrent(ctx)) return { replies: [expiredReply()], next: null };
      return { replies: [text(patronChat.loggedOut, menuActions)], effects: [{ kind: 'unlinkAccount' }], next: null };
    },
  },
};
