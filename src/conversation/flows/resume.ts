import { z } from 'zod';
import { holdServices as hs } from '../../messages/current.js';
import { confirmedAction } from './confirmed-action.js';

/** R-RES-11: 再開する on a suspended hold's card → confirmation → 再開する → done (resumed early). */
export const resumeFlow = confirmedAction({
  name: 'resume',
  action: 'resume',
  id: 'holdId',
  offer: { effect: (holdId) => ({ kind: 'resumeOffer', holdId }), fact: (f) => f.resumeOffer },
  act: { effect: (holdId) => ({ kind: 'resumeHold', holdId }), fact: (f) => f.resumed },
  state: z.object({ holdId: z.string(), title: z.string() }),
  keep: (o) => ({ holdId: o.holdId, title: o.title }),
  get button() {
    return hs.buttons.resume;
  },
  question: (o) => hs.resumeConfirm(o.title, o.until),
  done: (_kept, r) => hs.resumeDone(r.title),
});
