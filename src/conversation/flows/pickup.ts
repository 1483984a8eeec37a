import { z } from 'zod';
import { holdServices as hs } from '../../messages/current.js';
import { reading } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import { typedBranch } from '../typed-choice.js';
import { expiredReply, noValueReply, stopAction } from './common.js';
import { confirmedAction } from './confirmed-action.js';
import { asideReplies, extendFlow, searchAside, startOnHold } from './extend-flow.js';

const FLOW = 'pickup';
const id = (holdId: string, branch: string) => `${holdId}~${branch}`;

/** Waiting for the new branch: the hold and the branches offered (a typed name counts as the tap). */
const branchState = z.object({
  holdId: z.string(),
  branches: z.array(z.object({ code: z.string(), name: z.string() })),
});

const confirmed = confirmedAction({
  name: FLOW,
  action: 'pickup',
  id: 'id',
  offer: { effect: (id) => ({ kind: 'pickupOffer', id }), fact: (f) => f.pickupOffer },
  act: { effect: (id) => ({ kind: 'changePickup', id }), fact: (f) => f.pickupChanged },
  state: z.object({ id: z.string(), title: z.string(), to: z.string() }),
  keep: (o) => ({ id: o.id, title: o.title, to: o.to }),
  get button() {
    return hs.buttons.change;
  },
  question: (o) => hs.pickupConfirm(o.title, o.from, o.to),
  done: (kept, r) => hs.pickupDone(kept?.title ?? r.title, r.branchName),
});

function branchActions(holdId: string, branches: readonly { code: string; name: string }[]): Action[] {
  return branches.map((b) => ({
    kind: 'postback',
    label: b.name,
    data: encodePostback(FLOW, 'confirm', id(holdId, b.code))!,
    displayText: b.name,
  }));
}

/**
 * R-RES-10: 受取館変更 on a hold card (`pickup|start|holdId`) → the other pickup branches →
 * the confirmation (from → to, the place kept) → 変更する → done. A 受取り可 or in-transit hold is
 * told, before any choice, to phone the branch.
 */
export const pickupFlow = extendFlow(confirmed, {
  textSteps: ['branch'],
  states: { branch: branchState },
  steps: {
    ...startOnHold(FLOW, (holdId) => ({ kind: 'pickupChoices', holdId })),
    choose(ctx) {
      const r = ctx.facts.pickupChoices;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const c = r.value;
      return {
        replies: [text(hs.chooseNewBranch(c.title, c.current), [...branchActions(c.holdId, c.branches), stopAction()])],
        next: { step: 'branch', data: { holdId: c.holdId, branches: c.branches } },
      };
    },
    aside: reading(branchState, (ctx) => ({
      replies: asideReplies(ctx, ctx.data ? [...branchActions(ctx.data.holdId, ctx.data.branches), stopAction()] : []),
    })),
    // A typed branch name is the tap on its button; other words are a search, the choice kept open.
    branch: reading(branchState, (ctx) => {
      if (!ctx.data || ctx.input.kind !== 'text') return { replies: [expiredReply()], next: null };
      const chosen = typedBranch(ctx.input.text, ctx.data.branches);
      if (!chosen) return searchAside(ctx, 'branch', ctx.data);
      return { replies: [], effects: [{ kind: 'pickupOffer', id: id(ctx.data.holdId, chosen.code) }], then: 'ask' };
    }),
  },
});
