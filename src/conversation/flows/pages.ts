import { pageLanguageQuery } from '../../lib/language.js';
import { pagesChat, refusalMessage } from '../../messages/current.js';
import type { Flow, Step, StepContext } from '../flow.js';
import { text, type Action, type Reply } from '../reply.js';
import { menuFor } from './common.js';

/**
 * パスワード変更, メールアドレス登録 and 各種サービス: the password never goes through the chat, so
 * these answer with buttons that open the library's own pages (under PUBLIC_BASE_URL). Nobody
 * needs to be logged in: the pages ask for card and password, and tell a patron who may not
 * register an address why (R-ELIG-4), once they know who it is. When the chat already knows (a
 * logged-in card), it says why itself and offers no button to a page that would only refuse.
 */
const open = (ctx: StepContext, which: 'password' | 'email'): Action => ({
  kind: 'uri',
  label: pagesChat.buttons[which],
  uri: `${ctx.publicBaseUrl}/${which}${pageLanguageQuery('?')}`,
});

const buttons = (text: string, actions: Action[]): Reply => ({
  kind: 'buttons',
  altText: text.split('\n')[0]!,
  text,
  actions,
});

/** The step, after reading the logged-in card's eligibility into the facts (then `shown`). */
const afterEligibility =
  (shown: string, show: Step): Step =>
  (ctx) =>
    ctx.user.patronId ? { replies: [], effects: [{ kind: 'eligibility' }], then: shown } : show(ctx);

const emailShown: Step = (ctx) => {
  const refusal = ctx.facts.eligibility?.email;
  if (refusal) return { replies: [text(pagesChat.emailRefused(refusalMessage(refusal)), menuFor(ctx))] };
  return { replies: [buttons(pagesChat.email, [open(ctx, 'email')])] };
};

const menuShown: Step = (ctx) => {
  const refusal = ctx.facts.eligibility?.email;
  if (refusal) return { replies: [buttons(pagesChat.menuNoEmail(refusalMessage(refusal)), [open(ctx, 'password')])] };
  return { replies: [buttons(pagesChat.menu, [open(ctx, 'password'), open(ctx, 'email')])] };
};

export const pagesFlow: Flow = {
  name: 'pages',
  states: {},
  steps: {
    password: (ctx) => ({ replies: [buttons(pagesChat.password, [open(ctx, 'password')])] }),
    email: afterEligibility('emailShown', emailShown),
    emailShown,
    menu: afterEligibility('menuShown', menuShown),
    menuShown,
  },
};
