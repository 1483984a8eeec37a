import type { z } from 'zod';
import { patronChat, refusalMessage, wishList } from '../../messages/current.js';
import { reading, type Flow, type StepContext } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Reply } from '../reply.js';
import { expiredReply, loggedOutMenu, loginButtonReply, loginWaitState, menuActions } from './common.js';
import { statusFlow } from './status.js';
import { familyAdded } from './family.js';

/** The buttons, besides 予約申込, that ask for a login and are offered again after it. */
const actionLabels = (): Record<string, string> => ({
  renew: patronChat.buttons.renew,
  cancel: patronChat.buttons.cancelHold,
  wish: wishList.saveButton,
});

type Pending = NonNullable<z.infer<typeof loginWaitState>['pending']>;

/**
 * The button tapped before the login, offered again; none for a reservation the patron may not
 * make (`reserveTitle` undefined: the login's answer says why, R-ELIG-2), nor for an unknown one.
 */
function offerAgain(pending: Pending, reserveTitle: string | undefined): Reply | undefined {
  const again = encodePostback(pending.flow, pending.step, ...pending.args);
  const reserve = pending.flow === 'reserve';
  const label = reserve ? patronChat.buttons.reserve : actionLabels()[pending.flow];
  if (!again || !label || (reserve && reserveTitle === undefined)) return undefined;
  return {
    kind: 'buttons',
    altText: label,
    text: reserve ? patronChat.continueReservation(reserveTitle ?? '') : patronChat.continueAction(label),
    actions: [{ kind: 'postback', label, data: again, displayText: label }],
  };
}

/**
 * ログイン: a button to the login page (LINE account link; the password never goes through the
 * chat). LINE's accountLink event then links the card and offers again what was waiting.
 */
export const loginFlow: Flow = {
  name: 'login',
  states: { wait: loginWaitState },
  steps: {
    start(ctx) {
      if (ctx.user.patronId) return { replies: [text(patronChat.alreadyLoggedIn, menuActions())] };
      return {
        replies: [],
        effects: [{ kind: 'issueLinkToken' }],
        then: 'loginButton',
        next: { step: 'wait', data: {} },
      };
    },
    /** A card number and password typed into the chat: not repeated; the login page instead. */
    passwordInChat(ctx) {
      if (ctx.user.patronId) return { replies: [text(patronChat.passwordInChatLoggedIn, menuActions())] };
      return {
        replies: [],
        effects: [{ kind: 'issueLinkToken' }],
        then: 'passwordButton',
        next: { step: 'wait', data: {} },
      };
    },
    passwordButton: (ctx) => ({ replies: [loginButtonReply(ctx, patronChat.passwordInChat)] }),
    loginButton: reading(loginWaitState, (ctx) => ({
      replies: [loginButtonReply(ctx, ctx.data?.pending ? patronChat.loginNeeded : '')],
    })),
    /** The login page is open; this state only keeps what to offer again after LINE links the account. */
    wait: () => ({ replies: [] }),
    linked: reading(loginWaitState, (ctx) => {
      if (ctx.input.kind !== 'accountLink') return { replies: [expiredReply()] };
      // Read now, for the card just linked: whether it may reserve (R-ELIG-2), so the answer offers
      // nothing it would refuse; a waiting reservation's title; the status a login was asked for.
      const pending = ctx.data?.pending;
      const bibId = pending?.flow === 'reserve' ? (pending.args[0] ?? '') : '';
      return {
        replies: [],
        effects: [
          { kind: 'linkAccount', nonce: ctx.input.nonce },
          { kind: 'family' },
          { kind: 'eligibility' },
          ...(bibId ? [{ kind: 'titleDetail' as const, bibId }] : []),
          ...(pending?.flow === 'status' ? [{ kind: 'status' as const }] : []),
        ],
        then: 'afterLink',
        next: null,
      };
    }),
    afterLink: reading(loginWaitState, (ctx) => {
      const r = ctx.facts.linked;
      if (!r?.ok) return { replies: [text(patronChat.linkFailed, loggedOutMenu())] };
      // A family card added (the LINE user has several now): said with whose it is and the switch.
      const added = familyAdded(ctx);
      if (added) return added;
      const pending = ctx.data?.pending;
      const refusal = ctx.facts.eligibility?.reserve;
      const loggedIn = refusal ? patronChat.loggedInNoReserve(refusalMessage(refusal)) : patronChat.loggedIn;
      if (pending?.flow === 'status') return { replies: statusAfterLogin(ctx) };
      const title = refusal ? undefined : (pending?.title ?? ctx.facts.title?.title ?? '');
      const offer = pending && offerAgain(pending, title);
      return { replies: offer ? [text(loggedIn), offer] : [text(loggedIn, menuActions())] };
    }),
    linkFailed: () => ({ replies: [text(patronChat.linkFailed, loggedOutMenu())] }),
  },
};

/**
 * ご利用状況 asked for the login: the status itself is the answer, its first bubble saying that the
 * login worked (not a separate message, so the status keeps LINE's five bubbles to itself).
 */
function statusAfterLogin(ctx: StepContext): Reply[] {
  const replies = statusFlow.steps.render!(ctx).replies;
  const first = replies[0];
  if (first?.kind !== 'text') return [text(patronChat.loggedInLead), ...replies].slice(0, 5);
  return [{ ...first, text: `${patronChat.loggedInLead}\n${first.text}` }, ...replies.slice(1)];
}
