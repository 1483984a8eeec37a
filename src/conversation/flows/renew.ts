import { z } from 'zod';
import { patronChat } from '../../messages/ja.js';
import { reading, type Flow } from '../flow.js';
import { text } from '../reply.js';
import {
  confirmAction,
  confirmationIsCurrent,
  expiredReply,
  failureReply,
  loginButtonReply,
  menuActions,
  requireLogin,
  stopAction,
} from './common.js';

/** The question is asked: what the tap on its button acts on. */
const confirmingState = z.object({ loanId: z.string(), title: z.string() });

/** R-LOAN-2: 延長する → a confirmation with the new due date → 延長する → done (or the reason). */
export const renewFlow: Flow = {
  name: 'renew',
  states: { confirming: confirmingState },
  steps: {
    confirm(ctx) {
      const loanId = ctx.postback?.args[0] ?? '';
      return requireLogin(ctx) ?? { replies: [], effects: [{ kind: 'renewalOffer', loanId }], then: 'ask' };
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    ask(ctx) {
      const r = ctx.facts.renewal;
      if (!r) return { replies: [expiredReply()] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      const o = r.value;
      return {
        replies: [
          {
            kind: 'buttons',
            altText: patronChat.buttons.renew,
            text: patronChat.renewConfirm(o.title, o.dueDate, o.newDueDate, o.shortens),
            actions: [confirmAction(ctx, 'renew', 'do', patronChat.buttons.renew, o.loanId), stopAction],
          },
        ],
        next: { step: 'confirming', data: { loanId: o.loanId, title: o.title } },
      };
    },
    confirming: () => ({ replies: [expiredReply()] }),
    do: reading(confirmingState, (ctx) => {
      const loanId = ctx.postback?.args[0];
      if (!confirmationIsCurrent(ctx) || ctx.data?.loanId !== loanId || !loanId)
        return { replies: [expiredReply()], next: null };
      return { replies: [], effects: [{ kind: 'renew', loanId }], then: 'done', next: null };
    }),
    done: reading(confirmingState, (ctx) => {
      const r = ctx.facts.renewed;
      if (!r) return { replies: [expiredReply()] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      return { replies: [text(patronChat.renewed(ctx.data?.title ?? '', r.value.dueDate), menuActions)] };
    }),
  },
};
