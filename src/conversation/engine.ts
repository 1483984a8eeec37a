import type { Kysely } from 'kysely';
import type { Tx } from '../db/executor.js';
import {
  clearConversation,
  lockConversation,
  saveConversation,
  type StoredConversation,
} from '../db/conversation-states.js';
import type { ConversationChange } from '../db/inbox.js';
import { lineUserLanguage, linkedPatronId, setLineUserLanguage, touchLineUser } from '../db/line-users.js';
import type { Executor } from '../db/executor.js';
import { inLanguage, isLanguage, type Language, languageFromLineProfile } from '../lib/language.js';
import type { DB } from '../db/schema.js';
import type { LineAccount } from './ports.js';
import type { Input } from './input.js';
import type { Logger } from '../log.js';
import type { SharedSearchReads } from '../services/catalog-search.js';
import { NeedsTransaction, runEffects, type Facts } from './effects.js';
import { cardOfPostback } from './postback.js';
import { familyOf, switchCard } from '../services/family-cards.js';
import { failureReply } from './flows/common.js';
import type { Flow, StepContext, StepResult } from './flow.js';
import { FLOWS } from './flows/index.js';
import type { Reply } from './reply.js';
import { route } from './router.js';

/** A conversation left alone this long is over (the patron is told if they tap an old button). */
export const CONVERSATION_IDLE_MS = 10 * 60_000;
const MAX_CHAINED_STEPS = 4;

export interface EngineDeps {
  line: LineAccount;
  publicBaseUrl: string;
  log: Logger;
  flows?: Record<string, Flow>;
  /** What the runtime's searches share between events (tests go without). */
  searchReads?: SharedSearchReads;
}

/** One event of one LINE user, with what is known of the user when it is handled. */
export interface EventContext {
  lineUserId: string;
  /** For logs and tests; the engine does not need it. */
  webhookEventId?: string;
  input: Input;
  patronId: string | null;
  conversation: StoredConversation | undefined;
}

/** What handling the event decided: the replies, the conversation to keep, whether to note the user. */
export interface EventOutcome {
  replies: Reply[];
  conversation: ConversationChange;
  /** null: the event says nothing about the user (not even that they were here). */
  touch: { following: boolean | undefined } | null;
}

/**
 * Decides one event: routes the input, runs the steps (pure) and their effects through the
 * services, and says what to write. The caller writes it (the inbox worker: in the statement
 * that completes the event). With `writes: false` an effect that changes library data (a hold,
 * a renewal, a login) stops with NeedsTransaction before it runs, and the caller handles the
 * event again inside a transaction: what ran before it only read.
 */
export async function decideEvent(
  db: Kysely<DB>,
  event: EventContext,
  now: Date,
  deps: EngineDeps,
  opts: { writes: boolean },
): Promise<EventOutcome> {
  const flows = deps.flows ?? FLOWS;
  const { lineUserId } = event;
  let input = event.input;
  if (input.kind === 'ignored') return { replies: [], conversation: { kind: 'keep' }, touch: null };
  const touch = { following: input.kind === 'follow' ? true : input.kind === 'unfollow' ? false : undefined };
  const stored = event.conversation;
  if (input.kind === 'unfollow')
    return { replies: [], conversation: stored ? { kind: 'clear' } : { kind: 'keep' }, touch };
  // A button of a family card (`as|<card>|…`): that card becomes the active one, if it is one of
  // this LINE user's cards; else nothing is done, and the attempt is logged (docs/family-cards.md).
  let patronId = event.patronId;
  // Another card is active now: what was in progress (a confirmation naming the other holder) is over.
  let switched = false;
  const onCard = input.kind === 'postback' ? cardOfPostback(input.data) : undefined;
  if (onCard) {
    input = { kind: 'postback', data: onCard.data };
    if (onCard.patronId !== patronId) {
      if (!opts.writes) throw new NeedsTransaction('switchCard');
      const r = await switchCard(db, lineUserId, onCard.patronId, now);
      if (!r.ok) {
        deps.log.warn('foreign or unknown card in a postback', { lineUserId });
        return { replies: [failureReply(r.failure)], conversation: { kind: 'keep' }, touch };
      }
      patronId = onCard.patronId;
      switched = true;
    }
  }
  const live = !switched && stored && stored.expiresAt > now ? loaded(flows, stored) : undefined;
  const r = route(input, live && { flow: live.flow, step: live.step, takesText: takesText(flows, live, input) });
  if (!r) return { replies: [], conversation: { kind: 'keep' }, touch };
  const flow = flows[r.flow] ?? flows.expired!;
  let step = flow.steps[r.step] ?? flows.expired!.steps.show!;
  const user = { lineUserId, patronId, family: patronId ? await familyOf(db, lineUserId) : [] };

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
    const facts: Facts = result.effects?.length
      ? await runEffects(
          {
            db,
            line: deps.line,
            publicBaseUrl: deps.publicBaseUrl,
            log: deps.log,
            writes: opts.writes,
            ...(deps.searchReads ? { searchReads: deps.searchReads } : {}),
          },
          result.effects,
          user,
          now,
        )
      : {};
    if (!result.then || !flow.steps[result.then]) break;
    step = flow.steps[result.then]!;
    ctx = { ...ctx, facts: { ...ctx.facts, ...facts }, data: next ? next.data : ctx.data };
  }

  let conversation: ConversationChange = { kind: 'keep' };
  if (next) {
    conversation = {
      kind: 'save',
      flow: next.flow ?? flow.name,
      step: next.step,
      version: (stored?.version ?? 0) + 1,
      data: next.data,
      expiresAt: new Date(now.getTime() + CONVERSATION_IDLE_MS),
    };
  } else if (stored && (next === null || r.resets || !live || live.flow === flow.name)) {
    // A search typed while a login page is open keeps the login's pending reservation; a keyword,
    // or the end of the flow that waited, clears it.
    conversation = { kind: 'clear' };
  }
  return { replies, conversation, touch };
}

