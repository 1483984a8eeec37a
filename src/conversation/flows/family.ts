import { z } from 'zod';
import { familyCards, patronChat, refusalMessage } from '../../messages/current.js';
import { refuse } from '../../domain/refusals.js';
import { FAMILY_CARD_LIMIT } from '../../services/family-cards.js';
import { reading, type Flow, type StepContext, type StepResult } from '../flow.js';
import { text, type Action } from '../reply.js';
import {
  confirmAction,
  confirmationIsCurrent,
  expiredReply,
  holders,
  loggedOutMenu,
  loginButtonReply,
  menuActions,
  noValueReply,
  requireLogin,
  stopAction,
  switchActions,
} from './common.js';

/** The unlink question is asked; its buttons carry the state's version. */
const unlinkingState = z.object({});

const notLoggedIn = (): StepResult => ({ replies: [text(patronChat.notLoggedIn, loggedOutMenu())] });

/** The switch quick replies, then the menu (LINE shows 13 at most: 5 other cards, 追加, 3 menu). */
const switchAndMenu = (cards: readonly { patronId: string; name: string }[], active: string | null): Action[] => [
  ...switchActions(cards, active),
  ...menuActions(),
];

/**
 * Family cards (docs/family-cards.md): 家族のカードを追加 opens the same login page (each card with
 * its own password); a quick reply per card makes it the active one; カードの登録解除 unlinks one
 * card or all. Every card named in a postback is checked against the LINE user's own cards.
 */
export const familyFlow: Flow = {
  name: 'family',
  states: { unlinking: unlinkingState },
  steps: {
    add(ctx) {
      const login = requireLogin(ctx);
      if (login) return login;
      const family = ctx.user.family ?? [];
      if (family.length >= FAMILY_CARD_LIMIT)
        return {
          replies: [text(refusalMessage(refuse('FAMILY_CARD_LIMIT', { limit: FAMILY_CARD_LIMIT })), menuActions())],
        };
      return {
        replies: [],
        effects: [{ kind: 'issueLinkToken' }],
        then: 'addButton',
        next: { flow: 'login', step: 'wait', data: { pending: { flow: 'family', step: 'added', args: [] } } },
      };
    },
    addButton: (ctx) => ({ replies: [loginButtonReply(ctx, familyCards.addLead)] }),
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    choose(ctx) {
      if (!ctx.user.patronId) return notLoggedIn();
      const family = ctx.user.family ?? [];
      const holder = holders(family).get(ctx.user.patronId);
      const lead = holder && family.length > 1 ? `${familyCards.active(holder)}\n` : '';
      return { replies: [text(lead + familyCards.chooseCard, switchAndMenu(family, ctx.user.patronId))] };
    },
    switch(ctx) {
      const id = ctx.postback?.args[0] ?? '';
      // next: null: a question asked for the card that was active (its holder named) is over.
      return {
        replies: [],
        effects: [{ kind: 'switchCard', patronId: id }, { kind: 'family' }],
        then: 'switched',
        next: null,
      };
    },
    switched(ctx) {
      const r = ctx.facts.switched;
      const f = ctx.facts.family;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      if (!f) return { replies: [expiredReply()] };
      const holder = holders(f.cards).get(r.value.patronId) ?? '';
      return { replies: [text(familyCards.switched(holder), switchAndMenu(f.cards, r.value.patronId))] };
    },
    unlink(ctx) {
      if (!ctx.user.patronId) return notLoggedIn();
      const family = ctx.user.family ?? [];
      const names = holders(family);
      const cards = family.map((c) =>
        confirmAction(ctx, 'family', 'unlinkOne', familyCards.cardButton(names.get(c.patronId)!), c.patronId),
      );
      return {
        replies: [
          text(familyCards.unlinkQuestion, [
            ...cards,
            confirmAction(ctx, 'family', 'unlinkAll', familyCards.unlinkAllButton),
            stopAction(),
          ]),
        ],
        next: { step: 'unlinking', data: {} },
      };
    },
    unlinking: () => ({ replies: [expiredReply()] }),
    unlinkOne: reading(unlinkingState, (ctx) => {
      if (!confirmationIsCurrent(ctx)) return { replies: [expiredReply()], next: null };
      const id = ctx.postback?.args[0] ?? '';
      return {
        replies: [],
        effects: [{ kind: 'unlinkCard', patronId: id }, { kind: 'family' }],
        then: 'unlinkedOne',
        next: null,
      };
    }),
    unlinkedOne(ctx) {
      const r = ctx.facts.unlinkedCard;
      const f = ctx.facts.family;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      if (!f) return { replies: [expiredReply()] };
      const gone = holders([...(ctx.user.family ?? [])]).get(ctx.postback?.args[0] ?? '') ?? r.value.name;
      if (r.value.active === null)
        return { replies: [text(`${familyCards.unlinked(gone)}\n${patronChat.loggedOut}`, loggedOutMenu())] };
      const now = holders(f.cards).get(r.value.active) ?? '';
      const menu = f.cards.length > 1 ? switchAndMenu(f.cards, r.value.active) : menuActions();
      return { replies: [text(`${familyCards.unlinked(gone)}\n${familyCards.active(now)}`, menu)] };
    },
    unlinkAll: reading(unlinkingState, (ctx) => {
      if (!confirmationIsCurrent(ctx)) return { replies: [expiredReply()], next: null };
      return {
        replies: [text(familyCards.unlinkedAll, loggedOutMenu())],
        effects: [{ kind: 'unlinkAccount' }],
        next: null,
      };
    }),
  },
};

/** The login's answer when a card was added to a LINE user's cards (flows/login.ts). */
export function familyAdded(ctx: StepContext): StepResult | undefined {
  const f = ctx.facts.family;
  const linked = ctx.facts.linked;
  if (!f || !linked?.ok || f.cards.length < 2) return undefined;
  const holder = holders(f.cards).get(linked.value.patronId) ?? '';
  return { replies: [text(familyCards.added(holder), switchAndMenu(f.cards, linked.value.patronId))] };
}
