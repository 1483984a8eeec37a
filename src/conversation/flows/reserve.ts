import { z } from 'zod';
import {
  contactLabel,
  patronChat,
  reservationConfirmationText,
  walkInAdvice,
  cardWords,
} from '../../messages/current.js';
import { branchLabel, branchName } from '../../messages/local-names.js';
import { reading, type Flow, type StepContext, type StepResult, type StoredData } from '../flow.js';
import { searchResultReplies } from './search.js';
import { reservePhraseSteps } from './reserve-phrase.js';
import { alreadyStep, askDoneAlready, finishedState } from './done-already.js';
import { typedBranch, typedContact, typedNo, typedYes } from '../typed-choice.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import {
  confirmAction,
  namingHolder,
  confirmationIsCurrent,
  expiredReply,
  failureReply,
  loginButtonReply,
  menuActions,
  noValueReply,
  requireLogin,
  stopAction,
} from './common.js';

const FLOW = 'reserve';

const contactKind = z.enum(['none', 'email', 'line']);
/** Waiting for the pickup branch: what the rules allowed, read before the first question. */
const branchState = z.object({
  bibId: z.string(),
  title: z.string(),
  emailConfirmed: z.boolean(),
  branches: z.array(z.object({ code: z.string(), name: z.string() })),
  // The library's contact methods (R-RES-6); a state stored before they were kept offered all three.
  contacts: z.array(contactKind).default(['none', 'email', 'line']),
});
/** Waiting for the contact method (the contact is set for the preview that follows at once). */
const contactState = branchState.extend({
  branch: z.string(),
  branchName: z.string(),
  contact: contactKind.optional(),
});
/** The 予約確認 is shown: everything the 送信 button places. */
const confirmingState = contactState.extend({ contact: contactKind });

/** 予約受付 was said: 送信 / はい typed again is told the reservation is there already. */
const finishedPlacing = finishedState(z.object({ bibId: z.string() }));

/** 予約申込 (`reserve|start|bibId`): the rules are read before the first question; the login first if needed. */
function start(ctx: StepContext): StepResult {
  const bibId = ctx.postback?.args[0] ?? '';
  if (!/^\d{1,18}$/.test(bibId)) return { replies: [expiredReply()] };
  return (
    requireLogin(ctx, { flow: FLOW, step: 'start', args: [bibId] }) ?? {
      replies: [],
      // R-WALK-1: read with the rules, so the advice comes before the branch question.
      effects: [
        { kind: 'reservationOptions', bibId },
        { kind: 'walkIn', bibId },
      ],
      then: 'chooseBranch',
    }
  );
}

/**
 * R-RES-5: 予約申込 → pickup branch → contact method → 予約確認 → 送信 → 予約受付 (依頼中).
 * The rules are checked before the first question, so a refusal never comes after three taps.
 */
