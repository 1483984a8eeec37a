import { z } from 'zod';
import { chat, familyCards, ownKeywords, patronChat, refusalMessage } from '../../messages/current.js';
import { holderNames } from '../../domain/family-cards.js';
import type { Outcome, ServiceFailure } from '../../services/errors.js';
import type { StepContext, StepResult } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action, type Reply } from '../reply.js';

/** The menu's quick replies for a logged-in patron (no ログイン: there is nothing to log in to). */
export const menuActions = (): Action[] => [
  { kind: 'message', label: chat.buttons.search, text: ownKeywords.search[0]! },
  { kind: 'message', label: patronChat.buttons.status, text: ownKeywords.status[0]! },
  { kind: 'message', label: chat.buttons.help, text: ownKeywords.help[0]! },
];

/** The same for someone not logged in: ログイン is the way to everything but the search. */
export const loggedOutMenu = (): Action[] => {
  const [search, status, help] = menuActions();
  return [search!, status!, { kind: 'message', label: patronChat.buttons.login, text: ownKeywords.login[0]! }, help!];
};

/** The quick replies follow the login state the event found. */
export const menuFor = (ctx: Pick<StepContext, 'user'>): Action[] =>
  ctx.user.patronId ? menuActions() : loggedOutMenu();

/** A service's refusal as the sentence the patron reads, and where to go next. */
export function failureReply(f: ServiceFailure): Reply {
  if (f.kind === 'refused') return text(refusalMessage(f.refusal), menuActions());
  return text(patronChat.notYours, menuActions());
}

export const expiredReply = (): Reply => text(chat.expired, menuActions());

/**
 * The reply to a service's answer that brings no value: no answer at all (the state the step
 * was asked from has moved on, so it is expired), or a refusal.
 */
export const noValueReply = (r: Extract<Outcome<unknown>, { ok: false }> | undefined): Reply =>
  r ? failureReply(r.failure) : expiredReply();

/**
 * The login flow's state while the login page is open, kept here because the steps that need a
 * login write it: `pending` is the postback to offer again once LINE links the account.
 */
export const loginWaitState = z.object({
  pending: z
    .object({ flow: z.string(), step: z.string(), args: z.array(z.string()), title: z.string().optional() })
    .optional(),
});
type Pending = NonNullable<z.infer<typeof loginWaitState>['pending']>;

/** A step that needs a logged-in patron: without one, the patron gets the login button. */
export function requireLogin(ctx: StepContext, pending?: Pending): StepResult | undefined {
  if (ctx.user.patronId) return undefined;
  const wait: z.input<typeof loginWaitState> = pending ? { pending } : {};
  return {
    replies: [],
    effects: [{ kind: 'issueLinkToken' }],
    then: 'loginButton',
    next: { flow: 'login', step: 'wait', data: wait },
  };
}

/** The reply with the button that opens the login page (facts.loginUrl from issueLinkToken). */
export function loginButtonReply(ctx: StepContext, lead: string = patronChat.loginNeeded): Reply {
  const url = ctx.facts.loginUrl;
  if (!url) return text(patronChat.loginUnavailable, menuActions());
  return {
    kind: 'buttons',
    altText: patronChat.buttons.login,
    // No empty first line when there is no lead (the bubble began with a blank line).
    text: lead ? `${lead}\n${patronChat.loginPrompt}` : patronChat.loginPrompt,
    actions: [{ kind: 'uri', label: patronChat.buttons.login, uri: url }],
  };
}

/** A confirmation button valid for the state saved by this step only (consumed once). */
export function confirmAction(ctx: StepContext, flow: string, step: string, label: string, ...args: string[]): Action {
  return {
    kind: 'postback',
    label,
    data: encodePostback(flow, step, ...args, String(ctx.version + 1))!,
    displayText: label,
  };
}

/** True when a confirmation tap belongs to the state this event found (not an old or repeated tap). */
export function confirmationIsCurrent(ctx: StepContext): boolean {
  const token = ctx.postback?.args[ctx.postback.args.length - 1];
  return ctx.data !== undefined && token === String(ctx.version);
}

export const stopAction = (): Action => ({
  kind: 'message',
  label: patronChat.buttons.stop,
  text: ownKeywords.stop[0]!,
});

/** LINE cuts an action label at 20 characters; a long holder name is cut rather than refused. */
const label20 = (s: string) => [...s].slice(0, 20).join('');

/** How each of the LINE user's cards is called (「花子さん」), by patron id (docs/family-cards.md). */
export function holders(cards: readonly { patronId: string; name: string }[]): Map<string, string> {
  const names = holderNames(cards.map((c) => c.name));
  return new Map(cards.map((c, i) => [c.patronId, familyCards.holder(names[i]!)]));
}

/** The active card's holder when the LINE user has several cards; undefined with one (nothing is said). */
export function activeHolder(ctx: Pick<StepContext, 'user'>): string | undefined {
  const family = ctx.user.family ?? [];
  if (family.length < 2 || !ctx.user.patronId) return undefined;
  return holders(family).get(ctx.user.patronId);
}

/** A confirmation's text with whose card it acts for as its first line (several cards only). */
export function namingHolder(ctx: Pick<StepContext, 'user'>, body: string, reserve = false): string {
  const holder = activeHolder(ctx);
  if (!holder) return body;
  return `${reserve ? familyCards.reservingFor(holder) : familyCards.actingFor(holder)}\n${body}`;
}

/** Quick replies that make another card active, one per card but `active`, then 家族のカードを追加. */
export function switchActions(cards: readonly { patronId: string; name: string }[], active: string | null): Action[] {
  const names = holders(cards);
  return [
    ...cards
      .filter((c) => c.patronId !== active)
      .map((c): Action => {
        const label = label20(familyCards.cardButton(names.get(c.patronId)!));
        return { kind: 'postback', label, data: encodePostback('family', 'switch', c.patronId)!, displayText: label };
      }),
    addFamilyCardAction(),
  ];
}

export const addFamilyCardAction = (): Action => ({
  kind: 'message',
  label: familyCards.addButton,
  text: ownKeywords.addFamilyCard[0]!,
});
