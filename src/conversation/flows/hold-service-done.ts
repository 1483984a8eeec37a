import { holdServices as hs } from '../../messages/current.js';
import type { HoldServiceDone } from '../../services/hold-service-done.js';
import { text, type Reply } from '../reply.js';
import { menuActions } from './common.js';

/** Issue 26's repeated confirmations: the change is there already, said with how it stands now. */
export function holdServiceDoneReply(d: HoldServiceDone): Reply {
  switch (d.kind) {
    case 'pickupChanged':
      return text(hs.pickupAlready(d.title, d.branchName), menuActions());
    case 'suspended':
      return text(hs.suspendAlready(d.title, d.date), menuActions());
    case 'notNeededSet':
      return text(hs.notNeededAlready(d.title, d.date), menuActions());
    case 'resumed':
      return text(hs.resumeAlready(d.title), menuActions());
    case 'renewedAll':
      return text(hs.renewAllAlready(d.loans.map((l) => hs.renewAllDueRow(l.title, l.dueDate))), menuActions());
  }
}
