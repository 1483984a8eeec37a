import { chat, ownKeywords } from '../../messages/current.js';
import type { Flow } from '../flow.js';
import { text } from '../reply.js';
import { helpFlow } from './help.js';
import { cancelFlow } from './cancel.js';
import { loginFlow } from './login.js';
import { pagesFlow } from './pages.js';
import { phraseFlow } from './phrases.js';
import { logoutFlow } from './logout.js';
import { renewFlow } from './renew.js';
import { reserveFlow } from './reserve.js';
import { searchFlow } from './search.js';
import { statusFlow } from './status.js';
import { HOLD_SERVICE_FLOWS } from './hold-service-flows.js';
import { wishFlow } from './wish.js';
import { libraryCardFlow } from './library-card.js';
import { familyFlow } from './family.js';
import { languageFlow } from './language.js';

const expiredFlow: Flow = {
  name: 'expired',
  states: {},
  steps: {
    show: () => ({
      replies: [text(chat.expired, [{ kind: 'message', label: chat.buttons.search, text: ownKeywords.search[0]! }])],
    }),
  },
};

export const FLOWS: Record<string, Flow> = Object.fromEntries(
  [
    searchFlow,
    helpFlow,
    expiredFlow,
    statusFlow,
    loginFlow,
    logoutFlow,
    reserveFlow,
    renewFlow,
    cancelFlow,
    pagesFlow,
    phraseFlow,
    ...HOLD_SERVICE_FLOWS,
    wishFlow,
    libraryCardFlow,
    familyFlow,
    languageFlow,
  ].map((f) => [f.name, f]),
);
