import type { Tx } from '../db/executor.js';
import { clearConversation, lockConversation, saveConversation } from '../db/conversation-states.js';
import { linkedPatronId, touchLineUser } from '../db/line-users.js';
import type { LineAccount } from '../line/account.js';
import type { Input } from '../line/inbound.js';
import type { Logger } from '../log.js';
import { runEffects, type Facts } from './effects.js';
import type { Flow, StepContext, StepResult } from './flow.js';
import { FLOWS } from './flows/index.js';
import type { Reply } from './reply.js';
import { route } from './router.js';

/** A conversation left alone this long is over (the patron is told if they tap an old button). */
export const CONVERSATION_IDLE_MS = 10 * 60_000;
const MAX_CHAINED_STEPS = 4;

/**
 * One event of one LINE user, inside the event's transaction: lock the user's conversation row,
 * run the step the input routes to, perform its effects through the services, save the next state.
 * Steps are pure; everything with a side effect happens here, in one transaction.
 */
export interface EngineDeps {
  line: LineAccount;
  publicBaseUrl: string;
  log: Logger;
  flows?: Record<string, Flow>;
}

/** The inbox worker's handler for one event, bound to what effects need besides the database. */
export function conversationHandler(deps: EngineDeps) {
  return (tx: Tx, event: { lineUserId: string; input: Input }, now: Date) => handleEvent(tx, event, now, deps);
}

export async function handleEvent(tx: Tx, event: { lineUserId: string; input: Input }, now: Date, deps: EngineDeps): Promise<Reply[]> {
  const flows = deps.flows ?? FLOWS;
  const { input, lineUserId } = event;
  if (input.kind === 'ignored') return [];
  await touchLineUser(tx, lineUserId, input.kind === 'follow' ? true : input.kind === 'unfollow' ? false : undefined, now);
  const stored = await lockConversation(tx, lineUserId);
  if (input.kind === 'unfollow') {
    if (stored) await clearConversation(tx, lineUserId);
    return [];
  }
  const live = stored && stored.expiresAt > now && flows[stored.flow]?.steps[stored.step] ? stored : undefined;
  const r = route(input, live && { flow: live.flow, step: live.step, takesText: flows[live.flow]?.textSteps?.includes(live.step) ?? false });
  if (!r) return [];
  const flow = flows[r.flow] ?? flows.expired!;
  let step = flow.steps[r.step] ?? flows.expired!.steps.show!;
  const user = { lineUserId, patronId: await linkedPatronId(tx, lineUserId) };

  let ctx: StepContext = {
    data: !r.fresh && live && live.flow === r.flow ? live.data : undefined,
    input,
    postback: r.postback,
    facts: {},
    user,
    now,
    version: stored?.version ?? 0,
    publicBaseUrl: deps.publicBaseUrl,
  };
  const replies: Reply[] = [];
  let next: StepResult['next'];
  for (let i = 0; i < MAX_CHAINED_STEPS; i++) {
    const result = step(ctx);
    replies.push(...result.replies);
    if (result.next !== undefined) next = result.next;
    const facts: Facts = result.effects?.length ? await runEffects({ db: tx, line: deps.line, publicBaseUrl: deps.publicBaseUrl, log: deps.log }, result.effects, user, now) : {};
    if (!result.then || !flow.steps[result.then]) break;
    step = flow.steps[result.then]!;
    ctx = { ...ctx, facts: { ...ctx.facts, ...facts }, data: next ? next.data : ctx.data };
  }

  if (next) {
    await saveConversation(tx, lineUserId, { flow: next.flow ?? flow.name, step: next.step, version: (stored?.version ?? 0) + 1, data: next.data, expiresAt: new Date(now.getTime() + CONVERSATION_IDLE_MS) }, now);
  } else if (stored && (next === null || r.resets || !live || live.flow === flow.name)) {
    // A search typed while a login page is open keeps the login's pending reservation; a keyword,
    // or the end of the flow that waited, clears it.
    await clearConversation(tx, lineUserId);
  }
  return replies;
}
