import type { z } from 'zod';
import type { Input, UserFacts } from './input.js';

export type { UserFacts };
import type { Postback } from './postback.js';
import type { Reply } from './reply.js';
import type { Effect, Facts } from './effects.js';

/** What a flow keeps between two events of a user: plain JSON (conversation_states.data). */
export type StoredData = Record<string, unknown>;

/** The shape of the data a flow keeps at one step. */
export type StateSchema = z.ZodType<StoredData>;

export interface StepContext<D = unknown> {
  /**
   * The flow's data, stored or handed on by the previous step of this event; undefined when the
   * step starts the flow. Only a step made with `reading` knows its shape (the others see unknown).
   */
  data: D | undefined;
  input: Input;
  postback: Postback | undefined;
  /** Results of the effects the previous step asked for. */
  facts: Facts;
  user: UserFacts;
  now: Date;
  /** Version of the stored state the event found; confirmations carry it to detect stale taps. */
  version: number;
  /** PUBLIC_BASE_URL: the origin of the pages a button opens (password change, e-mail registration). */
  publicBaseUrl: string;
}

export interface StepResult {
  replies: Reply[];
  /** The state to keep for the next event of this user; null/absent ends the conversation. */
  next?: { flow?: string; step: string; data: StoredData } | null;
  /** Work for the engine to do through the services, in order, inside the event's transaction. */
  effects?: Effect[];
  /** A step of the same flow to run after the effects, with their results as facts. */
  then?: string;
}

/** A step is pure: everything it needs is in the context, everything it wants done is in the result. */
export type Step = (ctx: StepContext) => StepResult;

export interface Flow {
  name: string;
  steps: Record<string, Step>;
  /**
   * The schema of the data kept at each step that keeps a state (`next.step`). The engine checks
   * a stored state against it when it loads one: a state this flow would not have written (an
   * older version's, or altered) is treated as expired, never handed to a step.
   */
  states: Readonly<Record<string, StateSchema>>;
  /** Steps that wait for typed words; other typed words while this flow waits are a search. */
  textSteps?: readonly string[];
  /**
   * Of the textSteps, those that take only some words: other words go where they would go with no
   * conversation kept (a search), and the state stays.
   */
  textOnly?: Readonly<Record<string, (text: string) => boolean>>;
}

/**
 * A step that reads the flow's data, with the schema of the state it reads. The step gets the
 * data typed; data of another shape (a tap on a button of an earlier state of the same flow)
 * reaches it as undefined, which every step answers like an expired conversation.
 */
export function reading<D extends StoredData>(schema: z.ZodType<D>, step: (ctx: StepContext<D>) => StepResult): Step {
  return (ctx) => {
    const parsed = ctx.data === undefined ? undefined : schema.safeParse(ctx.data);
    return step({ ...ctx, data: parsed?.success ? parsed.data : undefined });
  };
}
