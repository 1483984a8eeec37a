import { z } from 'zod';
import { holdServices as hs } from '../../messages/current.js';
import { decodePostback, encodePostback } from '../postback.js';
import { reading } from '../flow.js';
import { typedDate } from '../typed-date.js';
import { tokyoDate } from '../../domain/dates.js';
import { text, type Action } from '../reply.js';
import { expiredReply, noValueReply, stopAction } from './common.js';
import { confirmedAction } from './confirmed-action.js';
import { asideReplies, extendFlow, searchAside, startOnHold } from './extend-flow.js';

const FLOW = 'pause';

const confirmed = confirmedAction({
  name: FLOW,
  action: 'pause',
  id: 'id',
  offer: { effect: (id) => ({ kind: 'pauseOffer', id }), fact: (f) => f.pauseOffer },
  act: { effect: (id) => ({ kind: 'pauseHold', id }), fact: (f) => f.paused },
  state: z.object({ id: z.string(), title: z.string(), kind: z.enum(['suspend', 'notNeededAfter']), date: z.string() }),
  keep: (o) => ({ id: o.id, title: o.title, kind: o.kind, date: o.date }),
  get button() {
    return hs.buttons.set;
  },
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

/** Waiting for the date: a tap, or the date typed (「12/20まで」, 「1月31日以降不要」). */
const datesState = z.object({
  holdId: z.string(),
  suspend: z.array(z.string()),
  notNeeded: z.array(z.string()),
});
type Dates = z.infer<typeof datesState>;

function choices(c: Dates): Action[] {
  return [
    ...c.suspend.map((d) => choice(hs.suspendChoice(d), `${c.holdId}~s~${d}`)),
    ...c.notNeeded.map((d) => choice(hs.notNeededChoice(d), `${c.holdId}~n~${d}`)),
    stopAction(),
  ];
}

/** A typed answer: a choice's own words, or a date (不要 in it: a 不要日, else a suspension). */
function typedChoice(typed: string, c: Dates, now: Date): string | undefined {
  const word = typed.normalize('NFKC').trim();
  const tapped = choices(c).find((a) => a.kind === 'postback' && a.label.normalize('NFKC') === word);
  if (tapped?.kind === 'postback') return decodePostback(tapped.data)?.args[0];
  const date = typedDate(word, tokyoDate(now));
  if (!date) return undefined;
  return `${c.holdId}~${/不要|いらない/.test(word) ? 'n' : 's'}~${date}`;
}

/**
 * R-RES-11, R-RES-12: 一時停止 on a hold card (`pause|start|holdId`) → the dates (a week, two
 * weeks, a month; or a 不要日 one to three months ahead; or a date typed) → the confirmation →
 * 設定する → done. A hold whose copy is on its way or ready is told why not first.
 */
export const pauseFlow = extendFlow(confirmed, {
  textSteps: ['dates'],
  states: { dates: datesState },
  steps: {
    ...startOnHold(FLOW, (holdId) => ({ kind: 'pauseChoices', holdId })),
    choose(ctx) {
      const r = ctx.facts.pauseChoices;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const c = { holdId: r.value.holdId, suspend: r.value.suspend, notNeeded: r.value.notNeeded };
      return { replies: [text(hs.choosePause(r.value.title), choices(c))], next: { step: 'dates', data: c } };
    },
    aside: reading(datesState, (ctx) => ({
      replies: asideReplies(ctx, ctx.data ? choices(ctx.data) : [stopAction()]),
    })),
    dates: reading(datesState, (ctx) => {
      if (!ctx.data || ctx.input.kind !== 'text') return { replies: [expiredReply()], next: null };
      const id = typedChoice(ctx.input.text, ctx.data, ctx.now);
      if (!id) return searchAside(ctx, 'dates', ctx.data);
      return { replies: [], effects: [{ kind: 'pauseOffer', id }], then: 'ask' };
    }),
  },
});
