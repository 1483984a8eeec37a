import { z } from 'zod';
import { patronChat } from '../../messages/current.js';
import { confirmedAction } from './confirmed-action.js';

/** R-CAN-1: 取消する → confirmation → 取消する → 予約の取消が完了しました. R-CAN-2: not a 受取り可 hold. */
export const cancelFlow = confirmedAction({
  name: 'cancel',
  action: 'cancel',
  id: 'holdId',
  offer: { effect: (holdId) => ({ kind: 'cancellableHold', holdId }), fact: (f) => f.cancellable },
  act: { effect: (holdId) => ({ kind: 'cancelHold', holdId }), fact: (f) => f.cancelled },
  state: z.object({ holdId: z.string() }),
  keep: (hold) => ({ holdId: hold.holdId }),
  get button() {
    return patronChat.buttons.cancelHold;
  },
  question: (hold) => patronChat.cancelConfirm(hold.title, hold.branchName),
  done: () => patronChat.cancelDone,
});
