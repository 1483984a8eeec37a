import type { Kysely } from 'kysely';
import type { AuditActor } from '../db/audit.js';
import type { DB } from '../db/schema.js';
import type { Logger } from '../log.js';
import { changePickupBranch, pauseHold, resumeHold } from '../services/hold-changes.js';
import {
  parsePauseId,
  parsePickupId,
  pauseChoices,
  pauseOffer,
  pickupChoices,
  pickupOffer,
  renewAll,
  renewAllOffer,
  resumeOffer,
} from '../services/hold-service-views.js';
import { reminderChoices, setReminderChoices } from '../services/reminder-choices.js';
import type { ServiceFailure } from '../services/errors.js';
import type { UserFacts } from './input.js';

/** Issue 26's effects: pickup change, suspension and 不要日, resume, renew all, reminder choices. */
export type HoldServiceEffect =
  | { kind: 'pickupChoices'; holdId: string }
  | { kind: 'pickupOffer'; id: string }
  | { kind: 'changePickup'; id: string }
  | { kind: 'pauseChoices'; holdId: string }
  | { kind: 'pauseOffer'; id: string }
  | { kind: 'pauseHold'; id: string }
  | { kind: 'resumeOffer'; holdId: string }
  | { kind: 'resumeHold'; holdId: string }
  | { kind: 'renewAllOffer' }
  | { kind: 'renewAll' }
  | { kind: 'reminderChoices' }
  | { kind: 'setReminders'; dueDays?: number; pickup?: boolean };

type Result<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };
type Awaited2<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface HoldServiceFacts {
  pickupChoices?: Awaited2<typeof pickupChoices>;
  pickupOffer?: Awaited2<typeof pickupOffer>;
  pickupChanged?: Result<{ id: string; title: string; branchName: string }>;
  pauseChoices?: Awaited2<typeof pauseChoices>;
  pauseOffer?: Awaited2<typeof pauseOffer>;
  paused?: Result<{ id: string; title: string }>;
  resumeOffer?: Awaited2<typeof resumeOffer>;
  resumed?: Result<{ holdId: string; title: string }>;
  renewAllOffer?: Awaited2<typeof renewAllOffer>;
  renewedAll?: Awaited2<typeof renewAll>;
  reminderChoices?: Awaited2<typeof reminderChoices>;
}

/** The effects among these that change library data (they must run in the event's transaction). */
export const HOLD_SERVICE_WRITES: readonly string[] = [
  'changePickup',
  'pauseHold',
  'resumeHold',
  'renewAll',
  'setReminders',
];

const KINDS: ReadonlySet<string> = new Set([
  'pickupChoices',
  'pickupOffer',
  'changePickup',
  'pauseChoices',
  'pauseOffer',
  'pauseHold',
  'resumeOffer',
  'resumeHold',
  'renewAllOffer',
  'renewAll',
  'reminderChoices',
  'setReminders',
]);

export const isHoldServiceEffect = (e: { kind: string }): e is HoldServiceEffect => KINDS.has(e.kind);

/** Runs one of these effects for the logged-in patron (every id is checked against them by the services). */
export async function runHoldServiceEffect(
  deps: { db: Kysely<DB>; log: Logger },
  e: HoldServiceEffect,
  user: UserFacts,
  patronId: string,
  now: Date,
): Promise<HoldServiceFacts> {
  const { db } = deps;
  const actor: AuditActor = { kind: 'patron', via: 'line', lineUserId: user.lineUserId };
  switch (e.kind) {
    case 'pickupChoices':
      return { pickupChoices: await pickupChoices(db, patronId, e.holdId) };
    case 'pickupOffer':
      return { pickupOffer: await pickupOffer(db, patronId, e.id) };
    case 'changePickup': {
      const p = parsePickupId(e.id);
      if (!p) return { pickupChanged: { ok: false, failure: { kind: 'not_found', what: 'hold', id: e.id } } };
      const r = await changePickupBranch(db, { holdId: p.holdId, branch: p.branch, patronId, actor }, now);
      return {
        pickupChanged: r.ok
          ? { ok: true, value: { id: e.id, title: r.value.title, branchName: r.value.branchName } }
          : r,
      };
    }
    case 'pauseChoices':
      return { pauseChoices: await pauseChoices(db, patronId, e.holdId, now) };
    case 'pauseOffer':
      return { pauseOffer: await pauseOffer(db, patronId, e.id, now) };
    case 'pauseHold': {
      const p = parsePauseId(e.id);
      if (!p) return { paused: { ok: false, failure: { kind: 'not_found', what: 'hold', id: e.id } } };
      const r = await pauseHold(db, { holdId: p.holdId, kind: p.kind, date: p.date, patronId, actor }, now);
      return { paused: r.ok ? { ok: true, value: { id: e.id, title: r.value.title } } : r };
    }
    case 'resumeOffer':
      return { resumeOffer: await resumeOffer(db, patronId, e.holdId, now) };
    case 'resumeHold': {
      const r = await resumeHold(db, { holdId: e.holdId, patronId, actor }, now);
      return { resumed: r.ok ? { ok: true, value: { holdId: e.holdId, title: r.value.title } } : r };
    }
    case 'renewAllOffer':
      return { renewAllOffer: await renewAllOffer(db, patronId, now) };
    case 'renewAll':
      return { renewedAll: await renewAll(db, { patronId, actor }, now) };
    case 'reminderChoices':
      return { reminderChoices: await reminderChoices(db, patronId) };
    case 'setReminders':
      return {
        reminderChoices: await setReminderChoices(
          db,
          {
            patronId,
            actor,
            ...(e.dueDays !== undefined ? { dueDays: e.dueDays } : {}),
            ...(e.pickup !== undefined ? { pickup: e.pickup } : {}),
          },
          now,
        ),
      };
  }
}
