import { pagesChat } from '../../messages/ja/index.js';
import type { Flow, StepContext } from '../flow.js';
import type { Action, Reply } from '../reply.js';

/**
 * パスワード変更, メールアドレス登録 and 各種サービス: the password never goes through the chat, so
 * these answer with buttons that open the library's own pages (under PUBLIC_BASE_URL). Nobody
 * needs to be logged in: the pages ask for card and password, and tell a patron who may not
 * register an address why (R-ELIG-4), once they know who it is.
 */
const open = (ctx: StepContext, which: 'password' | 'email'): Action => ({
  kind: 'uri',
  label: pagesChat.buttons[which],
  uri: `${ctx.publicBaseUrl}/${which}`,
});

const buttons = (text: string, actions: Action[]): Reply => ({
  kind: 'buttons',
  altText: text.split('\n')[0]!,
  text,
  actions,
});

export const pagesFlow: Flow = {
  name: 'pages',
  states: {},
  steps: {
    password: (ctx) => ({ replies: [buttons(pagesChat.password, [open(ctx, 'password')])] }),
    email: (ctx) => ({ replies: [buttons(pagesChat.email, [open(ctx, 'email')])] }),
    menu: (ctx) => ({ replies: [buttons(pagesChat.menu, [open(ctx, 'password'), open(ctx, 'email')])] }),
  },
};
