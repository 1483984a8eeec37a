import { libraryCard as m } from '../../messages/current.js';
import type { Flow } from '../flow.js';
import { text } from '../reply.js';
import { loginButtonReply, menuActions, requireLogin } from './common.js';

export const CARD_FLOW = 'card';

/**
 * 利用者カード (issue 27, docs/library-card.md): the card linked to this LINE user as an NW-7
 * barcode for the counter's scanner, with the holder's name and the number masked but for its
 * last 4 digits. Not logged in: why, and the login button.
 */
export const libraryCardFlow: Flow = {
  name: CARD_FLOW,
  states: {},
  steps: {
    show(ctx) {
      const login = requireLogin(ctx);
      if (login) return { ...login, then: 'loginButton' };
      return { replies: [], effects: [{ kind: 'libraryCard' }], then: 'shown' };
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx, m.needsLogin)] }),
    shown(ctx) {
      const card = ctx.facts.libraryCard;
      if (!card) return { replies: [text(m.unavailable, menuActions())] };
      return {
        replies: [
          {
            kind: 'libraryCard',
            altText: m.altText(card.maskedNumber),
            card: {
              title: m.title,
              imageUrl: `${ctx.publicBaseUrl}${card.imagePath}`,
              rows: [
                { label: m.holderLabel, value: m.holder(card.holderName) },
                { label: m.numberLabel, value: card.maskedNumber },
              ],
              notes: [m.brightness, m.validUntil(card.expiresAt)],
            },
            quickReplies: menuActions(),
          },
        ],
      };
    },
  },
};