export const reserveFlow: Flow = {
  name: FLOW,
  // A typed answer counts as the tap (本館, メール, 送信 …); other words are told the flow is open.
  textSteps: ['branch', 'contact', 'confirming', 'finished'],
  // Once placed, only 送信 / はい typed again reach `finished`; other words are a search as usual.
  textOnly: { finished: typedYes },
  states: { branch: branchState, contact: contactState, confirming: confirmingState, finished: finishedPlacing },
  steps: {
    start,
    ...reservePhraseSteps(start),
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    chooseBranch(ctx) {
      const r = ctx.facts.reservation;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const o = r.value;
      return {
        replies: [
          text(withWalkIn(ctx, patronChat.chooseBranch(o.title)), [...branchActions(o.branches), stopAction()]),
        ],
        next: {
          step: 'branch',
          data: {
            bibId: o.bibId,
            title: o.title,
            emailConfirmed: o.emailConfirmed,
            branches: o.branches,
            contacts: o.contacts,
          } satisfies z.input<typeof branchState>,
        },
      };
    },
    branch: reading(branchState, (ctx) => {
      const typed = ctx.input.kind === 'text' ? ctx.input.text : undefined;
      if (ctx.data && typed !== undefined && !typedBranch(typed, ctx.data.branches)) {
        return searchAside(typed, 'branch', ctx.data);
      }
      const code = typed !== undefined ? typedBranch(typed, ctx.data?.branches ?? [])?.code : ctx.postback?.args[0];
      const chosen = ctx.data?.branches.find((b) => b.code === code);
      if (!ctx.data || !chosen) return { replies: [expiredReply()], next: null };
      const note =
        ctx.data.emailConfirmed || !ctx.data.contacts.includes('email') ? '' : `\n${patronChat.emailNotRegistered}`;
      return {
        replies: [text(patronChat.chooseContact + note, [...contactActions(ctx.data), stopAction()])],
        next: {
          step: 'contact',
          data: { ...ctx.data, branch: chosen.code, branchName: chosen.name } satisfies z.input<typeof contactState>,
        },
      };
    }),
    contact: reading(contactState, (ctx) => {
      const typed = ctx.input.kind === 'text' ? typedContact(ctx.input.text) : undefined;
      // A method the library offers no one (LINE where the profile has none): said so, asked again.
      if (ctx.data && typed && !ctx.data.contacts.includes(typed))
        return {
          replies: [
            text(`${patronChat.contactNotOffered(contactLabel(typed))}\n${patronChat.chooseContact}`, [
              ...contactActions(ctx.data),
              stopAction(),
            ]),
          ],
          next: { step: 'contact', data: ctx.data },
        };
      if (ctx.data && ctx.input.kind === 'text' && (!typed || !offered(ctx.data).includes(typed)))
        return searchAside(ctx.input.text, 'contact', ctx.data);
      const c = contactKind.safeParse(ctx.input.kind === 'text' ? typed : ctx.postback?.args[0]);
      if (!ctx.data || !c.success || !offered(ctx.data).includes(c.data))
        return { replies: [expiredReply()], next: null };
      return {
        replies: [],
        effects: [{ kind: 'reservationPreview', bibId: ctx.data.bibId, branch: ctx.data.branch }],
        then: 'confirm',
        next: { step: 'contact', data: { ...ctx.data, contact: c.data } satisfies z.input<typeof contactState> },
      };
    }),
    asideBranch: reading(branchState, (ctx) =>
      stillOpen(ctx, patronChat.chooseBranchQuestion, branchActions(ctx.data?.branches ?? [])),
    ),
    asideContact: reading(contactState, (ctx) =>
      stillOpen(ctx, patronChat.chooseContact, ctx.data ? contactActions(ctx.data) : []),
    ),
    asideConfirming: reading(confirmingState, (ctx) => stillOpen(ctx, patronChat.sendQuestion, [sendAction(ctx)])),
    confirm: reading(confirmingState, (ctx) => {
      const p = ctx.facts.preview;
      if (!p || !ctx.data) return { replies: [expiredReply()], next: null };
      if (!p.ok) return { replies: [failureReply(p.failure)], next: null };
      // Several cards: 「花子さんのカードで予約します。」 first (docs/family-cards.md).
      const body = namingHolder(
        ctx,
        reservationConfirmationText({
          title: p.value.title,
          branchName: p.value.branchName,
          contactLabel: contactLabel(ctx.data.contact),
          officialDate: p.value.officialDate,
          holdsAhead: p.value.holdsAhead,
          noNotice: ctx.data.contact === 'none',
        }),
        true,
      );
      return {
        replies: [
          {
            kind: 'buttons',
            altText: cardWords.reservationConfirmAltText,
            text: body,
            actions: [sendAction(ctx), stopAction()],
          },
        ],
        next: { step: 'confirming', data: ctx.data satisfies z.input<typeof confirmingState> },
      };
    }),
    // Typed words while the 予約確認 waits: 送信/はい sends (the state they reach is the current one).
    confirming: reading(confirmingState, (ctx) => {
      if (ctx.input.kind !== 'text' || !ctx.data) return { replies: [expiredReply()] };
      if (typedNo(ctx.input.text)) return { replies: [text(patronChat.cancelled, menuActions())], next: null };
      if (!typedYes(ctx.input.text)) return searchAside(ctx.input.text, 'confirming', ctx.data);
      return placeHold(ctx.data);
    }),
    send: reading(confirmingState, (ctx) => {
      const d = ctx.data;
      // `reserve|send|bibId|version`. (A button of the older `reserve|send|version` is expired: a
      // conversation lasts 10 minutes, and its version alone could be matched by a cut bibId.)
      const args = ctx.postback?.args ?? [];
      const bibId = args.length === 2 ? args[0] : undefined;
      if (confirmationIsCurrent(ctx) && d && bibId === d.bibId) return placeHold(d);
      // A second tap on 送信 (or an old one): the title's hold, if it is there already, is shown.
      if (bibId && /^\d{1,18}$/.test(bibId)) return askDoneAlready('reserve', bibId);
      return { replies: [expiredReply()], next: null };
    }),
    accepted: reading(confirmingState, (ctx) => {
      const r = ctx.facts.placed;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const d = ctx.data;
      return {
        replies: [
          text(
            patronChat.accepted(d?.title ?? '', d?.branchName ?? '', contactLabel(d?.contact ?? 'none')),
            menuActions(),
          ),
        ],
        ...(d ? { next: { step: 'finished', data: { finished: { bibId: d.bibId } } } } : {}),
      };
    }),
    finished: reading(finishedPlacing, (ctx) =>
      ctx.data ? askDoneAlready('reserve', ctx.data.finished.bibId) : { replies: [expiredReply()], next: null },
    ),
    already: alreadyStep(finishedPlacing),
  },
};

