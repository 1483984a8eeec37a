import { z } from 'zod';
import { holdServices as hs, refusalMessage } from '../../messages/current.js';
import type { Refusal } from '../../domain/refusals.js';
import type { StepContext, StepResult } from '../flow.js';
import { text } from '../reply.js';
import { loginButtonReply, menuActions, requireLogin } from './common.js';
import { confirmedAction } from './confirmed-action.js';
import { extendFlow } from './extend-flow.js';

const FLOW = 'renew-all';

const reason = (r: Refusal | null) => (r ? refusalMessage(r) : hs.renewAllNoReason);

const confirmed = confirmedAction({
  name: FLOW,
  action: 'renewAll',
  id: 'all',
  offer: { effect: () => ({ kind: 'renewAllOffer' }), fact: (f) => f.renewAllOffer },
  act: { effect: () => ({ kind: 'renewAll' }), fact: (f) => f.renewedAll },
  state: z.object({ all: z.string() }),
  keep: () => ({ all: 'all' }),
  get button() {
    return hs.buttons.renewAllDo;
  },
  question: (o) =>
    hs.renewAllConfirm(
      [
        ...o.renewable.map((l) => hs.renewAllRow(l.title, l.newDueDate)),
        ...o.refused.map((l) => hs.renewAllNotRow(l.title, reason(l.refusal))),
      ],
      o.renewable.length,
    ),
  done: (_kept, r) =>
    hs.renewAllDone(
      r.results.map((l) =>
        l.dueDate ? hs.renewAllDoneRow(l.title, l.dueDate) : hs.renewAllNotRow(l.title, reason(l.refusal)),
      ),
    ),
});

/**
 * R-LOAN-5: まとめて延長 (typed, or the button under the loans) → the list: each loan with its new
 * due date or the reason it cannot be renewed → 延長する → each loan's result. With nothing to
 * renew, the reasons are said and nothing is asked.
 */
export const renewAllFlow = extendFlow(confirmed, {
  steps: {
    start(ctx: StepContext): StepResult {
      return (
        requireLogin(ctx, { flow: FLOW, step: 'start', args: [] }) ?? {
          replies: [],
          effects: [{ kind: 'renewAllOffer' }],
          then: 'ask',
        }
      );
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    ask(ctx) {
      const r = ctx.facts.renewAllOffer;
      if (r?.ok && r.value.renewable.length === 0) {
        const rows = r.value.refused.map((l) => hs.renewAllNotRow(l.title, reason(l.refusal)));
        return { replies: [text(rows.length > 0 ? hs.renewAllNone(rows) : hs.renewAllNoLoans, menuActions())] };
      }
      return confirmed.steps.ask!(ctx);
    },
  },
});
