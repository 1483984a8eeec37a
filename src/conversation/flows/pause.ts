import { z } from 'zod';
import { holdServices as hs } from '../../messages/ja/index.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import { noValueReply, stopAction } from './common.js';
import { confirmedAction } from './confirmed-action.js';
import { extendFlow, startOnHold } from './extend-flow.js';

const FLOW = 'pause';

const confirmed = confirmedAction({
  name: FLOW,
  action: 'pause',
  id: 'id',
  offer: { effect: (id) => ({ kind: 'pauseOffer', id }), fact: (f) => f.pauseOffer },
  act: { effect: (id) => ({ kind: 'pauseHold', id }), fact: (f) => f.paused },
  state: z.object({ id: z.string(), title: z.string(), kind: z.enum(['suspend', 'notNeededAfter']), date: z.string() }),
  keep: (o) => ({ id: o.id, title: o.title, kind: o.kind, date: o.date }),
  button: hs.buttons.set,
  question: (o) => (o.kind === 'suspend' ? hs.suspendConfirm(o.title, o.date) : hs.notNeededConfirm(o.title, o.date)),
  done: (kept, r) =>
    kept?.kind === 'notNeededAfter' ? hs.notNeededDone(r.title, kept.date) : hs.suspendDone(r.title, kept?.date ?? ''),
});

const choice = (label: string, id: string): Action => ({
  kind: 'postback',
  label,
  data: encodePostback(FLOW, 'confirm', id)!,
  displayText: label,
});

/**
 * R-RES-11, R-RES-12: 一時停止 on a hold card (`pause|start|holdId`) → the dates (a week, two
 * weeks, a month; or a 不要日 one to three months ahead) → the confirmation → 設定する → done.
 * A hold whose copy is on its way or ready is told why not first.
 */
export const pauseFlow = extendFlow(confirmed, {
  steps: {
    ...startOnHold(FLOW, (holdId) => ({ kind: 'pauseChoices', holdId })),
    choose(ctx) {
      const r = ctx.facts.pauseChoices;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const c = r.value;
      return {
        replies: [
          text(hs.choosePause(c.title), [
            ...c.suspend.map((d) => choice(hs.suspendChoice(d), `${c.holdId}~s~${d}`)),
            ...c.notNeeded.map((d) => choice(hs.notNeededChoice(d), `${c.holdId}~n~${d}`)),
            stopAction,
          ]),
        ],
      };
    },
  },
});