/** Whether typed words go to the step the conversation waits in (else they are routed as with none). */
function takesText(flows: Record<string, Flow>, live: StoredConversation, input: Input): boolean {
  const flow = flows[live.flow];
  if (!flow?.textSteps?.includes(live.step)) return false;
  const only = flow.textOnly?.[live.step];
  return !only || (input.kind === 'text' && only(input.text));
}

/**
 * The stored conversation with its data checked against the schema of the step that kept it, or
 * undefined: a state its flow would not have written (an older version's, or altered in the
 * database) is answered exactly like an expired one, so a step never sees data of another shape.
 */
function loaded(flows: Record<string, Flow>, stored: StoredConversation): StoredConversation | undefined {
  const flow = flows[stored.flow];
  const parsed = flow?.steps[stored.step] ? flow.states[stored.step]?.safeParse(stored.data) : undefined;
  return parsed?.success ? { ...stored, data: parsed.data } : undefined;
}

/**
 * One event inside a transaction the caller holds: the user's row noted, the conversation row
 * locked, the event decided with writes allowed, the conversation saved. The inbox worker uses it
 * for events that change library data; the chat tests use it for every event.
 */
export async function handleEvent(
  tx: Tx,
  event: { lineUserId: string; input: Input; language?: Language },
  now: Date,
  deps: EngineDeps,
): Promise<EventOutcome> {
  const { input, lineUserId } = event;
  if (input.kind === 'ignored') return { replies: [], conversation: { kind: 'keep' }, touch: null };
  await touchLineUser(
    tx,
    lineUserId,
    input.kind === 'follow' ? true : input.kind === 'unfollow' ? false : undefined,
    now,
  );
  const stored = await lockConversation(tx, lineUserId);
  const patronId = await linkedPatronId(tx, lineUserId);
  // The inbox worker has read the language already (and stores a learned one with the completion).
  const language =
    event.language ?? (await answerLanguage(tx, lineUserId, await lineUserLanguage(tx, lineUserId), now, deps));
  const outcome = await inLanguage(language, () =>
    decideEvent(tx, { lineUserId, input, patronId, conversation: stored }, now, deps, { writes: true }),
  );
  const c = outcome.conversation;
  if (c.kind === 'save') await saveConversation(tx, lineUserId, c, now);
  else if (c.kind === 'clear') await clearConversation(tx, lineUserId);
  // Written here already: the completion must not write the conversation a second time.
  return { ...outcome, conversation: { kind: 'keep' } };
}

/** LINE's profile answers well within this, or the first reply does not wait for it. */
const PROFILE_WAIT_MS = 3000;

/**
 * The language to answer the LINE user in: the stored one, or on first contact the one their LINE
 * profile suggests (stored, unless the patron chose one meanwhile). When LINE does not answer,
 * this event is answered in Japanese and the profile is asked again at the next event.
 */
export async function answerLanguage(
  db: Executor,
  lineUserId: string,
  stored: string | null,
  now: Date,
  deps: Pick<EngineDeps, 'line' | 'log'>,
): Promise<Language> {
  const { language, learned } = await languageOf(lineUserId, stored, deps);
  if (learned) await setLineUserLanguage(db, lineUserId, language, now, { onlyIfUnknown: true });
  return language;
}

/** The stored language, or the LINE profile's (`learned`: to be stored); Japanese when LINE is away. */
export async function languageOf(
  lineUserId: string,
  stored: string | null,
  deps: Pick<EngineDeps, 'line' | 'log'>,
): Promise<{ language: Language; learned: boolean }> {
  if (isLanguage(stored)) return { language: stored, learned: false };
  let tag: string | undefined;
  try {
    tag = await Promise.race([
      deps.line.profileLanguage(lineUserId),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), PROFILE_WAIT_MS).unref()),
    ]);
  } catch (err) {
    deps.log.warn('LINE profile not read: answering in Japanese for now', { error: (err as Error).message });
    return { language: 'ja', learned: false };
  }
  return { language: languageFromLineProfile(tag), learned: true };
}

/** The handler the inbox worker calls, bound to what effects need besides the database. */
export function conversationHandler(deps: EngineDeps) {
  return {
    /** The language to answer the user in, and whether it was just learned (see languageOf). */
    language: (lineUserId: string, stored: string | null) => languageOf(lineUserId, stored, deps),
    /** Without a transaction: reads only (searches, views); NeedsTransaction if the event writes. */
    decide: (db: Kysely<DB>, event: EventContext, now: Date) => decideEvent(db, event, now, deps, { writes: false }),
    /** Inside the caller's transaction, with writes. */
    inTransaction: (
      tx: Tx,
      event: { lineUserId: string; input: Input; webhookEventId?: string; language?: Language },
      now: Date,
    ) => handleEvent(tx, event, now, deps),
  };
}
export type ConversationHandler = ReturnType<typeof conversationHandler>;
