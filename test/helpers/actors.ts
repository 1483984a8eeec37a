import type { AuditActor } from '../../src/db/audit.js';
import type { HoldChannel } from '../../src/domain/holds.js';

export const STAFF: AuditActor = { kind: 'staff' };
export const PATRON: AuditActor = { kind: 'patron', via: 'page' };

/** The patron places an online hold; staff take counter and phone holds. */
export const placedBy = (channel: HoldChannel): AuditActor => (channel === 'online' ? PATRON : STAFF);

/** An online hold, placed by the patron. */
export const ONLINE = { channel: 'online', actor: PATRON } as const;
