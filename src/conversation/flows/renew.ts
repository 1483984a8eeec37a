import { patronChat } from '../../messages/ja/index.js';
import type { Flow } from '../flow.js';
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

/** R-LOAN-2: 延長する → a confirmation with the new due date → 延長する → done (or the reason). */
export const renewFlow: Flow = {
  name: 'renew',
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
    do(ctx) {
      const loanId = ctx.postback?.args[0];
      if (!confirmationIsCurrent(ctx) || ctx.data?.loanId !== loanId || !loanId)
        return { replies: [expiredReply()], next: null };
      return { replies: [], effects: [{ kind: 'renew', loanId }], then: 'done', next: null };
    },
    done(ctx) {
      const r = ctx.facts.renewed;
      if (!r) return { replies: [expiredReply()] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      return { replies: [text(patronChat.renewed(String(ctx.data?.title ?? ''), r.value.dueDate), menuActions)] };
    },
  },
};
