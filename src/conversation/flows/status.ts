import { chat, patronChat, refusalMessage, cardWords } from '../../messages/current.js';
import { holdCardExtras, statusHeaderWithSlots, statusQuickReplies } from './hold-service-cards.js';
import type { Flow } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action, type Reply } from '../reply.js';
import {
  addFamilyCardAction,
  failureReply,
  loggedOutMenu,
  loginButtonReply,
  menuActions,
  requireLogin,
} from './common.js';
import { renderFamilyStatus } from './family-status.js';
import { holdCard, loanCard, MAX_CARDS } from './status-cards.js';

/** Loans a page shows; every loan is reachable by 次の10件 / 前の10件 (a patron may have any number). */
const LOANS_PER_PAGE = MAX_CARDS;

/** ご利用状況 (R-LOAN-1, R-RES-7, R-RES-9): loans with 延長する, holds with 取消する, and the hold slots used. */
export const statusFlow: Flow = {
  name: 'status',
  states: {},
  steps: {
    // After the login the status is shown at once (flows/login.ts): it is what was asked for.
    show: (ctx) =>
      requireLogin(ctx, { flow: 'status', step: 'show', args: [] }) ??
      // Several cards: the whole family at once, grouped by holder (flows/family-status.ts).
      ((ctx.user.family?.length ?? 0) > 1
        ? { replies: [], effects: [{ kind: 'familyStatus' }], then: 'renderFamily' }
        : { replies: [], effects: [{ kind: 'status' }], then: 'render' }),
    renderFamily: (ctx) => renderFamilyStatus(ctx),
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    render(ctx) {
      const r = ctx.facts.status;
      if (!r) return { replies: [text(patronChat.notLoggedIn, loggedOutMenu())] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      const s = r.value;
      const activeHolds = s.holds.length;
      // R-ELIG-2: no hold slots (予約 0/5件) for a patron who may not reserve; the reason is said instead.
      const header = s.reserve
        ? patronChat.statusHeaderNoReserve(s.name, s.loans.length, activeHolds)
        : statusHeaderWithSlots(patronChat.statusHeader(s.name, s.loans.length, activeHolds, s.holdLimit), s.slots);
      const replies: Reply[] = [text(header)];
      if (s.loans.length === 0) replies.push(text(patronChat.noLoans));
      else replies.push(...loanPage(s.loans, 0));
      const quickReplies = [...statusQuickReplies(s, menuActions()), addFamilyCardAction()];
      if (activeHolds === 0)
        replies.push(text(s.reserve ? refusalMessage(s.reserve) : patronChat.noHolds, quickReplies));
      else
        replies.push({
          kind: 'cards',
          altText: cardWords.holdsAltText(activeHolds),
          cards: s.holds
            .slice(0, MAX_CARDS)
            .map((h, i) => holdCardExtras(h, holdCard(h, patronChat.holdCardHeading(i + 1, activeHolds)))),
          quickReplies,
        });
      return { replies: replies.slice(0, 5) };
    },
    /** 次の10件 / 前の10件 of the loans, read afresh: a page shows the loans as they are now. */
    loans: (ctx) => requireLogin(ctx) ?? { replies: [], effects: [{ kind: 'status' }], then: 'renderLoans' },
    renderLoans(ctx) {
      const r = ctx.facts.status;
      if (!r) return { replies: [text(patronChat.notLoggedIn, loggedOutMenu())] };
      if (!r.ok) return { replies: [failureReply(r.failure)] };
      const loans = r.value.loans;
      if (loans.length === 0) return { replies: [text(patronChat.noLoans, menuActions())] };
      // A page past the end (loans returned since the button was shown) shows the last one.
      const asked = Number(ctx.postback?.args[0]);
      const last = Math.ceil(loans.length / LOANS_PER_PAGE) - 1;
      const page = Number.isInteger(asked) && asked >= 0 ? Math.min(asked, last) : 0;
      return { replies: loanPage(loans, page, menuActions()) };
    },
  },
};

type Status = Extract<NonNullable<import('../effects.js').Facts['status']>, { ok: true }>['value'];

/** One page of loan cards; with more loans than a page, a line saying which, and the buttons to the others. */
function loanPage(loans: Status['loans'], page: number, quickReplies?: Action[]): Reply[] {
  const from = page * LOANS_PER_PAGE;
  const shown = loans.slice(from, from + LOANS_PER_PAGE);
  const cards: Reply = {
    kind: 'cards',
    altText: cardWords.loansAltText(loans.length),
    cards: shown.map((l, i) => loanCard(l, patronChat.loanCardHeading(from + i + 1, loans.length))),
  };
  if (loans.length <= LOANS_PER_PAGE) return [quickReplies ? { ...cards, quickReplies } : cards];
  const to = (p: number, label: string): Action[] => [
    { kind: 'postback', label, data: encodePostback('status', 'loans', String(p))!, displayText: label },
  ];
  const pager = patronChat.loansPage(loans.length, from + 1, from + shown.length);
  return [
    cards,
    {
      kind: 'buttons',
      altText: pager,
      text: pager,
      actions: [
        ...(page > 0 ? to(page - 1, chat.buttons.prev) : []),
        ...(from + shown.length < loans.length ? to(page + 1, chat.buttons.next) : []),
      ],
      ...(quickReplies ? { quickReplies } : {}),
    },
  ];
}