function placeHold(d: z.output<typeof confirmingState>): StepResult {
  return {
    replies: [],
    effects: [{ kind: 'placeHold', bibId: d.bibId, branch: d.branch, contact: d.contact }],
    then: 'accepted',
    next: null,
  };
}

/**
 * Other words while a question waits are a search, answered as one; the reservation stays where it
 * is, and says so after the results with its choices again (the `aside…` steps).
 */
function searchAside(words: string, waiting: 'branch' | 'contact' | 'confirming', data: StoredData): StepResult {
  const then = { branch: 'asideBranch', contact: 'asideContact', confirming: 'asideConfirming' }[waiting];
  return {
    replies: [],
    effects: [{ kind: 'search', text: words.trim(), page: 0 }],
    then,
    next: { step: waiting, data },
  };
}

function stillOpen(ctx: StepContext<{ title: string }>, question: string, choices: Action[]): StepResult {
  const words = ctx.input.kind === 'text' ? ctx.input.text.trim() : '';
  return {
    replies: [
      ...searchResultReplies(ctx.facts, words),
      text(patronChat.reservationWaits(ctx.data?.title ?? '', question), [...choices, stopAction()]),
    ],
  };
}

function branchActions(branches: readonly { code: string; name: string }[]): Action[] {
  return branches.map((b) => ({
    kind: 'postback',
    label: branchLabel(b.name),
    data: encodePostback(FLOW, 'branch', b.code)!,
    displayText: branchName(b.name),
  }));
}

type ContactKind = z.infer<typeof contactKind>;

/** R-RES-6: the library's methods; E-mail only with a confirmed address. */
function offered(d: { emailConfirmed: boolean; contacts: readonly ContactKind[] }): ContactKind[] {
  return d.contacts.filter((c) => c !== 'email' || d.emailConfirmed);
}

function contactActions(d: { emailConfirmed: boolean; contacts: readonly ContactKind[] }): Action[] {
  return offered(d).map((c) => ({
    kind: 'postback',
    label: contactLabel(c),
    data: encodePostback(FLOW, 'contact', c)!,
    displayText: contactLabel(c),
  }));
}

/** The title travels in the button, so a second tap can be told the hold it placed. */
function sendAction(ctx: StepContext<{ bibId: string }>): Action {
  return confirmAction(ctx, FLOW, 'send', patronChat.buttons.send, ctx.data?.bibId ?? '');
}

/** R-WALK-1: a copy on the shelf of a branch open today is said before the branch question. */
function withWalkIn(ctx: StepContext, question: string): string {
  const a = ctx.facts.walkIn;
  return a ? `${walkInAdvice(a)}\n\n${question}` : question;
}
