import type { z } from 'zod';
import type { ConfirmedKind } from '../../services/done-already.js';
import type { Outcome } from '../../services/errors.js';
import type { Effect, Facts } from '../effects.js';
import { reading, type Flow, type StoredData } from '../flow.js';
import { patronChat } from '../../messages/current.js';
import { text } from '../reply.js';
import { typedNo, typedYes } from '../typed-choice.js';
import { searchEffects, searchResultReplies } from './search.js';
import { alreadyStep, askDoneAlready, finishedState } from './done-already.js';
import {
  confirmAction,
  confirmationIsCurrent,
  expiredReply,
  loginButtonReply,
  menuActions,
  namingHolder,
  noValueReply,
  requireLogin,
  stopAction,
} from './common.js';

/**
 * An action on one of the patron's own items, asked before it is done: a button names the item
 * (`flow|confirm|id`), the offer is read and the question asked with a button good for that state
 * only (`flow|do|id|version`), and the tap does it. Its steps: confirm → ask → (confirming) do → done
 * → (finished). A tap or a typed はい after that finds the item done already and says so (`already`).
 */
export interface ConfirmedAction<
  Id extends string,
  Offer extends Record<Id, string>,
  Kept extends Record<Id, string>,
  Done,
> {
  name: string;
  /** Which action it is, to ask whether an item is done already when its confirmation is repeated. */
  action: ConfirmedKind;
  /** The key naming the item in the offer and in the kept state (holdId, loanId). */
  id: Id;
  /** Reads the item and whether the action is allowed on it. */
  offer: { effect: (id: string) => Effect; fact: (facts: Facts) => Outcome<Offer> | undefined };
  /** The action itself, on the item the confirmation button names. */
  act: { effect: (id: string) => Effect; fact: (facts: Facts) => Outcome<Done> | undefined };
  /** What is kept while the question waits: the id, and what the last message needs. */
  state: z.ZodType<Kept>;
  keep: (offer: Offer) => Kept;
  /** The button, both in the question and as its alt text. */
  button: string;
  question: (offer: Offer) => string;
  done: (kept: Kept | undefined, result: Done) => string;
}

export function confirmedAction<
  Id extends string,
  Offer extends Record<Id, string>,
  Kept extends Record<Id, string> & StoredData,
  Done,
>(spec: ConfirmedAction<Id, Offer, Kept, Done>): Flow {
  const finished = finishedState(spec.state);
  return {
    name: spec.name,
    // はい (or the button's own word) typed at the question counts as the tap; いいえ stops.
    // `finished`: done; the same words typed again are told it is done, not done twice (other
    // words are searched as if nothing were kept).
    textSteps: ['confirming', 'finished'],
    textOnly: {
      finished: (typed) => {
        const word = typed.normalize('NFKC').trim();
        return typedYes(word) || word === spec.button;
      },
    },
    states: { confirming: spec.state, finished },
    steps: {
      confirm(ctx) {
        const id = ctx.postback?.args[0] ?? '';
        // Tapped while logged out (an old card): the login offers the same button again after it.
        const pending = { flow: spec.name, step: 'confirm', args: [id] };
        return requireLogin(ctx, pending) ?? { replies: [], effects: [spec.offer.effect(id)], then: 'ask' };
      },
      loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
      ask(ctx) {
        const r = spec.offer.fact(ctx.facts);
        if (!r?.ok) return { replies: [noValueReply(r)] };
        const id = r.value[spec.id];
        return {
          replies: [
            {
              kind: 'buttons',
              altText: spec.button,
              text: namingHolder(ctx, spec.question(r.value)),
              actions: [confirmAction(ctx, spec.name, 'do', spec.button, id), stopAction()],
            },
          ],
          next: { step: 'confirming', data: spec.keep(r.value) },
        };
      },
      confirming: reading(spec.state, (ctx) => {
        if (ctx.input.kind !== 'text' || !ctx.data) return { replies: [expiredReply()] };
        const id = ctx.data[spec.id];
        const word = ctx.input.text.normalize('NFKC').trim();
        if (typedNo(word)) return { replies: [text(patronChat.cancelled, menuActions())], next: null };
        if (typedYes(word) || word === spec.button)
          return {
            replies: [],
            effects: [spec.act.effect(id)],
            then: 'done',
            next: null,
          };
        // Other words are a search, answered; the question stays open and says so after it.
        return {
          replies: [],
          effects: searchEffects(ctx, word, 0),
          then: 'aside',
          next: { step: 'confirming', data: ctx.data },
        };
      }),
      aside: reading(spec.state, (ctx) => {
        const words = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
        const id = ctx.data?.[spec.id] ?? '';
        return {
          replies: [
            ...searchResultReplies(ctx.facts, words),
            text(patronChat.actionWaits(spec.button), [
              confirmAction(ctx, spec.name, 'do', spec.button, id),
              stopAction(),
            ]),
          ],
        };
      }),
      do: reading(spec.state, (ctx) => {
        const id = ctx.postback?.args[0];
        if (!id) return { replies: [expiredReply()], next: null };
        // A stale tap (a double tap, or an old question's) is told if its item is done already.
        if (!confirmationIsCurrent(ctx) || ctx.data?.[spec.id] !== id) return askDoneAlready(spec.action, id);
        return { replies: [], effects: [spec.act.effect(id)], then: 'done', next: null };
      }),
      done: reading(spec.state, (ctx) => {
        const r = spec.act.fact(ctx.facts);
        if (!r?.ok) return { replies: [noValueReply(r)] };
        return {
          replies: [text(spec.done(ctx.data, r.value), menuActions())],
          ...(ctx.data ? { next: { step: 'finished', data: { finished: ctx.data } } } : {}),
        };
      }),
      finished: reading(finished, (ctx) =>
        ctx.data ? askDoneAlready(spec.action, ctx.data.finished[spec.id]) : { replies: [expiredReply()], next: null },
      ),
      already: alreadyStep(finished),
    },
  };
}
