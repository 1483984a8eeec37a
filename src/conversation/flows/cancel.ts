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
const confirmingState = z.object({ holdId: z.string() });

/** R-CAN-1: 取消する → confirmation → 取消する → 予約の取消が完了しました. R-CAN-2: not a 受取り可 hold. */
export const cancelFlow: Flow = {
  name: 'cancel',
  states: { confirming: confirmingState },
  steps: {
    confirm(ctx) {
      const holdId = ctx.postback?.args[0] ?? '';
      return requireLogin(ctx) ?? { replies: [], effects: [{ kind: 'cancellableHold', holdId }], then: 'ask' };
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    ask(ctx) {
      const r = ctx.facts.cancellable;
      if (!r) return { replies: [expiredReply()] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      return {
        replies: [
          {
            kind: 'buttons',
            altText: patronChat.buttons.cancelHold,
            text: patronChat.cancelConfirm(r.value.title, r.value.branchName),
            actions: [confirmAction(ctx, 'cancel', 'do', patronChat.buttons.cancelHold, r.value.holdId), stopAction],
          },
        ],
        next: { step: 'confirming', data: { holdId: r.value.holdId } },
      };
    },
    confirming: () => ({ replies: [expiredReply()] }),
    do: reading(confirmingState, (ctx) => {
      const holdId = ctx.postback?.args[0];
      if (!confirmationIsCurrent(ctx) || ctx.data?.holdId !== holdId || !holdId)
        return { replies: [expiredReply()], next: null };
      return { replies: [], effects: [{ kind: 'cancelHold', holdId }], then: 'done', next: null };
    }),
    done: reading(confirmingState, (ctx) => {
      const r = ctx.facts.cancelled;
      if (!r) return { replies: [expiredReply()] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      return { replies: [text(patronChat.cancelDone, menuActions)] };
    }),
  },
};
