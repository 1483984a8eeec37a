import { inLanguage, LANGUAGES } from '../../lib/language.js';
import { z } from 'zod';
import { holdServices as hs } from '../../messages/current.js';
import { DUE_REMINDER_CHOICES } from '../../domain/overdue.js';
import type { Flow, StepContext } from '../flow.js';
import { encodePostback } from '../postback.js';
import { text, type Action } from '../reply.js';
import { loginButtonReply, menuActions, noValueReply, requireLogin } from './common.js';

const FLOW = 'reminders';

const choice = (label: string, arg: string): Action => ({
  kind: 'postback',
  label,
  data: encodePostback(FLOW, 'set', arg)!,
  displayText: label,
});

/** Every choice's words, each with what it sets: a typed 「返却日1日前」 is its tap. */
const typedChoices = (): [string, { dueDays?: number; pickup?: boolean }][] => [
  ...DUE_REMINDER_CHOICES.map((d): [string, { dueDays: number }] => [hs.dueChoice(d), { dueDays: d }]),
  [hs.pickupChoice(true), { pickup: true }],
  [hs.pickupChoice(false), { pickup: false }],
];
/** A choice's words in any language (a patron may type the Japanese button's words in English mode). */
const typedSetting = (t: string) => {
  const said = t.normalize('NFKC').trim().toLowerCase();
  for (const language of LANGUAGES) {
    const found = inLanguage(language, typedChoices).find(([w]) => w.normalize('NFKC').toLowerCase() === said);
    if (found) return found[1];
  }
  return undefined;
};
const choosing = z.object({});

function choices(dueOptions: readonly number[], dueDays: number, pickup: boolean): Action[] {
  return [
    ...dueOptions.filter((d) => d !== dueDays).map((d) => choice(hs.dueChoice(d), `due${d}`)),
    choice(hs.pickupChoice(!pickup), pickup ? 'pickupOff' : 'pickupOn'),
    ...menuActions(),
  ];
}

/**
 * R-NOTE-2: 通知設定 shows the patron's reminder choices, and each choice is one tap (the tap is the
 * confirmation: it says what is set now, and a repeated tap sets the same again, harmlessly).
 * Due-date reminder off / 1 / 2 / 3 days before; pickup reminder on or off.
 */
export const remindersFlow: Flow = {
  name: FLOW,
  states: { choosing },
  textSteps: ['choosing'],
  // Only the choices' own words; other words are a search as usual.
  textOnly: { choosing: (t) => typedSetting(t) !== undefined },
  steps: {
    show: (ctx: StepContext) =>
      requireLogin(ctx, { flow: FLOW, step: 'show', args: [] }) ?? {
        replies: [],
        effects: [{ kind: 'reminderChoices' }],
        then: 'render',
      },
    loginButton: (ctx) => ({ replies: [loginButtonReply(ctx)] }),
    render(ctx) {
      const r = ctx.facts.reminderChoices;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const c = r.value;
      return {
        replies: [text(hs.remindersNow(c.dueDays, c.pickup), choices(c.dueOptions, c.dueDays, c.pickup))],
        next: { step: 'choosing', data: {} },
      };
    },
    set(ctx) {
      const arg = ctx.postback?.args[0] ?? '';
      const login = requireLogin(ctx, { flow: FLOW, step: 'show', args: [] });
      if (login) return login;
      const due = /^due([0-3])$/.exec(arg);
      if (due) return { replies: [], effects: [{ kind: 'setReminders', dueDays: Number(due[1]) }], then: 'done' };
      if (arg === 'pickupOn' || arg === 'pickupOff')
        return { replies: [], effects: [{ kind: 'setReminders', pickup: arg === 'pickupOn' }], then: 'done' };
      return { replies: [], effects: [{ kind: 'reminderChoices' }], then: 'render' };
    },
    choosing(ctx) {
      const setting = ctx.input.kind === 'text' ? typedSetting(ctx.input.text) : undefined;
      if (!setting) return { replies: [], effects: [{ kind: 'reminderChoices' }], then: 'render' };
      return { replies: [], effects: [{ kind: 'setReminders', ...setting }], then: 'done' };
    },
    done(ctx) {
      const r = ctx.facts.reminderChoices;
      if (!r?.ok) return { replies: [noValueReply(r)] };
      const c = r.value;
      return {
        replies: [text(hs.remindersDone(c.dueDays, c.pickup), choices(c.dueOptions, c.dueDays, c.pickup))],
        next: { step: 'choosing', data: {} },
      };
    },
  },
};
