import { botMessages, chat, patronChat } from '../../messages/ja/index.js';
import type { Flow } from '../flow.js';
import { text, type Action } from '../reply.js';

const menu: Action[] = [
  { kind: 'message', label: chat.buttons.search, text: '蔵書検索' },
  { kind: 'message', label: 'ご利用状況', text: 'ご利用状況' },
  { kind: 'message', label: 'ログイン', text: 'ログイン' },
  { kind: 'message', label: chat.buttons.help, text: 'ヘルプ' },
];

/** Follow greeting and ヘルプ: what the account can do, and what needs a password. */
export const helpFlow: Flow = {
  name: 'help',
  states: {},
  steps: {
    greet: () => ({ replies: [text(botMessages.greeting, menu)] }),
    show: () => ({ replies: [text(chat.help, menu)] }),
    comingSoon: () => ({ replies: [text(chat.comingSoon, menu)] }),
    /** やめる: whatever was in progress ends (the router resets the state for keywords). */
    stop: () => ({ replies: [text(patronChat.cancelled, menu)] }),
  },
};
