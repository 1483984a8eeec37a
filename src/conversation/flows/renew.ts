import { z } from 'zod';
import { patronChat } from '../../messages/current.js';
import { confirmedAction } from './confirmed-action.js';

/** R-LOAN-2: 延長する → a confirmation with the new due date → 延長する → done (or the reason). */
export const renewFlow = confirmedAction({
  name: 'renew',
  action: 'renew',
  id: 'loanId',
  offer: { effect: (loanId) => ({ kind: 'renewalOffer', loanId }), fact: (f) => f.renewal },
  act: { effect: (loanId) => ({ kind: 'renew', loanId }), fact: (f) => f.renewed },
  // The title is kept for the last message: the renewal's result has only the new due date.
  state: z.object({ loanId: z.string(), title: z.string() }),
  keep: (o) => ({ loanId: o.loanId, title: o.title }),
  get button() {
    return patronChat.buttons.renew;
  },
  question: (o) => patronChat.renewConfirm(o.title, o.dueDate, o.newDueDate, o.shortens),
  done: (kept, renewed) => patronChat.renewed(kept?.title ?? '', renewed.dueDate),
});
