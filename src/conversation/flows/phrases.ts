import { chat, intentAnswers, patronChat, refusalMessage, ownKeywords } from '../../messages/current.js';
import type { Facts } from '../effects.js';
import type { Flow, Step, StepContext, StepResult } from '../flow.js';
import { text, type Action, type Reply } from '../reply.js';
import { loginButtonReply, requireLogin } from './common.js';
import { statusFlow } from './status.js';

export const PHRASE_FLOW = 'phrase';

const say = (label: string, words: string = label): Action => ({ kind: 'message', label, text: words });

/** The menu as quick replies, with ログイン only for a patron who is not logged in. */
const menu = (ctx: StepContext): Action[] => [
  say(chat.buttons.search, ownKeywords.search[0]),
  say(patronChat.buttons.status, ownKeywords.status[0]),
  ...(ctx.user.patronId ? [] : [say(patronChat.buttons.login, ownKeywords.login[0])]),
  say(chat.buttons.help, ownKeywords.help[0]),
];

/**
 * A title can be exactly a phrase (『ありがとう』, 『休みの日』): such answers offer to search the
 * same words as a title, so the phrase never hides the book.
 */
function asTitle(ctx: StepContext): Action[] {
  const words = ctx.input.kind === 'text' ? ctx.input.text.trim().replace(/[?？!！。]+$/u, '') : '';
  return words ? [say(intentAnswers.buttons.searchAsTitle, `書名:${words}`)] : [];
}

/** An answer in words, with the menu; `title`: the words could also be a title (ありがとう, 休みの日). */
const answer =
  (words: (ctx: StepContext) => string, o: { title?: boolean; first?: () => Action[] } = {}): Step =>
  (ctx) => ({ replies: [text(words(ctx), [...(o.first?.() ?? []), ...menu(ctx), ...(o.title ? asTitle(ctx) : [])])] });

type Status = Extract<NonNullable<Facts['status']>, { ok: true }>['value'];
type ViaStatus = 'status' | 'renew' | 'dueDates' | 'cancelHold';

/** The line above ご利用状況 that answers the phrase; empty when the list itself says it. */
const leads: Record<ViaStatus, (s: Status) => string> = {
  status: () => '',
  renew: (s) => (s.loans.length ? intentAnswers.renew(s.loans.filter((l) => l.renewal.ok).length) : ''),
  dueDates(s) {
    if (s.loans.length === 0) return '';
    const coming = s.loans.filter((l) => !l.overdue).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const first = coming[0];
    const next = first && {
      dueDate: first.dueDate,
      title: first.title,
      sameDay: coming.filter((l) => l.dueDate === first.dueDate).length,
    };
    return intentAnswers.dueDates({ overdue: s.loans.filter((l) => l.overdue).length, ...(next ? { next } : {}) });
  },
  cancelHold: (s) => (s.holds.length ? intentAnswers.cancelHold : ''),
};

/**
 * 延長したい, 返却日は？, 取消したい, 予約状況: the patron's own ご利用状況 (where 延長する and 取消する
 * are), with a first line that answers the words; the login button first when nobody is logged in.
 */
function viaStatus(intent: ViaStatus): Record<string, Step> {
  return {
    [intent]: (ctx) => {
      const login = requireLogin(ctx);
      if (login) return { ...login, then: `${intent}Login` };
      return { replies: [], effects: [{ kind: 'status' }], then: `${intent}Shown` };
    },
    [`${intent}Login`]: (ctx) => ({
      replies: [
        loginButtonReply(ctx, [intentAnswers.needsLogin[intent], patronChat.loginNeeded].filter(Boolean).join('\n')),
      ],
    }),
    [`${intent}Shown`]: (ctx) => withLead(statusFlow.steps.render!(ctx), ctx.facts.status, leads[intent]),
  };
}

function withLead(shown: StepResult, status: Facts['status'], lead: (s: Status) => string): StepResult {
  const words = status?.ok ? lead(status.value) : '';
  const [first, ...rest] = shown.replies;
  if (!words || first?.kind !== 'text') return shown;
  const replies: Reply[] = [{ ...first, text: `${words}\n\n${first.text}` }, ...rest];
  return { ...shown, replies };
}

/** How to reserve, or, to a logged-in card that may not (R-ELIG-2), why not and what to do. */
const reserveHowShown = answer(
  (ctx) => {
    const refusal = ctx.facts.eligibility?.reserve;
    return refusal
      ? intentAnswers.reserveRefused(refusalMessage(refusal))
      : intentAnswers.reserveHow(ctx.user.patronId !== null);
  },
  { title: true },
);

/**
 * Everyday phrases that name what the bot can do (conversation/intents.ts decides which): each is
 * answered as that service, or in words from the message table, never searched as a title.
 */
export const phraseFlow: Flow = {
  name: PHRASE_FLOW,
  states: {},
  steps: {
    // Logged in, whether the card may reserve is read first (R-ELIG-2): no promise it would break.
    reserveHow: (ctx) =>
      ctx.user.patronId
        ? { replies: [], effects: [{ kind: 'eligibility' }], then: 'reserveHowShown' }
        : reserveHowShown(ctx),
    reserveHowShown,
    ...viaStatus('status'),
    ...viaStatus('renew'),
    ...viaStatus('dueDates'),
    ...viaStatus('cancelHold'),
    hours: () => ({ replies: [], effects: [{ kind: 'libraryDays' }], then: 'hoursShown' }),
    hoursShown: answer((ctx) => (ctx.facts.libraryDays ? intentAnswers.hours(ctx.facts.libraryDays) : chat.expired), {
      title: true,
    }),
    calendar: () => ({ replies: [], effects: [{ kind: 'libraryDays' }], then: 'calendarShown' }),
    calendarShown: answer(
      (ctx) => (ctx.facts.libraryDays ? intentAnswers.calendar(ctx.facts.libraryDays) : chat.expired),
      {
        title: true,
      },
    ),
    passwordForgotten: answer(() => intentAnswers.passwordForgotten, {
      first: () => [say(intentAnswers.buttons.passwordChange, ownKeywords.passwordChange[0])],
    }),
    loginTrouble: answer((ctx) => intentAnswers.loginTrouble(ctx.user.patronId !== null)),
    thanks: answer(() => intentAnswers.thanks, { title: true }),
    hello: answer(() => intentAnswers.hello, { title: true }),
  },
};
