import type { Effect } from '../effects.js';
import type { Flow, Step, StepContext, StepResult, StoredData } from '../flow.js';
import { holdServices } from '../../messages/current.js';
import { text, type Action, type Reply } from '../reply.js';
import { searchEffects, searchResultReplies } from './search.js';
import { loginButtonReply, requireLogin } from './common.js';

/** A flow with more steps (and states, typed-answer steps) than the one it is made from: later steps win. */
export function extendFlow(base: Flow, more: Pick<Flow, 'steps'> & Partial<Pick<Flow, 'states' | 'textSteps'>>): Flow {
  return {
    ...base,
    steps: { ...base.steps, ...more.steps },
    states: { ...base.states, ...(more.states ?? {}) },
    textSteps: [...(base.textSteps ?? []), ...(more.textSteps ?? [])],
  };
}

/**
 * `flow|start|holdId` on a hold card: the login first if needed (the same button is offered again
 * after it), then `effect` reads the hold's choices and `choose` shows them.
 */
export function startOnHold(flow: string, effect: (holdId: string) => Effect): Record<string, Step> {
  return {
    start(ctx) {
      const holdId = ctx.postback?.args[0] ?? '';
      return (
        requireLogin(ctx, { flow, step: 'start', args: [holdId] }) ?? {
          replies: [],
          effects: [effect(holdId)],
          then: 'choose',
        }
      );
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
  };
}

/**
 * Other words while a choice waits are a search, answered (step `aside`); the choice stays open and
 * says so after the results, with its buttons again (as the reservation does).
 */
export function searchAside(ctx: StepContext, waiting: string, data: StoredData): StepResult {
  const words = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
  return { replies: [], effects: searchEffects(ctx, words, 0), then: 'aside', next: { step: waiting, data } };
}

export function asideReplies(ctx: StepContext, choices: Action[]): Reply[] {
  const words = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
  return [...searchResultReplies(ctx.facts, words), text(holdServices.choiceWaits, choices)];
}
