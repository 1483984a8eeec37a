import type { Input, UserFacts } from './input.js';

export type { UserFacts };
import type { Postback } from './postback.js';
import type { Reply } from './reply.js';
import type { Effect, Facts } from './effects.js';

export interface StepContext {
  /** The flow's stored data, already validated; undefined when the step starts the flow. */
  data: Record<string, unknown> | undefined;
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
  next?: { flow?: string; step: string; data: Record<string, unknown> } | null;
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
  /** Steps that wait for typed words; other typed words while this flow waits are a search. */
  textSteps?: readonly string[];
}
