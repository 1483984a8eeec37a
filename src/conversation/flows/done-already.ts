import { z } from 'zod';
import { doneAlready, holdStatusLabel } from '../../messages/current.js';
import type { ConfirmedKind } from '../../services/done-already.js';
import type { Facts } from '../effects.js';
import type { Step, StepResult, StoredData } from '../flow.js';
import { text, type Reply } from '../reply.js';
import { expiredReply, menuActions } from './common.js';
import { holdServiceDoneReply } from './hold-service-done.js';

/**
 * The state kept once an action is done (step `finished`), so that 送信 or はい typed again is
 * told it is done rather than searched. Wrapped, so it is never taken for the question's state.
 */
export const finishedState = <T extends StoredData>(kept: z.ZodType<T>) => z.object({ finished: kept });

/**
 * A confirmation whose state has moved on (a second tap on 送信 / 延長する / 取消する, or はい typed
 * again) asks whether its item already stands where the action would put it; `already` answers.
 */
export const askDoneAlready = (action: ConfirmedKind, id: string): StepResult => ({
  replies: [],
  effects: [{ kind: 'doneAlready', action, id }],
  then: 'already',
});

/**
 * The answer to askDoneAlready. A finished state the event found is kept (a third はい is told
 * the same); any other state of the flow ends, as a stale tap always ended it.
 */
export function alreadyStep(finished: z.ZodType<StoredData>): Step {
  return (ctx) => {
    const kept = finished.safeParse(ctx.data);
    return {
      replies: [doneAlreadyReply(ctx.facts)],
      next: kept.success ? { step: 'finished', data: kept.data } : null,
    };
  };
}

/** Done already: say so, with the item's state now. Not done: the tap is expired, as before. */
export function doneAlreadyReply(facts: Facts): Reply {
  const d = facts.doneAlready;
  if (!d) return expiredReply();
  switch (d.kind) {
    case 'reserved':
      return text(
        doneAlready.reserved(d.title, d.branchName, holdStatusLabel(d.status, d.position ?? undefined)),
        menuActions(),
      );
    case 'renewed':
      return text(doneAlready.renewed(d.title, d.dueDate), menuActions());
    case 'cancelled':
      return text(doneAlready.cancelled(d.title), menuActions());
    default:
      return holdServiceDoneReply(d);
  }
}
