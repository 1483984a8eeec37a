import { z } from 'zod';
import { contactLabel, patronChat, reservationConfirmationText } from '../../messages/ja/index.js';
import { reading, type Flow, type StepContext } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import {
  confirmAction,
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
});
/** Waiting for the contact method (the contact is set for the preview that follows at once). */
const contactState = branchState.extend({
  branch: z.string(),
  branchName: z.string(),
  contact: contactKind.optional(),
});
/** The 予約確認 is shown: everything the 送信 button places. */
const confirmingState = contactState.extend({ contact: contactKind });

/**
 * R-RES-5: 予約申込 → pickup branch → contact method → 予約確認 → 送信 → 予約受付 (依頼中).
 * The rules are checked before the first question, so a refusal never comes after three taps.
 */
export const reserveFlow: Flow = {
  name: FLOW,
  states: { branch: branchState, contact: contactState, confirming: confirmingState },
  steps: {
    start(ctx) {
      const bibId = ctx.postback?.args[0] ?? '';
      if (!/^\d{1,18}$/.test(bibId)) return { replies: [expiredReply()] };
      return (
        requireLogin(ctx, { flow: FLOW, step: 'start', args: [bibId] }) ?? {
          replies: [],
          effects: [{ kind: 'reservationOptions', bibId }],
          then: 'chooseBranch',
        }
      );
    },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    chooseBranch(ctx) {
      const r = ctx.facts.reservation;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const o = r.value;
      const branches: Action[] = o.branches.map((b) => ({
        kind: 'postback',
        label: b.name,
        data: encodePostback(FLOW, 'branch', b.code)!,
        displayText: b.name,
      }));
      return {
        replies: [text(patronChat.chooseBranch(o.title), [...branches, stopAction])],
        next: {
          step: 'branch',
          data: {
            bibId: o.bibId,
            title: o.title,
            emailConfirmed: o.emailConfirmed,
            branches: o.branches,
          } satisfies z.input<typeof branchState>,
        },
      };
    },
    branch: reading(branchState, (ctx) => {
      const code = ctx.postback?.args[0] ?? '';
      const chosen = ctx.data?.branches.find((b) => b.code === code);
      if (!ctx.data || !chosen) return { replies: [expiredReply()], next: null };
      const contacts: Action[] = (['none', ...(ctx.data.emailConfirmed ? ['email'] : []), 'line'] as const).map(
        (c) => ({
          kind: 'postback',
          label: contactLabel(c),
          data: encodePostback(FLOW, 'contact', c)!,
          displayText: contactLabel(c),
        }),
      );
      const note = ctx.data.emailConfirmed ? '' : `\n${patronChat.emailNotRegistered}`;
      return {
        replies: [text(patronChat.chooseContact + note, [...contacts, stopAction])],
        next: {
          step: 'contact',
          data: { ...ctx.data, branch: chosen.code, branchName: chosen.name } satisfies z.input<typeof contactState>,
        },
      };
    }),
    contact: reading(contactState, (ctx) => {
      const c = contactKind.safeParse(ctx.postback?.args[0]);
      if (!ctx.data || !c.success || (c.data === 'email' && !ctx.data.emailConfirmed))
        return { replies: [expiredReply()], next: null };
      return {
        replies: [],
        effects: [{ kind: 'reservationPreview', bibId: ctx.data.bibId, branch: ctx.data.branch }],
        then: 'confirm',
        next: { step: 'contact', data: { ...ctx.data, contact: c.data } satisfies z.input<typeof contactState> },
      };
    }),
    confirm: reading(confirmingState, (ctx) => {
      const p = ctx.facts.preview;
      if (!p || !ctx.data) return { replies: [expiredReply()], next: null };
      if (!p.ok) return { replies: [failureReply(p.failure)], next: null };
      const body = reservationConfirmationText({
        title: p.value.title,
        branchName: p.value.branchName,
        contactLabel: contactLabel(ctx.data.contact),
        officialDate: p.value.officialDate,
      });
      return {
        replies: [{ kind: 'buttons', altText: '予約確認', text: body, actions: [sendAction(ctx), stopAction] }],
        next: { step: 'confirming', data: ctx.data satisfies z.input<typeof confirmingState> },
      };
    }),
    confirming: () => ({ replies: [expiredReply()] }),
    send: reading(confirmingState, (ctx) => {
      const d = ctx.data;
      if (!confirmationIsCurrent(ctx) || !d) return { replies: [expiredReply()], next: null };
      return {
        replies: [],
        effects: [{ kind: 'placeHold', bibId: d.bibId, branch: d.branch, contact: d.contact }],
        then: 'accepted',
        next: null,
      };
    }),
    accepted: reading(confirmingState, (ctx) => {
      const r = ctx.facts.placed;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const d = ctx.data;
      return {
        replies: [
          text(
            patronChat.accepted(d?.title ?? '', d?.branchName ?? '', contactLabel(d?.contact ?? 'none')),
            menuActions,
          ),
        ],
      };
    }),
  },
};

function sendAction(ctx: StepContext): Action {
  return confirmAction(ctx, FLOW, 'send', patronChat.buttons.send);
}
